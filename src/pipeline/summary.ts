/**
 * mdBook's `SUMMARY.md`: the chapters of a book, in reading order. mdBook reads prefix chapters (links
 * before the first list), numbered chapters (`- [Title](path.md)`, nested lists for sub-chapters), part
 * titles (`# Part`), separators (`---`) and suffix chapters (links after the last list). Every link with
 * a target is a chapter; a draft chapter (`- [Draft]()`) has none and is not checked, as mdBook renders
 * nothing for it. Titles and separators only shape mdBook's sidebar.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from '../parse/visit.ts';
import type { Place } from '../report/messages.ts';

/** One chapter of a book: where SUMMARY.md names it and the file it names. */
export interface SummaryChapter {
  title: string;
  /** The link target as written, e.g. `part/intro.md`. */
  url: string;
  /** Absolute path of the chapter's markdown file. */
  path: string;
  place: Place | undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Links to other sites are not chapters; mdBook only follows paths inside `src`. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const textOf = (node: { children?: unknown[]; value?: unknown }): string =>
  typeof node.value === 'string'
    ? node.value
    : (node.children ?? []).map((child) => textOf(child as { children?: unknown[]; value?: unknown })).join('');

/**
 * The chapters of a parsed SUMMARY.md in document order, each file once (mdBook renders a file named
 * twice at its first place only). `srcDir` is the folder SUMMARY.md lies in: links are relative to it.
 */
export function summaryChapters(tree: Root, srcDir: string): SummaryChapter[] {
  const chapters: SummaryChapter[] = [];
  const seen = new Set<string>();
  visit(tree, 'link', (link) => {
    const target = (link.url.split('#')[0] ?? '').trim();
    if (target === '' || EXTERNAL.test(target)) return;
    const file = path.resolve(srcDir, safeDecode(target));
    if (seen.has(file)) return;
    seen.add(file);
    const start = link.position?.start;
    chapters.push({
      title: textOf(link).trim(),
      url: target,
      path: file,
      place: start ? { line: start.line, column: start.column } : undefined,
    });
  });
  return chapters;
}
