/** Path confinement: is a file a deck names inside the project (or an allowed folder), symlinks followed? */
import { realpathSync } from 'node:fs';
import path from 'node:path';

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrSelf(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    // A file that does not exist yet cannot be a symlink: its lexical path is what counts.
    return target;
  }
}

/**
 * True when `target` lies in one of `folders`, both as written and after following symlinks
 * (a link inside the project may point at /etc/passwd).
 */
export function isInsideFolders(target: string, folders: readonly string[]): boolean {
  const lexical = folders.some((folder) => inside(path.resolve(folder), path.resolve(target)));
  if (!lexical) return false;
  const real = realOrSelf(target);
  return folders.some((folder) => inside(realOrSelf(path.resolve(folder)), real));
}
