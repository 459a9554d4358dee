/** One file per cache entry, named by its content key: read as a miss when absent or unreadable, written atomically. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Hex sha256 of a text: the name of a cache entry. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A file's identity (inode, size, mtime), or undefined when it is absent: replacing or editing the file changes it. */
export function fileIdentity(file: string): string | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${file}:${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}` : undefined;
}

/** A project's cache folder for one kind of entry: under node_modules/.cache, so never in dist/ or git. */
export function cacheFolder(
  root: string,
  kind: 'snippets' | 'diagrams' | 'highlight' | 'parse' | 'fit' | 'smart',
): string {
  return path.join(root, 'node_modules', '.cache', 'proofdeck', kind);
}

/** The entry's text, or undefined (absent, unreadable, or torn by a killed build: the entry is then rewritten). */
export function readCacheEntry(dir: string | undefined, key: string, extension: string): string | undefined {
  if (!dir) return undefined;
  try {
    return readFileSync(path.join(dir, `${key}.${extension}`), 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes to a temporary name and renames, so readers never see half an entry. */
export function writeCacheEntry(dir: string, key: string, extension: string, content: string): void {
  mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, path.join(dir, `${key}.${extension}`));
}
