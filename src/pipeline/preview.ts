/**
 * `proofdeck dev`'s fast path: after an edit, the slides of one deck whose HTML changed, without the
 * whole-deck work of a build (fit measuring, every slide rendered, handout, site, writing dist/).
 * A written build leaves a snapshot of each deck: a key per top-level section and its final (fitted)
 * HTML. An edit checks the deck again (parse is incremental, unchanged snippets and diagrams come from the
 * caches), renders only the sections whose key changed, and returns them; the full build follows and
 * confirms them on disk. Sections are keyed by their own source and a fingerprint of everything deck-wide
 * a section's HTML depends on, so a deck-wide change renders every section again.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../parse/visit.ts';
import type { BrowserSession } from '../browser/session.ts';
import { cacheFolder, sha256 } from '../cache/store.ts';
import type { DeckItem, Slide } from '../model/deck.ts';
import { allSlides } from '../parse/slides.ts';
import { renderItems, titleSlide } from '../render/deck/slides.ts';
import { hasErrors } from '../report/messages.ts';
import { highlightRequests } from '../transform/content.ts';
import type { CodeHighlighter } from '../transform/highlight.ts';
import { prepareHighlighter, type PreparedHighlighter } from '../transform/highlight-cache.ts';
import { checkedBuild } from './build.ts';
import { checkAll, type DeckOptions } from './check.ts';
import type { BuiltDoc } from './renderers.ts';

/** A deck as its last written build left it: what the fast path compares an edit with. */
export interface DeckSnapshot {
  fingerprint: string;
  /** One key per top-level section (the title slide first, when there is one). */
  keys: string[];
  /** The sections as written, code sizes fitted. */
  sections: Element[];
  html: string[];
  /** Every slide's section by the slide's own key: a changed stack renders only its changed slides. */
  slides: Map<string, Element>;
}

/** The changed sections of one deck, by their index among the top-level sections. */
export interface DeckPreview {
  deck: string;
  /** How many top-level sections the deck has. */
  count: number;
  sections: { index: number; html: string }[];
  /** The snapshot the deck is in after this edit (the next edit is compared with it). */
  snapshot: DeckSnapshot;
}

/** Everything deck-wide a section's HTML depends on besides its own source. */
function fingerprint(doc: BuiltDoc): string {
  const { context, deck } = doc;
  const headings: string[] = [];
  for (const slide of allSlides(deck.items))
    visit({ type: 'root', children: slide.content } as Root, 'heading', (node: Heading) => {
      headings.push(toString(node));
    });
  return sha256(
    JSON.stringify([
      context.theme.name,
      context.badges,
      deck.meta,
      deck.definitions,
      allSlides(deck.items).map((slide) => slide.id),
      headings,
      [...(context.docs?.byPath.keys() ?? [])],
      [...context.assets.assets].map(([url, asset]) => [url, asset.target]),
      (context.tables ?? []).map((model) => model.table),
      // What the slides show of each verdict: a run's duration and whether it came from the cache change
      // between builds without changing a slide. A diagram's result is a function of its source and the
      // theme, both already in the key of the slide it is on.
      [...(context.snippetResults ?? [])].map(([id, result]) => [
        id,
        { ...result, runs: result.runs.map(({ durationMs: _ms, cached: _cached, ...run }) => run) },
      ]),
    ]),
  );
}

/** A slide's own source and whether it is drawn as its stack's title (both reach its `<section>`). */
function slideKeys(items: readonly DeckItem[]): Map<Slide, string> {
  const keys = new Map<Slide, string>();
  for (const item of items) {
    if (item.kind === 'slide') keys.set(item.slide, JSON.stringify([false, item.slide]));
    else
      item.slides.forEach((slide, index) =>
        keys.set(slide, JSON.stringify([index === 0 && item.titled !== false, slide])),
      );
  }
  return keys;
}

/**
 * A top-level section's own source: its slides' keys, positions included (they reach ids and line marks).
 * Made of the slide keys, so the deck is serialised once per edit (it was the fast path's largest cost).
 */
function itemKey(item: DeckItem, slides: ReadonlyMap<Slide, string>): string {
  const members = item.kind === 'slide' ? [item.slide] : item.slides;
  return [item.kind, ...members.map((slide) => slides.get(slide))].join('\n');
}

/** The key of every top-level section, the title slide's (made from the frontmatter) first. */
function sectionKeys(doc: BuiltDoc, slides: ReadonlyMap<Slide, string>): string[] {
  return [...(doc.deck.meta.titleSlide ? ['title'] : []), ...doc.deck.items.map((item) => itemKey(item, slides))];
}

/** The snapshot of a document a build has just fitted (its memoised sections carry the code sizes). */
export function snapshotOf(doc: BuiltDoc): DeckSnapshot {
  const sections = [
    ...(doc.deck.meta.titleSlide ? [titleSlide(doc.deck.meta)] : []),
    ...renderItems(doc.deck.items, doc.content),
  ];
  const keys = slideKeys(doc.deck.items);
  const slides = new Map<string, Element>();
  for (const [slide, key] of keys) {
    const section = doc.content.memo?.get(slide);
    if (section) slides.set(key, section);
  }
  const html = sections.map(sectionHtml);
  return { fingerprint: fingerprint(doc), keys: sectionKeys(doc, keys), sections, html, slides };
}

