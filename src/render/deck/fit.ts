/**
 * Code that fits its slide: the hast side of the fitting pass. Before measuring, the deck's rendered sections
 * are marked (which element came from which markdown position; which code blocks may shrink, read from the fence
 * each `<pre>` was rendered from); after measuring, the chosen font sizes are written onto the code blocks, where
 * deck, PDF and handout all read them.
 */
import type { Element, Root } from 'hast';
import { visit } from '../../parse/visit.ts';
import { DISPLAY_ATTRIBUTES, type FenceMeta } from '../../parse/fence-meta.ts';

/** The smallest code font a slide may use, at a slide 720 px tall: readable from the back of a room. */
const FIT_FLOOR_PX = 18;

/** The floor for a slide of `height` px (reveal.js scales the whole slide to the screen, so it scales too). */
export const fitFloor = (height: number): number => (FIT_FLOOR_PX * height) / 720;

/** Block elements whose source position a finding can point at (inline ones are too fine to help). */
const BLOCKS = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'table',
  'figure',
  'blockquote',
  'div',
  'img',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'video',
  'iframe',
]);

/** The marks of one deck: positions by `data-pd-pos`, fit-able code blocks by `data-pd-fit`. */
export interface FitMarks {
  positions: { line: number; column: number }[];
  /** The `<pre>` of every code block that may shrink, in document order. */
  blocks: Element[];
  /** Removes every mark again, leaving the sections as they were rendered. */
  unmark(): void;
}

const MARKS = ['dataPdPos', 'dataPdFit', 'dataPdNofit'] as const;

/** Whether a fence lets its block shrink: not with `fit=false`. */
function mayShrink(meta: FenceMeta): boolean {
  return !meta.attributes.some((attribute) => attribute.key === DISPLAY_ATTRIBUTES.fit && attribute.value === 'false');
}

/**
 * Marks the sections for measuring: every positioned block gets `data-pd-pos` (an index into `positions`),
 * every code block's `<pre>` `data-pd-fit` (an index into `blocks`) or, with `fit=false`, `data-pd-nofit`.
 */
export function markForFitting(sections: readonly Element[]): FitMarks {
  const positions: FitMarks['positions'] = [];
  const blocks: Element[] = [];
  const marked: Element[] = [];
  const root: Root = { type: 'root', children: [...sections] };
  // A fence's info string sits on what its renderer returned (figure, file tab or the pre itself,
  // transform/slide.ts): every `<pre>` inside (the code, a proof's output) belongs to that fence.
  const fenceOf = new WeakMap<Element, FenceMeta>();
  visit(root, 'element', (node, _index, parent) => {
    const fence = node.data?.fenceMeta ?? (parent?.type === 'element' ? fenceOf.get(parent) : undefined);
    if (fence) fenceOf.set(node, fence);
    if (node.position && BLOCKS.has(node.tagName)) {
      node.properties.dataPdPos = String(positions.length);
      positions.push({ line: node.position.start.line, column: node.position.start.column });
      marked.push(node);
    }
    // A `<pre>` that no fence rendered (none today: raw HTML stays text) is left as it is.
    if (node.tagName !== 'pre' || !fence) return;
    if (mayShrink(fence)) {
      node.properties.dataPdFit = String(blocks.length);
      blocks.push(node);
    } else node.properties.dataPdNofit = '';
    marked.push(node);
  });
  return {
    positions,
    blocks,
    unmark() {
      for (const node of marked) for (const key of MARKS) delete node.properties[key];
    },
  };
}

/** Writes the measured font sizes (`[block index, px]`) onto the code blocks. */
export function applyFit(blocks: readonly Element[], sizes: readonly (readonly [number, number])[]): void {
  for (const [index, px] of sizes) {
    const pre = blocks[index];
    if (!pre) continue;
    const style = typeof pre.properties.style === 'string' ? pre.properties.style.replace(/;?\s*$/, '') : '';
    pre.properties.style = `${style ? `${style};` : ''}font-size:${px}px`;
  }
}
