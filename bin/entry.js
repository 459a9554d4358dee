// Which code `bin/proofdeck.js` runs: the bundle scripts/bundle.ts writes to lib/, while every file it
// was built from is unchanged (same mtime and size), else the TypeScript sources themselves.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root the proofdeck package folder
 * @returns {string} absolute path of the module exporting `main`
 */
export function entryPoint(root) {
  try {
    /** @type {{ inputs: { file: string, mtimeMs: number, size: number }[] }} */
    const { inputs } = JSON.parse(readFileSync(path.join(root, 'lib', 'manifest.json'), 'utf8'));
    const fresh = inputs.length > 0 && inputs.every(({ file, mtimeMs, size }) => {
      const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
      return stat !== undefined && stat.mtimeMs === mtimeMs && stat.size === size;
    });
    if (fresh) return path.join(root, 'lib', 'proofdeck.js');
  } catch {
    // No bundle, or an unreadable manifest: the sources are always right.
  }
  return path.join(root, 'src', 'cli', 'main.ts');
}
