/** Snippet ids: explicit `id=` (unique per file), otherwise `<deck>-<lang>-<n>`, stable across builds. */
import { basename, dirname, extname } from 'node:path';

const GENERIC_STEMS = new Set(['deck', 'index', 'readme', 'slides', 'talk']);

/** A slug of the deck's name: the file stem, or its folder's name for `deck.md`/`index.md`. */
export function deckSlug(path: string): string {
  const stem = basename(path, extname(path));
  const name = GENERIC_STEMS.has(stem.toLowerCase()) ? basename(dirname(path)) || stem : stem;
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'deck'
  );
}

/** True for an id that is safe in HTML ids, file names and CLI filters. */
export function isValidId(id: string): boolean {
  return /^[A-Za-z][\w-]{0,63}$/.test(id);
}

/**
 * Derived id for the `ordinal`-th block of `lang` in the file (explicit-id blocks count too, so adding
 * an id to one block never renumbers the others); suffixed when an explicit id already took it.
 */
export function derivedId(prefix: string, lang: string, ordinal: number, taken: Set<string>): string {
  const base = `${prefix}-${lang}-${ordinal}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
