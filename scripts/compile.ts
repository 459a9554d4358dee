/**
 * Compiles src/ to out/ for the published package (run by `npm pack` and `npm publish` as `prepack`):
 * JavaScript, `.d.ts` types and source maps with the sources inlined. Node does not strip types of files
 * under node_modules, so an installed proofdeck must run JavaScript.
 *
 *   node scripts/compile.ts
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'out');

rmSync(OUT, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);

// tsc rewrites `./x.ts` to `./x.js` in JavaScript (rewriteRelativeImportExtensions) but keeps `.ts` in
// declarations, which a consumer's TypeScript without allowImportingTsExtensions rejects.
for (const file of readdirSync(OUT, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.d.ts')) continue;
  const full = path.join(OUT, file);
  const text = readFileSync(full, 'utf8');
  const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2');
  if (fixed !== text) writeFileSync(full, fixed);
}
