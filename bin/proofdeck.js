#!/usr/bin/env node
// proofdeck needs Node >= 22.12 (its dependencies' floor; Node 22 and 24 are the LTS lines). A source
// checkout runs its TypeScript by Node's own type stripping (>= 22.18); the published package runs the
// JavaScript compiled into out/ at `npm pack`. Started by an older Node, a source checkout re-runs itself
// under the Node 24 that `npm install` puts in node_modules (the `node` dev dependency), passing signals on.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { entryPoint, nodeFloor } from './entry.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = entryPoint(root);
const [needMajor, needMinor] = nodeFloor(entry);
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major > needMajor || (major === needMajor && minor >= needMinor)) {
  // Reuse compiled module code between runs: start-up dominates short builds.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  const { main } = await import(pathToFileURL(entry).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const bundled = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(bundled)) {
    process.stderr.write(
      `proofdeck: needs Node.js >= ${needMajor}.${needMinor} (this is ${process.version}); ` +
        'install Node 22 LTS or 24 LTS (https://nodejs.org)\n',
    );
    process.exit(3);
  }
  const { rerun, exitLike } = await import('./rerun.js');
  exitLike(await rerun(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)]));
}
