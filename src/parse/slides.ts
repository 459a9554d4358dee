/**
 * Splits a deck's mdast into slides the way pandoc does: headings above the slide level start
 * sections (reveal.js vertical stacks), headings at the slide level start slides, and `---` starts
 * a slide without a heading.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { DeckItem, Slide, SlideAttributes } from '../model/deck.ts';
import { DEFAULT_SLIDE_LEVEL } from '../config/defaults.ts';

/** Options for {@link splitSlides}. */
export interface SplitOptions {
  /** Heading depth that starts a slide. @default 2 */
  slideLevel?: number;
  /** Headings above the slide level start vertical stacks (pandoc); `false`: they start plain slides. @default true */
  headingStacks?: boolean;
}

interface Draft {
  slide: Slide;
  inNotes: boolean;
  /** Opened by `---`: dropped again if a heading follows at once (`---` then `## Title` is one break). */
  fromBreak: boolean;
}

const NOTE_PREFIX = /^Notes?:\s*/;

/** Splits the root's children into deck items (lone slides and stacks). */
export function splitSlides(tree: Root, options: SplitOptions = {}): DeckItem[] {
  const slideLevel = options.slideLevel ?? DEFAULT_SLIDE_LEVEL;
  const headingStacks = options.headingStacks ?? true;
  const slugger = new GithubSlugger();
  const items: DeckItem[] = [];
  let stack: Slide[] | undefined;
  let current: Draft | undefined;

  const discardIfBare = (draft: Draft | undefined) => {
    if (!draft?.fromBreak || draft.slide.content.length > 0 || draft.slide.notes.length > 0) return;
    const list = stack ?? items.map((item) => (item.kind === 'slide' ? item.slide : undefined));
    const index = list.lastIndexOf(draft.slide);
    if (stack) stack.splice(index, 1);
    else items.splice(index, 1);
  };

  const open = (line: number, title: string | undefined, startsSection: boolean, fromBreak = false): Draft => {
    const slide: Slide = {
      line,
      id: slugger.slug(title ?? `slide-${line}`),
      content: [],
      notes: [],
      attributes: { classes: [] },
    };
    if (title !== undefined) slide.title = title;
    if (startsSection) {
      stack = [slide];
      items.push({ kind: 'stack', slides: stack });
    } else if (stack) {
      stack.push(slide);
    } else {
      items.push({ kind: 'slide', slide });
    }
    return { slide, inNotes: false, fromBreak };
  };

  for (const node of tree.children) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'yaml' || node.type === 'definition') continue;
    if (node.type === 'heading' && node.depth <= slideLevel) {
      // An empty title (`## {background-image=…}`, pandoc's untitled slide) is no title.
      const title = toString(node) || undefined;
      discardIfBare(current);
      current = open(line, title, headingStacks && node.depth < slideLevel);
      applyHeadingAttributes(current.slide, node);
      current.slide.content.push(node);
      continue;
    }
    if (node.type === 'thematicBreak') {
      current = open(line, undefined, false, true);
      continue;
    }
    current ??= open(line, undefined, false);
    addToSlide(current, node);
  }
  return stackBelow(items.map(unwrapSingleStacks));
}

function addToSlide(draft: Draft, node: RootContent): void {
  const { slide } = draft;
  if (node.type === 'leafDirective' && node.name === 'slide') {
    Object.assign(slide.attributes, readSlideAttributes(node));
    return;
  }
  if (node.type === 'containerDirective' && node.name === 'notes') {
    slide.notes.push(...(node as ContainerDirective).children);
    return;
  }
  if (!draft.inNotes && node.type === 'paragraph' && startsWithNote(node)) {
    draft.inNotes = true;
    const rest = stripNotePrefix(node);
    if (rest) slide.notes.push(rest);
    return;
  }
  (draft.inNotes ? slide.notes : slide.content).push(node);
}

