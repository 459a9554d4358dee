/**
 * An mdBook's `book.toml`: where its chapters live (`[book] src`), its title, and the edition of its
 * Rust blocks (`[rust] edition`; mdBook's default is 2015, see mdBook's guide, format/configuration/general.md).
 * Problems (bad TOML, an unknown edition) are errors at their line and column in the book.toml, on the
 * returned file, like the project config's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { VFile } from 'vfile';
import { addError } from '../report/messages.ts';

/** The Rust editions rustc knows. */
export const RUST_EDITIONS = ['2015', '2018', '2021', '2024'] as const;
export type RustEdition = (typeof RUST_EDITIONS)[number];

/** The parts of a book.toml proofdeck uses. */
export interface BookToml {
  /** Absolute folder holding book.toml. */
  dir: string;
  /** Chapters folder (`[book] src`), absolute. @default '<dir>/src' */
  src: string;
  title?: string;
  /** `[rust] edition` as written; absent when not set (mdBook then uses 2015: see {@link bookEdition}). */
  edition?: RustEdition;
  /** The book.toml itself; its messages hold its problems. */
  file: VFile;
}

const HINT = 'book.toml: [book] src = "src", [rust] edition = "2015" | "2018" | "2021" | "2024"';

function table(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Line and column of `key = …` inside `[section]` (1-based), for positioning a bad value. */
function keyPosition(text: string, section: string, key: string): { line: number; column: number } {
  let current = '';
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) current = header[1]?.trim() ?? '';
    const match = new RegExp(`^(\\s*)${key}\\s*=`).exec(line);
    if (match && current === section) return { line: index + 1, column: (match[1]?.length ?? 0) + 1 };
  }
  return { line: 1, column: 1 };
}

/** Reads `<dir>/book.toml`; undefined when there is none. Never throws for its content. */
export function readBookToml(dir: string): BookToml | undefined {
  const folder = path.resolve(dir);
  const filePath = path.join(folder, 'book.toml');
  if (!existsSync(filePath)) return undefined;
  const text = readFileSync(filePath, 'utf8');
  const file = new VFile({ path: filePath, cwd: process.cwd(), value: text });
  const book: BookToml = { dir: folder, src: path.join(folder, 'src'), file };
  let data: Record<string, unknown>;
  try {
    data = parse(text);
  } catch (error) {
    const place = error instanceof TomlError ? { line: error.line, column: error.column } : { line: 1, column: 1 };
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    addError(file, `invalid TOML: ${message}`, place, 'config/syntax', 'Fix the syntax of book.toml.');
    return book;
  }
  const bookTable = table(data.book);
  if (typeof bookTable.src === 'string' && bookTable.src !== '') book.src = path.resolve(folder, bookTable.src);
  if (typeof bookTable.title === 'string') book.title = bookTable.title;
  const edition = table(data.rust).edition;
  if (edition !== undefined) {
    const written = String(edition);
    if ((RUST_EDITIONS as readonly string[]).includes(written)) book.edition = written as RustEdition;
    else
      addError(
        file,
        `"rust.edition": ${JSON.stringify(edition)} is not a Rust edition`,
        keyPosition(text, 'rust', 'edition'),
        'config/invalid',
        HINT,
      );
  }
  return book;
}

/**
 * The nearest book.toml in `fromDir` or a folder above it, up to `root` (inclusive); undefined when
 * there is none, or when `fromDir` is outside `root` (a file outside the project belongs to no book).
 */
export function findBookToml(fromDir: string, root: string): BookToml | undefined {
  const top = path.resolve(root);
  let dir = path.resolve(fromDir);
  const rel = path.relative(top, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  for (;;) {
    const found = readBookToml(dir);
    if (found) return found;
    if (dir === top) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The edition `mdbook test` gives a book's blocks: `[rust] edition`, else 2015 (mdBook's default). */
export function bookEdition(book: BookToml): RustEdition {
  return book.edition ?? '2015';
}
