/**
 * mdBook's `book.toml`: where the chapters are (`[book] src`, default `src`), the book's title and the
 * Rust edition its code blocks are tested with (`[rust] edition`). Other keys belong to mdBook and are
 * ignored. A book.toml that cannot be read is a usage error naming the file, line and column.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { UsageError } from '../model/errors.ts';

/** What proofdeck reads from a book.toml. */
export interface BookToml {
  /** Absolute path of the folder holding `SUMMARY.md` and the chapters. */
  src: string;
  /** `[rust] edition`: the edition of Rust blocks that name none. */
  edition?: '2015' | '2018' | '2021' | '2024';
  /** `[book] title`. */
  title?: string;
}

const EDITIONS = ['2015', '2018', '2021', '2024'] as const;

const isTable = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function table(data: Record<string, unknown>, key: string, file: string): Record<string, unknown> {
  const value = data[key] ?? {};
  if (!isTable(value)) throw new UsageError(`${file}: [${key}] must be a table`);
  return value;
}

function optionalString(data: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = data[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`${where}.${key} must be a non-empty string`);
  return value;
}

function edition(rust: Record<string, unknown>, file: string): BookToml['edition'] {
  const value = rust.edition;
  if (value === undefined) return undefined;
  const found = EDITIONS.find((known) => known === value);
  if (!found) throw new UsageError(`${file}: [rust] edition must be one of ${EDITIONS.join(', ')}`);
  return found;
}

/** Reads `<dir>/book.toml`; undefined when the folder has none. */
export function readBookToml(dir: string): BookToml | undefined {
  const file = path.join(dir, 'book.toml');
  if (!existsSync(file)) return undefined;
  let data: Record<string, unknown>;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0] ?? 'invalid TOML';
    throw new UsageError(`${file}:${error.line}:${error.column}: invalid TOML: ${reason}`);
  }
  const book = table(data, 'book', file);
  const src = optionalString(book, 'src', `${file}: [book]`) ?? 'src';
  const title = optionalString(book, 'title', `${file}: [book]`);
  const rustEdition = edition(table(data, 'rust', file), file);
  return {
    src: path.resolve(dir, src),
    ...(rustEdition ? { edition: rustEdition } : {}),
    ...(title ? { title } : {}),
  };
}
