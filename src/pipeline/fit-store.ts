/**
 * Where the fit stage keeps its slide measurements: one cache entry per deck file (named by its path), mapping slide
 * keys to measurements, rewritten with the deck's current slides. Its age also tells, before anything is parsed,
 * whether a build may have to lay slides out: chromium then starts while the deck is parsed and rendered.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import type { SlideMeasurement } from './fit-slides.ts';

/** Bumped when what an entry holds changes shape. */
export const CACHE_FORMAT = 3;

const storeKey = (file: string): string => sha256(JSON.stringify(['fit-slides', CACHE_FORMAT, path.resolve(file)]));

/** The cached slide measurements of a deck file (empty when absent, torn, or of another version). */
export function readStore(dir: string | undefined, file: string): Map<string, SlideMeasurement> {
  const text = readCacheEntry(dir, storeKey(file), 'json');
  if (text === undefined) return new Map();
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object') return new Map();
    return new Map(
      Object.entries(value as Record<string, Partial<SlideMeasurement>>).filter(
        (entry): entry is [string, SlideMeasurement] =>
          Array.isArray(entry[1].sizes) && Array.isArray(entry[1].findings),
      ),
    );
  } catch {
    return new Map();
  }
}

/** Replaces a deck file's entry with `slides` (also when unchanged, so it is newer than the file again). */
export function writeStore(dir: string, file: string, slides: ReadonlyMap<string, SlideMeasurement>): void {
  writeCacheEntry(dir, storeKey(file), 'json', JSON.stringify(Object.fromEntries(slides)));
}

/**
 * Whether a deck file may have slides to lay out: it was never measured, or it changed after it last was (a guess
 * from file times, only used to start chromium early; what is measured is decided by the slide keys).
 */
export function mayMeasure(dir: string | undefined, file: string): boolean {
  if (!dir) return true;
  const store = statSync(path.join(dir, `${storeKey(file)}.json`), { throwIfNoEntry: false });
  const source = statSync(file, { throwIfNoEntry: false });
  return !store || !source || source.mtimeMs >= store.mtimeMs;
}
