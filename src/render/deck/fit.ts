/**
 * Code that fits its slide: the hast side of the fitting pass. Before measuring, the deck's rendered sections
 * are marked (which element came from which markdown position, which code blocks may shrink); after
 * measuring, the chosen font sizes are written onto the code blocks, where deck, PDF and handout all read them.
 */
import type { Element, Root } from 'hast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';

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

/** Whether a code block's `<pre>` may shrink, from its fence's `fit=false`. */
export type FitChoice = (position: Position) => boolean;

const MARKS = ['dataPdPos', 'dataPdFit', 'dataPdNofit'] as const;

/**
 * Marks the sections for measuring: every positioned block gets `data-pd-pos` (an index into `positions`),
 * every code block's `<pre>` `data-pd-fit` (an index into `blocks`) or, with `fit=false`, `data-pd-nofit`.
 */
export function markForFitting(sections: readonly Element[], mayFit: FitChoice): FitMarks {
  const positions: FitMarks['positions'] = [];
  const blocks: Element[] = [];
  const marked: Element[] = [];
  const root: Root = { type: 'root', children: [...sections] };
  // A code block's position sits on what its renderer returned (figure, file tab or the pre itself).
  const codeAncestor = new WeakMap<Element, Position>();
  visit(root, 'element', (node, _index, parent) => {
    const inherited = parent && parent.type === 'element' ? codeAncestor.get(parent) : undefined;
    if (inherited) codeAncestor.set(node, inherited);
    if (node.position && BLOCKS.has(node.tagName)) {
      node.properties.dataPdPos = String(positions.length);
      positions.push({ line: node.position.start.line, column: node.position.start.column });
      marked.push(node);
      if (!inherited && containsPre(node)) codeAncestor.set(node, node.position);
    }
    if (node.tagName === 'pre') {
      const position = codeAncestor.get(node) ?? node.position;
      if (!position) return;
      if (mayFit(position)) {
        node.properties.dataPdFit = String(blocks.length);
        blocks.push(node);
      } else node.properties.dataPdNofit = '';
      marked.push(node);
    }
  });
  return {
    positions,
    blocks,
    unmark() {
      for (const node of marked) for (const key of MARKS) delete node.properties[key];
    },
  };
}

function containsPre(node: Element): boolean {
  return node.tagName === 'pre' || node.children.some((child) => child.type === 'element' && containsPre(child));
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
