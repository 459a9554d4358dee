/**
 * Pandoc's `implicit_figures`: an image alone in its paragraph, with alt text, is a figure captioned by that alt
 * text. Pandoc renders the caption from the alt's inline markdown (`![A *big* `x`](a.png)` → emphasis and code),
 * while mdast keeps only its plain text, so the caption is read again from the source. Native and pandoc/Quarto
 * decks only: Marp, Slidev, reveal.js and reveal-md (marked, markdown-it) write a plain `<img>`.
 */
import type { Image, ImageReference, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../parse/visit.ts';
import { parseText } from '../parse/parser.ts';

declare module 'mdast' {
  interface ImageData {
    /** The caption of an implicit figure (its alt text as inline markdown), set by {@link implicitFigures}. */
    caption?: PhrasingContent[];
  }
  interface ImageReferenceData {
    /** As on {@link ImageData}: `![A *caption*][ref]` is a figure too. */
    caption?: PhrasingContent[];
  }
}

/** `![alt](url)` or `![alt][ref]`. */
type AnyImage = Image | ImageReference;

/** The image a paragraph holds with nothing else but blank text, if it does. */
export function soleImage(paragraph: Paragraph): AnyImage | undefined {
  const parts = paragraph.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  const only = parts.length === 1 ? parts[0] : undefined;
  return only?.type === 'image' || only?.type === 'imageReference' ? only : undefined;
}

/** `{.r-stretch}` fills the slide, and pandoc's revealjs writer gives it no caption. */
function stretched(image: AnyImage): boolean {
  const classes = image.data?.hProperties?.className;
  return Array.isArray(classes) && classes.includes('r-stretch');
}

/** Where the `[` of `![label]` at `start` closes: brackets balance, `\]` and code spans do not count. */
function labelEnd(source: string, start: number): number | undefined {
  let depth = 0;
  for (let at = start; at < source.length; at += 1) {
    const char = source[at];
    if (char === '\\') at += 1;
    else if (char === '`') {
      const run = /^`+/.exec(source.slice(at))?.[0] ?? '`';
      const close = source.slice(at + run.length).search(new RegExp(`(?<!\`)${run}(?!\`)`));
      if (close >= 0) at += run.length + close + run.length - 1;
      else at += run.length - 1;
    } else if (char === '[') depth += 1;
    else if (char === ']') {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return undefined;
}

/** Removes positions: they would point into the label, not the file. */
function unpositioned<T extends object>(node: T): T {
  if ('position' in node) delete node.position;
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children) unpositioned(child);
  return node;
}

/** The alt text as inline markdown, when it reads back as the alt; else the alt as plain text. */
function captionOf(image: AnyImage, source: string): PhrasingContent[] {
  const plain: PhrasingContent[] = [{ type: 'text', value: image.alt ?? '' }];
  const start = image.position?.start.offset;
  if (start === undefined || source.slice(start, start + 2) !== '![') return plain;
  const end = labelEnd(source, start + 1);
  if (end === undefined) return plain;
  const tree = parseText(source.slice(start + 2, end));
  const first = tree?.children[0];
  if (tree?.children.length !== 1 || first?.type !== 'paragraph') return plain;
  const parsed = unpositioned(first).children;
  return toString({ type: 'paragraph', children: parsed }) === image.alt ? parsed : plain;
}

/** Marks every image alone in its paragraph, with alt text and not stretched, as a figure with its caption. */
export function implicitFigures(nodes: RootContent[], source: string): void {
  const root: Root = { type: 'root', children: nodes };
  visit(root, 'paragraph', (paragraph) => {
    const image = soleImage(paragraph);
    if (!image || !image.alt?.trim() || stretched(image)) return;
    image.data = { ...image.data, caption: captionOf(image, source) };
  });
}
