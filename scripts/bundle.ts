/**
 * Bundles the CLI into `lib/` with esbuild. Node loads ~600 small ES modules from `src/` and
 * `node_modules/` in ~130 ms; one bundle loads in a fraction of that, and start-up dominates a deck
 * build. `bin/proofdeck.js` uses the bundle only while `lib/manifest.json` says it matches the
 * sources; otherwise it runs `src/` directly, so an edited source is never shadowed by a stale bundle.
 *
 *   node scripts/bundle.ts          (run by scripts/setup.sh, i.e. by `npm run build` and `npm test`)
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = path.join(ROOT, 'lib');
const STAGING = path.join(ROOT, `lib.staging-${process.pid}`);

/** Heavy or path-sensitive packages stay in node_modules: they are imported lazily or resolved as files. */
const EXTERNAL = ['shiki', 'puppeteer-core', 'mermaid', 'chokidar', 'reveal.js', 'minisearch'];

/** Files whose change makes the bundle stale: every bundled source file and the lockfile (dependency versions). */
function manifestEntry(file: string): { file: string; mtimeMs: number; size: number } {
  const stat = statSync(path.join(ROOT, file));
  return { file, mtimeMs: stat.mtimeMs, size: stat.size };
}

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

const sources = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('src/'));
const manifest = { inputs: [...sources, 'package-lock.json'].sort().map(manifestEntry) };
mkdirSync(STAGING, { recursive: true });
writeFileSync(path.join(STAGING, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
rmSync(LIB, { recursive: true, force: true });
renameSync(STAGING, LIB);
