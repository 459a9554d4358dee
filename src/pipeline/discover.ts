/**
 * Finds the decks to build: `decks/<name>/deck.md` by default, or the paths given: markdown files, deck
 * folders, mdBook folders (book.toml: the chapters SUMMARY.md lists) and other folders (their markdown).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { UsageError } from '../model/errors.ts';
import { isBookFolder, readBook } from './book.ts';

/** The mdBook a chapter belongs to. */
interface BookScope {
  /** The folder holding book.toml: chapters may link and include files anywhere in it. */
  root: string;
  /** `[rust] edition` of book.toml: the edition of Rust blocks that name none. */
  edition?: '2015' | '2018' | '2021' | '2024';
}

/** A deck source and the name of its output folder. */
export interface DeckSource {
  name: string;
  path: string;
  /** Set for a chapter of an mdBook checked as a book. */
  book?: BookScope;
}

/** The sources the command-line targets name, and files holding problems of the targets themselves. */
export interface Targets {
  sources: DeckSource[];
  /** SUMMARY.md of each book, whose messages name chapters that do not exist. */
  files: VFile[];
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

/** `part/intro.md` under `base` → `part-intro`: a name unique among the files of one folder. */
function nameUnder(base: string, file: string): string {
  return path.relative(base, file).replace(MARKDOWN, '').split(path.sep).join('-');
}

/** Folders a folder walk never enters: tools' own, hidden ones, and symlinks (which may loop). */
const SKIPPED = new Set(['node_modules', 'dist', 'target']);

/**
 * The markdown of a folder that is neither a deck nor a book, sorted by path: each file is a source,
 * except that a sub-folder holding deck.md is one deck and one holding book.toml is one book.
 */
function walkFolder(dir: string, base: string, cwd: string, into: Targets): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name)) {
      const deck = fromDirectory(full);
      if (deck) into.sources.push({ ...deck, name: nameUnder(base, full) });
      else if (isBookFolder(full)) addBook(full, cwd, into);
      else walkFolder(full, base, cwd, into);
    } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
      into.sources.push({ name: nameUnder(base, full), path: full });
    }
  }
}

/** The chapters of the book in `dir`, named by their path under the book's `src` folder. */
function addBook(dir: string, cwd: string, into: Targets): void {
  const book = readBook(dir, cwd);
  const scope: BookScope = { root: book.root, ...(book.edition ? { edition: book.edition } : {}) };
  into.files.push(book.summary);
  for (const chapter of book.chapters)
    into.sources.push({ name: nameUnder(book.src, chapter.path), path: chapter.path, book: scope });
}

/** Resolves command-line paths (deck folders, books, folders or markdown files) to deck sources. */
export function resolveTargets(root: string, paths: readonly string[], cwd = process.cwd()): Targets {
  if (paths.length === 0) return { sources: discoverDecks(root), files: [] };
  const targets: Targets = { sources: [], files: [] };
  for (const given of paths) {
    const full = locate(root, given);
    if (!full)
      throw new UsageError(`no such deck: ${given} (looked for ${given}, decks/${given}/ and decks/${given}.md)`);
    if (statSync(full).isDirectory()) {
      const deck = fromDirectory(full);
      if (deck) targets.sources.push(deck);
      else if (isBookFolder(full)) addBook(full, cwd, targets);
      else {
        const before = targets.sources.length;
        walkFolder(full, full, cwd, targets);
        if (targets.sources.length === before)
          throw new UsageError(`${given} has no ${DECK_FILE}, no book.toml and no markdown file`);
      }
      continue;
    }
    if (!MARKDOWN.test(full)) throw new UsageError(`${given} is not a markdown file (.md, .markdown, .qmd)`);
    const stem = path.basename(full).replace(MARKDOWN, '');
    const name = stem === 'deck' ? path.basename(path.dirname(full)) : stem;
    targets.sources.push({ name, path: full });
  }
  return { sources: checkNames(targets.sources), files: targets.files };
}

/** Resolves command-line paths to deck sources (see {@link resolveTargets}). */
export function resolveDeckPaths(root: string, paths: readonly string[]): DeckSource[] {
  return resolveTargets(root, paths).sources;
}
