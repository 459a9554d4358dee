// Which code `bin/proofdeck.js` runs: the bundle scripts/bundle.ts writes to lib/ (the entry point its
// manifest names), while every file it was built from is unchanged (same mtime and size), else the
// TypeScript sources themselves; in the published package, which holds no sources (Node does not strip
// types under node_modules), the JavaScript scripts/compile.ts wrote to out/ at `npm pack`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root the proofdeck package folder
 * @returns {string} absolute path of the module exporting `main`
 */
export function entryPoint(root) {
  try {
    /** @type {{ entry: string, inputs: { file: string, mtimeMs: number, size: number }[] }} */
    const { entry, inputs } = JSON.parse(readFileSync(path.join(root, 'lib', 'manifest.json'), 'utf8'));
    const fresh =
      typeof entry === 'string' &&
      inputs.length > 0 &&
      inputs.every(({ file, mtimeMs, size }) => {
        const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
        return stat !== undefined && stat.mtimeMs === mtimeMs && stat.size === size;
      });
    if (fresh) return path.join(root, 'lib', path.basename(entry));
  } catch {
    // No bundle, or an unreadable manifest: the sources are always right.
  }
  const source = path.join(root, 'src', 'cli', 'main.ts');
  const compiled = path.join(root, 'out', 'cli', 'main.js');
  return !existsSync(source) && existsSync(compiled) ? compiled : source;
}

/**
 * The oldest Node that can run `entry`: the dependencies (commander, puppeteer-core, mermaid) need 22.12;
 * TypeScript sources need Node's type stripping on by default (22.18).
 * @param {string} entry
 * @returns {[number, number]}
 */
export function nodeFloor(entry) {
  return entry.endsWith('.ts') ? [22, 18] : [22, 12];
}
