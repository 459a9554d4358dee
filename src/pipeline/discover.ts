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
/** Markdown a deck may be written in: `.qmd` is Quarto's (read in the pandoc dialect). */
const MARKDOWN = /\.(md|markdown|qmd)$/i;

function fromDirectory(dir: string): DeckSource | undefined {
  const file = [DECK_FILE, 'deck.qmd'].map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  return file ? { name: path.basename(dir), path: file } : undefined;
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
        : entry.isFile() && MARKDOWN.test(entry.name) && entry.name !== 'README.md'
          ? { name: entry.name.replace(MARKDOWN, ''), path: path.join(decksDir, entry.name) }
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

/** A path as given, else a deck name: `decks/<name>/` or `decks/<name>.md` (what `proofdeck new` makes). */
function locate(root: string, given: string): string | undefined {
  const candidates = [given, path.join('decks', given), path.join('decks', `${given}.md`)];
  return candidates.map((candidate) => path.resolve(root, candidate)).find((full) => existsSync(full));
}

/** Resolves command-line paths (deck folders or `.md` files) to deck sources. */
export function resolveDeckPaths(root: string, paths: readonly string[]): DeckSource[] {
  if (paths.length === 0) return discoverDecks(root);
  return checkNames(
    paths.map((given) => {
      const full = locate(root, given);
      if (!full)
        throw new UsageError(`no such deck: ${given} (looked for ${given}, decks/${given}/ and decks/${given}.md)`);
      if (statSync(full).isDirectory()) {
        const deck = fromDirectory(full);
        if (!deck) throw new UsageError(`${given} has no ${DECK_FILE}`);
        return deck;
      }
      if (!MARKDOWN.test(full)) throw new UsageError(`${given} is not a markdown file (.md, .markdown, .qmd)`);
      const stem = path.basename(full).replace(MARKDOWN, '');
      const name = stem === 'deck' ? path.basename(path.dirname(full)) : stem;
      return { name, path: full };
    }),
  );
}
