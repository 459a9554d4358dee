/**
 * Bundles the CLI into `lib/` with esbuild. Node loads ~600 small ES modules from `src/` and
 * `node_modules/` in ~130 ms; one bundle loads in a fraction of that, and start-up dominates a deck
 * build. `bin/proofdeck.js` uses the bundle only while `lib/manifest.json` says it matches the
 * sources; otherwise it runs `src/` directly, so an edited source is never shadowed by a stale bundle.
 *
 *   node scripts/bundle.ts          (run by scripts/setup.sh, i.e. by `npm run build` and `npm test`)
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = path.join(ROOT, 'lib');
const STAGING = path.join(ROOT, `lib.staging-${process.pid}`);
const MANIFEST = path.join(LIB, 'manifest.json');

/** Heavy or path-sensitive packages stay in node_modules: they are imported lazily or resolved as files. */
const EXTERNAL = ['shiki', 'puppeteer-core', 'mermaid', 'chokidar', 'reveal.js', 'minisearch'];

interface Input {
  file: string;
  mtimeMs: number;
  size: number;
}

interface Manifest {
  inputs: Input[];
  /** Files this build wrote to lib/; the previous build's stay until the next one (a running `proofdeck dev` may still import them). */
  outputs: string[];
}

function inputOf(file: string): Input {
  const stat = statSync(path.join(ROOT, file));
  return { file, mtimeMs: stat.mtimeMs, size: stat.size };
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((file) => /\.[cm]?[jt]s$/.test(file)).map((file) => path.join(dir, file));
}

function previousOutputs(): string[] {
  try {
    return (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Partial<Manifest>).outputs ?? [];
  } catch {
    return [];
  }
}

// Stat before bundling: a file saved while esbuild runs then no longer matches, so that bundle is stale, not wrongly fresh.
const watched = [...sourcesUnder('src'), 'package-lock.json', 'package.json', 'scripts/bundle.ts'].sort();
const before = watched.map(inputOf);

rmSync(STAGING, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { proofdeck: 'src/cli/main.ts' },
  outdir: STAGING,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: EXTERNAL,
  metafile: true,
  logLevel: 'warning',
  // Some bundled dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __proofdeckRequire } from 'node:module';\nconst require = __proofdeckRequire(import.meta.url);" },
});

const bundled = new Set(Object.keys(result.metafile.inputs));
const inputs = before.filter(({ file }) => !file.startsWith('src/') || bundled.has(file));
const changed = inputs.some((input) => JSON.stringify(inputOf(input.file)) !== JSON.stringify(input));
// Chunk names carry a content hash, so moving them into lib/ never changes a file an older entry point
// imports; the entry point moves last, once everything it imports is in place.
const outputs = readdirSync(STAGING).sort((a, b) => Number(a === 'proofdeck.js') - Number(b === 'proofdeck.js') || a.localeCompare(b));
mkdirSync(LIB, { recursive: true });
for (const file of outputs) renameSync(path.join(STAGING, file), path.join(LIB, file));
const keep = new Set([...outputs, ...previousOutputs(), 'manifest.json']);
for (const file of readdirSync(LIB)) if (!keep.has(file)) rmSync(path.join(LIB, file), { force: true });
if (!changed) {
  const manifest: Manifest = { inputs, outputs };
  writeFileSync(path.join(STAGING, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(path.join(STAGING, 'manifest.json'), MANIFEST);
} else {
  process.stderr.write('proofdeck bundle: sources changed while bundling; the CLI runs from src/ until the next bundle\n');
}
rmSync(STAGING, { recursive: true, force: true });