/** Slides cut from the source by a dialect (reveal.js, Marp, Slidev), parsed: content, notes, start line. */
export interface SourceSlideNodes {
  line: number;
  horizontal: boolean;
  content: readonly RootContent[];
  notes: readonly RootContent[];
}

/** Options for {@link slidesFromSource}. */
export interface SourceSlideOptions {
  /** HTML comments that are speaker notes: every one (Marp) or the slide's last (Slidev). */
  htmlCommentNotes?: 'all' | 'last' | undefined;
}

/** A lone HTML comment that is not a reveal.js attribute comment (`<!-- .slide: -->`, `<!-- .element: -->`). */
function commentText(node: RootContent): string | undefined {
  if (node.type !== 'html') return undefined;
  const match = /^<!--([\s\S]*?)-->$/.exec(node.value.trim());
  const text = match?.[1]?.trim();
  return text !== undefined && !/^\.(slide|element)\b/.test(text) ? text : undefined;
}

/** Deck items from source-split slides: `horizontal: false` puts a slide below the previous one. */
export function slidesFromSource(slides: readonly SourceSlideNodes[], options: SourceSlideOptions = {}): DeckItem[] {
  const slugger = new GithubSlugger();
  const items: DeckItem[] = [];
  for (const part of slides) {
    const heading = part.content.find((node) => node.type === 'heading');
    const title = heading ? toString(heading) : undefined;
    const slide: Slide = {
      line: part.content[0]?.position?.start.line ?? part.line,
      id: slugger.slug(title ?? `slide-${part.line}`),
      content: [],
      notes: [...part.notes],
      attributes: { classes: [] },
    };
    if (title !== undefined) slide.title = title;
    if (heading?.type === 'heading') applyHeadingAttributes(slide, heading);
    const draft: Draft = { slide, inNotes: false, fromBreak: false };
    const comments = part.content.filter((node) => commentText(node) !== undefined);
    const noteComments = new Set(
      options.htmlCommentNotes === 'last' ? comments.slice(-1) : options.htmlCommentNotes ? comments : [],
    );
    for (const node of part.content) {
      if (node.type === 'definition') continue;
      const text = noteComments.has(node) ? commentText(node) : undefined;
      if (text === undefined) addToSlide(draft, node);
      else if (text !== '')
        slide.notes.push({
          type: 'paragraph',
          children: [{ type: 'text', value: text }],
          ...(node.position ? { position: node.position } : {}),
        });
    }
    const last = items.at(-1);
    if (part.horizontal || !last) items.push({ kind: 'slide', slide });
    else if (last.kind === 'stack') last.slides.push(slide);
    else items[items.length - 1] = { kind: 'stack', slides: [last.slide, slide], titled: false };
  }
  return items;
}

/** Pandoc heading attributes (`## T {#id .smaller background="#222"}`, read by the dialect) become the slide's. */
function applyHeadingAttributes(slide: Slide, heading: RootContent): void {
  const data = heading.data as
    | { slideAttributes?: Partial<SlideAttributes> & { id?: string }; hProperties?: Record<string, unknown> }
    | undefined;
  const attributes = data?.slideAttributes;
  if (!attributes || !data) return;
  // The id and classes belong to the slide's <section>, not to its heading too.
  delete data.hProperties;
  const { id, classes, ...rest } = attributes;
  if (id) slide.id = id;
  if (classes) slide.attributes.classes.push(...classes);
  Object.assign(slide.attributes, rest);
}

/** A stack of one slide is just a slide: reveal.js would otherwise show a pointless down arrow. */
function unwrapSingleStacks(item: DeckItem): DeckItem {
  if (item.kind === 'stack' && item.slides.length === 1 && item.slides[0])
    return { kind: 'slide', slide: item.slides[0] };
  return item;
}

function startsWithNote(node: Paragraph): boolean {
  const first = node.children[0];
  return first?.type === 'text' && NOTE_PREFIX.test(first.value);
}

