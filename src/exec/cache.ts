/** Content-addressed cache of tool runs: one JSON file per key, written atomically. */
import { join } from 'node:path';
import { cacheFolder, readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import type { ToolRun } from '../model/snippet.ts';

/**
 * Bumped whenever the way a run is produced or recorded changes, so stale entries are never reused.
 */
const CACHE_FORMAT = 3;

/** Stores {@link ToolRun}s (diagnostics in program coordinates) by key. */
export interface RunCache {
  get(key: string): Promise<ToolRun | undefined>;
  put(key: string, run: ToolRun): Promise<void>;
}

/** The default cache folder for a project: kept under node_modules/.cache, so never in dist/ or git. */
export function defaultCacheDir(root: string): string {
  return cacheFolder(root, 'snippets');
}

/** sha256 over a canonical JSON form of `parts` (object keys sorted). */
export function cacheKey(parts: unknown): string {
  const canonical = JSON.stringify(parts, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  });
  return sha256(`proofdeck-cache-${CACHE_FORMAT}\n${canonical}`);
}

function isToolRun(value: unknown): value is ToolRun {
  return typeof value === 'object' && value !== null && 'tool' in value && 'outcome' in value && 'diagnostics' in value;
}

/**
 * A cache in `dir` (entries fanned out by their key's first two characters); with `dir` undefined every lookup misses
 * and nothing is written (`--no-cache`).
 */
export function createRunCache(dir: string | undefined): RunCache {
  if (dir === undefined) return { get: () => Promise.resolve(undefined), put: () => Promise.resolve() };
  const folderOf = (key: string): string => join(dir, key.slice(0, 2));
  return {
    get(key) {
      try {
        const parsed: unknown = JSON.parse(readCacheEntry(folderOf(key), key.slice(2), 'json') ?? 'null');
        return Promise.resolve(isToolRun(parsed) ? { ...parsed, cached: true } : undefined);
      } catch {
        // Torn by a crash: a miss, the entry is rewritten.
        return Promise.resolve(undefined);
      }
    },
    put(key, run) {
      writeCacheEntry(folderOf(key), key.slice(2), 'json', JSON.stringify({ ...run, cached: false }));
      return Promise.resolve();
    },
  };
}
