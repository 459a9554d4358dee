/**
 * Bundles the CLI into `lib/` with esbuild. Node loads ~600 small ES modules from `src/` and
 * `node_modules/` in ~130 ms; one bundle loads in a fraction of that, and start-up dominates a deck
 * build. `bin/proofdeck.js` runs the entry point `lib/manifest.json` names, and only while every file
 * listed there is unchanged; otherwise it runs `src/` directly, so an edited source is never shadowed
 * by a stale bundle.
 *
 *   node scripts/bundle.ts          (run by scripts/setup.sh, i.e. by `npm run build` and `npm test`)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = path.join(ROOT, 'lib');
const STAGING = path.join(ROOT, 'lib', `.staging-${process.pid}`);
const MANIFEST = path.join(LIB, 'manifest.json');

/** Heavy or path-sensitive packages stay in node_modules: they are imported lazily or resolved as files. */
const EXTERNAL = ['shiki', 'puppeteer-core', 'mermaid', 'chokidar', 'reveal.js', 'minisearch'];

interface Input {
  file: string;
  mtimeMs: number;
  size: number;
}

interface Manifest {
  /** The entry point's file name in lib/ (content-hashed, so writing the manifest switches bundles at once). */
  entry: string;
  inputs: Input[];
  /**
   * Files this build wrote to lib/; the previous build's stay until the next one (a running `proofdeck dev` may still
   * import them).
   */
  outputs: string[];
}

function inputOf(file: string): Input | undefined {
  const stat = statSync(path.join(ROOT, file), { throwIfNoEntry: false });
  return stat && { file, mtimeMs: stat.mtimeMs, size: stat.size };
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.[cm]?[jt]s$/.test(file))
    .map((file) => path.join(dir, file));
}

/**
 * What an earlier build left that a running process may still import: its outputs, or everything if its manifest does
 * not say.
 */
function previousOutputs(): string[] {
  try {
    const outputs = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Partial<Manifest>).outputs;
    if (outputs) return outputs;
  } catch {
    // No readable manifest: keep what is there.
  }
  return existsSync(LIB) ? readdirSync(LIB) : [];
}

// Stat before bundling: a file saved while esbuild runs then no longer matches, so this bundle is discarded.
const watched = [
  ...sourcesUnder('src'),
  'package-lock.json',
  'package.json',
  'scripts/bundle.ts',
  'node_modules/.package-lock.json',
].sort();
const before = watched.flatMap((file) => inputOf(file) ?? []);

mkdirSync(STAGING, { recursive: true });
try {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { proofdeck: 'src/cli/main.ts' },
    entryNames: '[name]-[hash]',
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
    banner: {
      js:
        "import { createRequire as __proofdeckRequire } from 'node:module';\nconst require = " +
        '__proofdeckRequire(import.meta.url);',
    },
  });

  const bundled = new Set(Object.keys(result.metafile.inputs));
  const inputs = before.filter(({ file }) => !file.startsWith('src/') || bundled.has(file));
  if (inputs.some((input) => JSON.stringify(inputOf(input.file)) !== JSON.stringify(input))) {
    process.stderr.write(
      'proofdeck bundle: sources changed while bundling; the CLI runs from src/ until the next bundle\n',
    );
  } else {
    const outputs = readdirSync(STAGING).sort();
    const entry = outputs.find((file) => /^proofdeck-[A-Z0-9]+\.js$/.test(file));
    if (!entry) throw new Error(`esbuild wrote no entry point (${outputs.join(', ')})`);
    const keep = new Set([...outputs, ...previousOutputs(), 'manifest.json', path.basename(STAGING)]);
    // Every name carries a content hash, so moving files in never changes one an older entry point imports;
    // the manifest, written last, switches to the new entry point at once.
    for (const file of outputs) renameSync(path.join(STAGING, file), path.join(LIB, file));
    const manifest: Manifest = { entry, inputs, outputs };
    writeFileSync(path.join(STAGING, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    renameSync(path.join(STAGING, 'manifest.json'), MANIFEST);
    for (const file of readdirSync(LIB))
      if (!keep.has(file) && !file.startsWith('.staging-')) rmSync(path.join(LIB, file), { force: true });
  }
} finally {
  rmSync(STAGING, { recursive: true, force: true });
}
