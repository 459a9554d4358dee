/** Content-addressed cache of tool runs: one JSON file per key, written atomically. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheFolder } from '../cache/store.ts';
import type { ToolRun } from '../model/snippet.ts';

/**
 * Bumped whenever the way a run is produced or recorded changes, so stale entries are never reused.
 */
export const CACHE_FORMAT = 3;

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
  return createHash('sha256').update(`proofdeck-cache-${CACHE_FORMAT}\n`).update(canonical).digest('hex');
}

function isToolRun(value: unknown): value is ToolRun {
  return typeof value === 'object' && value !== null && 'tool' in value && 'outcome' in value && 'diagnostics' in value;
}

/** A cache in `dir`; with `dir` undefined every lookup misses and nothing is written (`--no-cache`). */
export function createRunCache(dir: string | undefined): RunCache {
  if (dir === undefined) return { get: () => Promise.resolve(undefined), put: () => Promise.resolve() };
  const pathOf = (key: string): string => join(dir, key.slice(0, 2), `${key.slice(2)}.json`);
  return {
    async get(key) {
      try {
        const parsed: unknown = JSON.parse(await readFile(pathOf(key), 'utf8'));
        return isToolRun(parsed) ? { ...parsed, cached: true } : undefined;
      } catch {
        // Missing or unreadable (e.g. torn by a crash): a miss, the entry is rewritten.
        return undefined;
      }
    },
    async put(key, run) {
      const target = pathOf(key);
      await mkdir(join(dir, key.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, JSON.stringify({ ...run, cached: false }));
      await rename(temporary, target);
    },
  };
}