function stripNotePrefix(node: Paragraph): Paragraph | undefined {
  const [first, ...rest] = node.children;
  if (first?.type !== 'text') return node;
  const value = first.value.replace(NOTE_PREFIX, '');
  const children = value === '' ? rest : [{ ...first, value }, ...rest];
  return children.length === 0 ? undefined : { ...node, children };
}

/** Reads `::slide{.class background="#000" background-image="x.png" transition="fade"}`. */
function readSlideAttributes(node: LeafDirective): Partial<SlideAttributes> {
  const attrs = node.attributes ?? {};
  const result: Partial<SlideAttributes> = { classes: (attrs.class ?? '').split(/\s+/).filter(Boolean) };
  if (attrs.background) result.background = attrs.background;
  if (attrs['background-image']) result.backgroundImage = attrs['background-image'];
  if (attrs.transition) result.transition = attrs.transition as SlideAttributes['transition'] & string;
  if ('below' in attrs) result.below = true;
  const data: Record<string, string> = Object.fromEntries(
    Object.entries(attrs)
      .filter(([key]) => key.startsWith('data-'))
      .map(([key, value]) => [key.slice('data-'.length), value ?? '']),
  );
  // reveal.js's own spellings, shorter: `hidden` is data-visibility="hidden", `timing=60` is data-timing (seconds).
  if ('hidden' in attrs) data.visibility = 'hidden';
  if (attrs.timing) data.timing = attrs.timing;
  if (Object.keys(data).length > 0) result.data = data;
  return result;
}

/** Slides marked `::slide{below}` join the item before them as vertical slides. */
function stackBelow(items: DeckItem[]): DeckItem[] {
  const result: DeckItem[] = [];
  for (const item of items) {
    const previous = result.at(-1);
    if (item.kind !== 'slide' || !item.slide.attributes.below || !previous) result.push(item);
    else if (previous.kind === 'stack') previous.slides.push(item.slide);
    else result[result.length - 1] = { kind: 'stack', slides: [previous.slide, item.slide], titled: false };
  }
  return result;
}

/**
 * The deck without its hidden slides (`::slide{hidden}`, reveal.js `data-visibility="hidden"`, pandoc/Quarto
 * `{visibility="hidden"}`): they are checked like every slide but left out of deck, PDFs, handout and site.
 */
export function withoutHidden(items: readonly DeckItem[]): DeckItem[] {
  const shown = (slide: Slide) => slide.attributes.data?.visibility !== 'hidden';
  return items.flatMap((item): DeckItem[] => {
    if (item.kind === 'slide') return shown(item.slide) ? [item] : [];
    const slides = item.slides.filter(shown);
    if (slides.length === item.slides.length) return [item];
    const [first] = slides;
    if (!first) return [];
    // A section whose title slide is hidden loses its title: the rest are ordinary slides.
    const titled = item.titled !== false && slides[0] === item.slides[0];
    return slides.length === 1 ? [{ kind: 'slide', slide: first }] : [{ kind: 'stack', slides, titled }];
  });
}

/** The deck with its hidden slides shown (`--include-hidden`): reveal.js would drop them from the page otherwise. */
export function withHiddenShown(items: readonly DeckItem[]): DeckItem[] {
  const show = (slide: Slide): Slide => {
    if (slide.attributes.data?.visibility !== 'hidden') return slide;
    const { visibility: _hidden, ...data } = slide.attributes.data;
    return { ...slide, attributes: { ...slide.attributes, data } };
  };
  return items.map((item) =>
    item.kind === 'slide' ? { ...item, slide: show(item.slide) } : { ...item, slides: item.slides.map(show) },
  );
}

/** Every slide of the deck in document order. */
export function allSlides(items: readonly DeckItem[]): Slide[] {
  return items.flatMap((item) => (item.kind === 'slide' ? [item.slide] : item.slides));
}
