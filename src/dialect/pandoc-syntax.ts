/**
 * Pandoc's inline and slide syntax on mdast: heading attributes, image attributes, bracketed spans,
 * `. . .` pauses and Quarto's `incremental: true`. Used by the pandoc dialect and by native decks (the README
 * promises pandoc's spellings).
 */
import type { Code, Heading, Image, Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from '../parse/visit.ts';
import type { Slide } from '../model/deck.ts';
import { parseFenceMeta } from '../parse/fence-meta.ts';
import {
  elementProperties,
  KNOWN_SLIDE_CLASSES,
  leadingAttributes,
  parseAttributes,
  slideAttributesOf,
} from './attributes.ts';
import type { DialectContext } from './types.ts';

interface HeadingData {
  hProperties?: Record<string, unknown>;
  slideAttributes?: ReturnType<typeof slideAttributesOf>;
}

/**
 * `## Title {#id .smaller background="#222"}`: strips the block, keeps it as heading and slide attributes.
 * Read from the source, since a URL in the block is an autolink node by then.
 */
function headingAttributes(heading: Heading, source: string): void {
  const start = heading.position?.start.offset;
  const end = heading.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const raw = source.slice(start, end).split(/\r?\n/)[0] ?? '';
  const match = /\{([^{}]*)\}[ \t]*#*[ \t]*$/.exec(raw);
  const attributes = match ? parseAttributes(match[1] ?? '') : undefined;
  if (!match || !attributes) return;
  const cut = start + match.index;
  heading.children = heading.children.flatMap((child): PhrasingContent[] => {
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    if (from === undefined || to === undefined || to <= cut) return [child];
    if (from >= cut) return [];
    if (child.type !== 'text') return [child];
    const value = child.value.slice(0, cut - from).replace(/\s+$/, '');
    return value ? [{ ...child, value }] : [];
  });
  const last = heading.children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  const data = (heading.data ??= {}) as HeadingData;
  const { id, classes } = attributes;
  data.hProperties = { ...(id ? { id } : {}), ...(classes.length > 0 ? { className: classes } : {}) };
  data.slideAttributes = slideAttributesOf(attributes);
}

/**
 * `![alt](x.png){width=50% .r-stretch}` and `[text](url){target="_blank"}`: the block after an image or a link
 * becomes its attributes, as pandoc's `link_attributes` reads it.
 */
function imageAttributes(parent: Parent): void {
  parent.children.forEach((child, index) => {
    const next = parent.children[index + 1];
    if ((child.type !== 'image' && child.type !== 'link') || next?.type !== 'text') return;
    const found = leadingAttributes(next.value);
    if (!found) return;
    const image = child as Image | Link;
    image.data = { ...image.data, hProperties: { ...image.data?.hProperties, ...elementProperties(found.attributes) } };
    next.value = found.after;
  });
  parent.children = parent.children.filter((child) => child.type !== 'text' || child.value !== '');
}

/** `[text]{.fragment}`: a bracketed span with attributes, which micromark leaves as text. */
function bracketedSpans(parent: Parent): void {
  visit(parent, 'text', (node: Text, index, owner: Parent | undefined) => {
    if (!owner || index === undefined) return;
    const pattern = /\[([^[\]]+)\]\{([^{}]*)\}/g;
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(pattern)) {
      const found = leadingAttributes(`{${match[2] ?? ''}}`);
      if (!found || match.index === undefined) continue;
      if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
      pieces.push({
        type: 'emphasis',
        data: { hName: 'span', hProperties: elementProperties(found.attributes) },
        children: [{ type: 'text', value: match[1] ?? '' }],
      });
      last = match.index + match[0].length;
    }
    if (pieces.length === 0) return;
    if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
    owner.children.splice(index, 1, ...(pieces as typeof owner.children));
    return [SKIP, index + pieces.length];
  });
}

