/** Offline search: a minisearch index built here, shipped as a script (fetch of a JSON file fails from file://). */
import MiniSearch, { type Options } from 'minisearch';
import type { RootContent } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { SlideRef } from './sections.ts';

/** One searchable unit: a slide section, or a document's header. */
export interface SearchRecord {
  /** Site-relative URL with anchor; unique, so it doubles as the document id. */
  url: string;
  title: string;
  /** Title of the deck or page it belongs to. */
  page: string;
  text: string;
  code: string;
  notes: string;
}

/** Index settings, shipped with the index because loading it needs the very same ones. */
const SEARCH_OPTIONS = {
  idField: 'url',
  fields: ['title', 'text', 'code', 'notes'],
  storeFields: ['title', 'page', 'url'],
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 3, text: 1.5, code: 1, notes: 1 } },
} satisfies Options<SearchRecord>;

/** Global the search-index script assigns; the client reads it. */
const SEARCH_GLOBAL = 'proofdeckSearchIndex';

/** Prose and code of some nodes, apart; mermaid sources are diagrams, not code worth finding. */
function textOf(nodes: readonly RootContent[]): { text: string; code: string } {
  const text: string[] = [];
  const code: string[] = [];
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type === 'text' || child.type === 'inlineCode') text.push(child.value);
      else if (child.type === 'code' && child.lang?.toLowerCase() !== 'mermaid') code.push(child.value);
    });
  }
  return { text: text.join(' '), code: code.join('\n') };
}

/** Records for a document: its header (title, abstract) and each slide, under the nearest slide title. */
export function searchRecords(path: string, page: string, intro: string, refs: readonly SlideRef[]): SearchRecord[] {
  const records: SearchRecord[] = [{ url: path, title: page, page, text: intro, code: '', notes: '' }];
  let lastTitle = page;
  for (const { slide } of refs) {
    lastTitle = slide.title ?? lastTitle;
    const content = textOf(slide.content);
    records.push({
      url: `${path}#${slide.id}`,
      title: lastTitle,
      page,
      text: content.text,
      code: content.code,
      notes: textOf(slide.notes).text,
    });
  }
  return records;
}

/** The `search-index.js` file: assigns the serialised index and its options to a global. */
export function searchIndexScript(records: readonly SearchRecord[]): string {
  const search = new MiniSearch<SearchRecord>(SEARCH_OPTIONS);
  search.addAll([...records].sort((a, b) => a.url.localeCompare(b.url, 'en')));
  // `</` is escaped so the JSON can never close a script element it might be inlined into.
  const payload = JSON.stringify({ options: SEARCH_OPTIONS, index: search }).replaceAll('</', '<\\/');
  return `window.${SEARCH_GLOBAL} = ${payload};\n`;
}
