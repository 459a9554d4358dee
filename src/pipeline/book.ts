/**
 * An mdBook folder as a check target: `book.toml` says where the chapters are, `SUMMARY.md` lists them.
 * A chapter SUMMARY.md names that does not exist is a `links/broken` error at its line in SUMMARY.md
 * (mdBook would silently create an empty file for it), so the report says which entry is wrong.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { readBookToml } from '../config/book-toml.ts';
import { UsageError } from '../model/errors.ts';
import { parseMarkdown } from '../parse/parser.ts';
import { addError } from '../report/messages.ts';
import { summaryChapters, type SummaryChapter } from './summary.ts';

/** A book's chapters that exist, and SUMMARY.md's file (its messages name the missing ones). */
export interface BookChapters {
  /** The folder holding book.toml. */
  root: string;
  /** The folder holding SUMMARY.md and the chapters (`[book] src`). */
  src: string;
  /** `[rust] edition` of book.toml. */
  edition?: '2015' | '2018' | '2021' | '2024';
  chapters: SummaryChapter[];
  summary: VFile;
}

/** True when `dir` holds a book.toml. */
export const isBookFolder = (dir: string): boolean => existsSync(path.join(dir, 'book.toml'));

/** Reads book.toml and SUMMARY.md of the book in `dir`; diagnostics' paths are printed relative to `cwd`. */
export function readBook(dir: string, cwd: string): BookChapters {
  const config = readBookToml(dir);
  if (!config) throw new UsageError(`${dir} has no book.toml`);
  const summaryPath = path.join(config.src, 'SUMMARY.md');
  if (!existsSync(summaryPath))
    throw new UsageError(`${path.join(dir, 'book.toml')}: the book has no ${path.relative(dir, summaryPath)}`);
  const summary = new VFile({ path: summaryPath, cwd, value: readFileSync(summaryPath, 'utf8') });
  const listed = summaryChapters(parseMarkdown(summary), config.src);
  const chapters = listed.filter((chapter) => {
    if (existsSync(chapter.path) && statSync(chapter.path).isFile()) return true;
    addError(
      summary,
      `broken link: chapter ${chapter.url} does not exist`,
      chapter.place,
      'links/broken',
      `Chapter paths in SUMMARY.md are relative to ${path.relative(cwd, config.src) || '.'}; ` +
        'a draft chapter is written `- [Title]()`.',
    );
    return false;
  });
  return { root: dir, src: config.src, ...(config.edition ? { edition: config.edition } : {}), chapters, summary };
}