const sectionHtml = (section: Element): string =>
  toHtml({ type: 'root', children: [section] } satisfies HastRoot, { allowDangerousHtml: true });

/**
 * The fit stage's sizes of the section this one replaces, carried over while the code blocks are the same in
 * number: a text edit rarely changes what fits, and the full build that follows measures it again.
 */
function carryFit(previous: Element | undefined, next: Element): void {
  if (!previous) return;
  const before = preElements(previous);
  const after = preElements(next);
  if (before.length !== after.length) return;
  after.forEach((pre, index) => {
    const fitted = before[index]?.properties.style;
    const own = typeof pre.properties.style === 'string' ? pre.properties.style.replace(/;?\s*$/, '') : '';
    if (typeof fitted === 'string' && /^(.*;)?font-size:[\d.]+px$/.test(fitted) && fitted.startsWith(own))
      pre.properties.style = fitted;
  });
}

function preElements(section: Element): Element[] {
  const found: Element[] = [];
  visit({ type: 'root', children: [section] } satisfies HastRoot, 'element', (node: Element) => {
    if (node.tagName === 'pre') found.push(node);
  });
  return found;
}

/** The slide sections after a preview: the ones it rendered, and the earlier ones where the fingerprint held. */
function nextSlides(
  snapshot: DeckSnapshot,
  doc: BuiltDoc,
  print: string,
  keys: ReadonlyMap<Slide, string>,
): Map<string, Element> {
  const slides = new Map<string, Element>();
  for (const [slide, key] of keys) {
    const section =
      doc.content.memo?.get(slide) ?? (print === snapshot.fingerprint ? snapshot.slides.get(key) : undefined);
    if (section) slides.set(key, section);
  }
  return slides;
}

/** Options for {@link previewDeck}: those of the dev rebuild of the one deck. */
export interface PreviewOptions extends DeckOptions {
  browser: BrowserSession;
}

/**
 * Checks one deck again and renders the top-level sections that differ from `snapshot`. `undefined` when the
 * fast path does not apply: the deck has an error, or it has gained or lost a top-level section.
 */
export async function previewDeck(snapshot: DeckSnapshot, options: PreviewOptions): Promise<DeckPreview | undefined> {
  // The parse cache file (~340 KB for the flagship) is written by the full build that follows.
  const checked = await checkAll({ ...options, writeParseCache: false }, options.browser, 'decks');
  // Highlighting is prepared once the changed sections are known; rendering only starts after that.
  let highlighter: PreparedHighlighter | undefined;
  const forward: CodeHighlighter = {
    pre: (code, lang, theme) => {
      if (!highlighter) throw new Error('the preview highlights before its code blocks are prepared');
      return highlighter.pre(code, lang, theme);
    },
  };
  const [doc] = checkedBuild(checked, forward).docs;
  if (checked.decks.length !== 1 || !doc || hasErrors(checked.files)) return undefined;
  const { deck } = doc;
  const bySlide = slideKeys(deck.items);
  const keys = sectionKeys(doc, bySlide);
  if (keys.length !== snapshot.keys.length) return undefined;
  const print = fingerprint(doc);
  const changed = keys.flatMap((key, index) =>
    print !== snapshot.fingerprint || key !== snapshot.keys[index] ? [index] : [],
  );
  const offset = deck.meta.titleSlide ? 1 : 0;
  const items = changed.flatMap((index) => (index < offset ? [] : [deck.items[index - offset] as DeckItem]));
  const code: Root = {
    type: 'root',
    children: allSlides(items).flatMap((slide) => [...slide.content, ...slide.notes]),
  };
  highlighter = await prepareHighlighter(highlightRequests(code, doc.theme.shiki), {
    cacheDir: options.noCache ? undefined : cacheFolder(checked.root, 'highlight'),
    pool: options.highlighters,
  });
  // Unchanged slides of a changed stack keep their sections (fitted): the memo hands them to renderItems.
  for (const slide of allSlides(items)) {
    const key = bySlide.get(slide) ?? '';
    const kept = print === snapshot.fingerprint ? snapshot.slides.get(key) : undefined;
    if (kept) doc.content.memo?.set(slide, kept);
  }
  try {
    const sections = [...snapshot.sections];
    const html = [...snapshot.html];
    for (const index of changed) {
      const item = deck.items[index - offset];
      const section = item ? renderItems([item], doc.content)[0] : titleSlide(deck.meta);
      if (!section) return undefined;
      carryFit(snapshot.sections[index], section);
      sections[index] = section;
      html[index] = sectionHtml(section);
    }
    const shown = changed.filter((index) => html[index] !== snapshot.html[index]);
    return {
      deck: deck.name,
      count: keys.length,
      sections: shown.map((index) => ({ index, html: html[index] as string })),
      snapshot: { fingerprint: print, keys, sections, html, slides: nextSlides(snapshot, doc, print, bySlide) },
    };
  } finally {
    highlighter.dispose();
  }
}
