/** Finds the decks to build: `decks/<name>/deck.md` by default, or the paths given. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors.ts';

/** A deck source and the name of its output folder. */
export interface DeckSource {
  name: string;
  path: string;
}

const DECK_FILE = 'deck.md';

function fromDirectory(dir: string): DeckSource | undefined {
  const file = path.join(dir, DECK_FILE);
  return existsSync(file) ? { name: path.basename(dir), path: file } : undefined;
}

/** Output folders that belong to proofdeck itself. */
const RESERVED = new Set(['site']);

/**
 * Every deck under `<root>/decks`, sorted by name so builds are deterministic: `decks/<name>/deck.md`,
 * and `decks/<name>.md` (a single-file deck, or a site page when its frontmatter says `kind: page`).
 */
export function discoverDecks(root: string): DeckSource[] {
  const decksDir = path.join(root, 'decks');
  if (!existsSync(decksDir)) return [];
  const found = readdirSync(decksDir, { withFileTypes: true })
    .map((entry) =>
      entry.isDirectory()
        ? fromDirectory(path.join(decksDir, entry.name))
        : entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md'
          ? { name: path.basename(entry.name, '.md'), path: path.join(decksDir, entry.name) }
          : undefined,
    )
    .filter((deck): deck is DeckSource => deck !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  return checkNames(found);
}

/** Two sources may not share an output folder, nor take one proofdeck uses. */
function checkNames(decks: DeckSource[]): DeckSource[] {
  const seen = new Map<string, string>();
  for (const deck of decks) {
    if (RESERVED.has(deck.name))
      throw new UsageError(
        `a deck cannot be named "${deck.name}": dist/${deck.name}/ is proofdeck's own (${deck.path})`,
      );
    const other = seen.get(deck.name);
    if (other) throw new UsageError(`${other} and ${deck.path} would both be built to dist/${deck.name}/`);
    seen.set(deck.name, deck.path);
  }
  return decks;
}

/** Resolves command-line paths (deck folders or `.md` files) to deck sources. */
export function resolveDeckPaths(root: string, paths: readonly string[]): DeckSource[] {
  if (paths.length === 0) return discoverDecks(root);
  return checkNames(
    paths.map((given) => {
      const full = path.resolve(root, given);
      if (!existsSync(full)) throw new UsageError(`no such deck: ${given}`);
      if (statSync(full).isDirectory()) {
        const deck = fromDirectory(full);
        if (!deck) throw new UsageError(`${given} has no ${DECK_FILE}`);
        return deck;
      }
      if (!full.endsWith('.md')) throw new UsageError(`${given} is not a markdown file`);
      const name = path.basename(full) === DECK_FILE ? path.basename(path.dirname(full)) : path.basename(full, '.md');
      return { name, path: full };
    }),
  );
}
