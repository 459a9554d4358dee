// Which code `bin/proofdeck.js` runs: the bundle scripts/bundle.ts writes to lib/ (the entry point its
// manifest names), while every file it was built from is unchanged (same mtime and size), else the
// TypeScript sources themselves.
import { readFileSync, statSync } from 'node:fs';
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
  return path.join(root, 'src', 'cli', 'main.ts');
}