/** Tree pass: heading attributes, image attributes and bracketed spans, in every block. */
export function pandocInlineSyntax(nodes: RootContent[], source: string): void {
  const root: Parent = { type: 'root', children: nodes } as Parent;
  visit(root, (node) => {
    if (node.type === 'heading') headingAttributes(node as Heading, source);
    if ('children' in node && (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')) {
      imageAttributes(node as Parent);
      bracketedSpans(node as Parent);
    }
  });
}

function isPause(node: RootContent): boolean {
  return node.type === 'paragraph' && toString(node).trim() === '. . .';
}

function fragment(children: RootContent[]): ContainerDirective {
  const first = children[0]?.position?.start;
  const last = children.at(-1)?.position?.end;
  return {
    type: 'containerDirective',
    name: 'fragment',
    attributes: {},
    children: children as ContainerDirective['children'],
    ...(first && last ? { position: { start: first, end: last } } : {}),
  };
}

/** `. . .`: what follows each pause is one more fragment, as pandoc's revealjs writer does. */
export function pandocPauses(slide: Slide): void {
  if (!slide.content.some(isPause)) return;
  const groups: RootContent[][] = [[]];
  for (const node of slide.content) {
    if (isPause(node)) groups.push([]);
    else groups.at(-1)?.push(node);
  }
  const [first = [], ...rest] = groups;
  slide.content = [...first, ...rest.filter((group) => group.length > 0).map(fragment)];
}

/** Quarto/pandoc `incremental: true`: lists outside `::: nonincremental` are revealed item by item. */
export function incrementalLists(slide: Slide): void {
  slide.content = slide.content.map((node) =>
    node.type === 'list'
      ? ({
          type: 'containerDirective',
          name: 'incremental',
          attributes: {},
          children: [node],
          ...(node.position ? { position: node.position } : {}),
        } satisfies ContainerDirective)
      : node,
  );
}

/** Slide classes proofdeck does not style (a Quarto extension's, a theme's) are reported once per slide. */
export function reportSlideClasses(slide: Slide, context: DialectContext): void {
  const unknown = slide.attributes.classes.filter((name) => !KNOWN_SLIDE_CLASSES.has(name));
  const at = slide.content[0]?.position?.start;
  if (unknown.length === 0 || !at) return;
  context.report({
    line: at.line,
    column: at.column,
    message: `slide class${unknown.length > 1 ? 'es' : ''} ${unknown.map((name) => `.${name}`).join(' ')} ${
      unknown.length > 1 ? 'have' : 'has'
    } no effect in proofdeck`,
    hint:
      `proofdeck styles ${[...KNOWN_SLIDE_CLASSES].map((name) => `.${name}`).join(', ')}; ` +
      'the slide builds without it.',
  });
}

/**
 * `![x](a.png){.r-stretch}` alone in its paragraph becomes a direct child of the slide, as in pandoc's output:
 * reveal.js stretches only `section > .r-stretch`.
 */
export function unwrapStretchedImages(slide: Slide): void {
  slide.content = slide.content.map((node) => {
    if (node.type !== 'paragraph') return node;
    const parts = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    const only = parts.length === 1 ? parts[0] : undefined;
    const classes = (only?.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className;
    return only?.type === 'image' && Array.isArray(classes) && classes.includes('r-stretch')
      ? (only as unknown as RootContent)
      : node;
  });
}

const SHORTCODE = /\{\{<\s*([\w-]+)[^>]*>\}\}/g;

/**
 * Quarto shortcodes (`{{< include x.qmd >}}`, `{{< video … >}}`) and executable cells (`{python}` fences) are
 * Quarto's own processing: a warning each, and a shortcode never shows as text.
 */
export function quartoProcessing(nodes: RootContent[], context: DialectContext): void {
  const root: Root = { type: 'root', children: nodes };
  visit(root, 'code', (node: Code) => {
    // remark splits `{r echo=false}` at the space: the cell is read from the whole info string.
    const cell = /^\{([\w-]+)[^{}]*\}$/.exec([node.lang ?? '', node.meta ?? ''].join(' ').trim());
    if (!cell) return;
    node.lang = cell[1] ?? null;
    node.meta = null;
    // `#| echo: true` lines are options for Quarto, which never shows them.
    node.value = node.value.replace(/^(?:(?:#|\/\/)\|.*(?:\r?\n|$))+/, '');
    node.data = { ...node.data, fenceMeta: parseFenceMeta(node.lang, null) };
    const at = node.position?.start;
    if (at)
      context.report({
        line: at.line,
        column: at.column,
        message: `Quarto cell \`{${cell[1]}}\` is not executed by proofdeck; it shows as code`,
        hint: 'Paste the output you want on the slide, or use a proofdeck C/Rust snippet.',
      });
  });
  visit(root, 'text', (node: Text) => {
    const found = [...node.value.matchAll(SHORTCODE)];
    if (found.length === 0) return;
    const at = node.position?.start;
    if (at)
      for (const match of found)
        context.report({
          line: at.line,
          column: at.column + (match.index ?? 0),
          message: `Quarto shortcode \`{{< ${match[1]} >}}\` is not supported; it is left out of the slide`,
          hint: 'Write the content it would include directly in the deck.',
        });
    node.value = node.value.replace(SHORTCODE, '');
  });
  // Paragraphs that held only a shortcode are empty now: drop them so no blank block remains.
  const blank = (node: RootContent) =>
    node.type === 'paragraph' && node.children.every((child) => child.type === 'text' && !child.value.trim());
  visit(root, (node) => {
    if ('children' in node) (node as Parent).children = (node as Parent).children.filter((child) => !blank(child));
  });
  nodes.splice(0, nodes.length, ...root.children);
}
