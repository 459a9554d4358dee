#!/usr/bin/env node
// proofdeck is TypeScript run by Node's own type stripping (Node >= 22.18). On an older system Node,
// re-run under the Node 24 that `npm install` puts in node_modules (the `node` package), if present.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const stripsTypes = major > 22 || (major === 22 && minor >= 18);
if (stripsTypes) {
  // Reuse compiled module code between runs: start-up dominates short builds.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  const { entryPoint } = await import('./entry.js');
  const { main } = await import(pathToFileURL(entryPoint(fileURLToPath(new URL('..', import.meta.url)))).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const bundled = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(bundled)) {
    process.stderr.write(
      `proofdeck: needs Node.js >= 22.18 (this is ${process.version}); run \`npm install\` in the proofdeck folder to get Node 24\n`,
    );
    process.exit(3);
  }
  const result = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 70;
}
