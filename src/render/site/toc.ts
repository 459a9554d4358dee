/** "On this page": the headings of an article, two levels deep. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../../parse/visit.ts';
import type { SlideRef } from './sections.ts';

/** One table-of-contents line. */
export interface TocEntry {
  id: string;
  text: string;
  /** 2 or 3: the heading level on the site page. */
  level: number;
}

/** Headings of the slides' content (not notes) that land on `<h2>`/`<h3>`, with their ids. */
export function tocEntries(refs: readonly SlideRef[], shift: number, minLevel: number): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const { slide } of refs) {
    for (const node of slide.content) {
      visit(node, 'heading', (heading: Heading) => {
        const level = Math.max(minLevel, Math.min(6, heading.depth + shift));
        const id = heading.data?.anchor;
        if (id && (level === 2 || level === 3)) entries.push({ id, text: toString(heading), level });
      });
    }
  }
  return entries;
}

/** Nests level-3 entries under the level-2 entry before them. */
function nest(entries: readonly TocEntry[]): Element[] {
  const groups: { entry: TocEntry; children: TocEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (entry.level === 3 && last?.entry.level === 2) last.children.push(entry);
    else groups.push({ entry, children: [] });
  }
  const link = (entry: TocEntry) => h('a', { href: `#${entry.id}` }, entry.text);
  return groups.map(({ entry, children }) =>
    h('li', [
      link(entry),
      children.length > 0
        ? h(
            'ul',
            children.map((child) => h('li', [link(child)])),
          )
        : undefined,
    ]),
  );
}

/** The `<nav>` for the right-hand column; undefined when the page has fewer than two headings. */
export function renderToc(entries: readonly TocEntry[]): Element | undefined {
  if (entries.length < 2) return undefined;
  return h('nav.toc', { ariaLabelledby: 'toc-title' }, [
    h('p.toc-title', { id: 'toc-title' }, 'On this page'),
    h('ul', nest(entries)),
  ]);
}
