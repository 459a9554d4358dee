/**
 * Smart punctuation's quote passes, kept from build to build (`node_modules/.cache/proofdeck/smart`): parse-latin
 * parsing every slide's text was most of smartening, and a rebuild meets the same texts again. One entry per project,
 * under a key of the quote code and the installed packages; it holds this build's texts, then earlier ones up to a cap.
 */
import path from 'node:path';
import { fileIdentity, readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { curlCode, curledTexts, reuseCurled } from '../transform/smart-punctuation.ts';

/** Texts kept at most: a project's decks, not every text ever written. */
const KEEP = 5000;

function entryKey(): string {
  const installed = ['node_modules/.package-lock.json', 'package-lock.json'].map(
    (file) => fileIdentity(path.join(PACKAGE_ROOT, file)) ?? '',
  );
  return sha256(JSON.stringify(['curled', curlCode(), installed]));
}

/** Starts a build with the cached texts (none without a cache folder); returns them for {@link saveCurled}. */
export function loadCurled(dir: string | undefined): ReadonlyMap<string, string> {
  let texts = new Map<string, string>();
  const text = readCacheEntry(dir, dir ? entryKey() : '', 'json');
  if (text !== undefined) {
    try {
      const value = JSON.parse(text) as unknown;
      if (Array.isArray(value))
        texts = new Map(
          value.filter(
            (entry): entry is [string, string] =>
              Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
          ),
        );
    } catch {
      // A torn entry: curl again.
    }
  }
  reuseCurled(texts);
  return texts;
}

/** Writes this build's texts, then `earlier` ones up to the cap; nothing when every text was there already. */
export function saveCurled(dir: string | undefined, earlier: ReadonlyMap<string, string>): void {
  const current = curledTexts();
  if (!dir || [...current.keys()].every((text) => earlier.has(text))) return;
  const kept = new Map(current);
  for (const [text, curled] of earlier) {
    if (kept.size >= KEEP) break;
    if (!kept.has(text)) kept.set(text, curled);
  }
  writeCacheEntry(dir, entryKey(), 'json', JSON.stringify([...kept]));
}
