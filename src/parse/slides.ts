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
      const title = toString(node);
      discardIfBare(current);
      current = open(line, title, node.depth < slideLevel);
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
  return items.map(unwrapSingleStacks);
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
  return result;
}

/** Every slide of the deck in document order. */
export function allSlides(items: readonly DeckItem[]): Slide[] {
  return items.flatMap((item) => (item.kind === 'slide' ? [item.slide] : item.slides));
}
