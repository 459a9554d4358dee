/** Source rewrites with an exact way back: parse rewritten text, then map every position into the original. */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from '../parse/visit.ts';
import type { SourceEdit } from './types.ts';

/** Rewritten text and a map from its offsets to the original's. */
export interface Rewritten {
  text: string;
  /** Offset in `text` → offset in the original (inside an edit: the edit's start). */
  toOriginal: (offset: number) => number;
}

/** Applies non-overlapping edits (any order). */
export function applyEdits(source: string, edits: readonly SourceEdit[]): Rewritten {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let text = '';
  let last = 0;
  // [start in rewritten, start in original, length of the rewritten piece, isEdit]
  const pieces: [number, number, number, boolean][] = [];
  for (const edit of sorted) {
    if (edit.start < last) continue;
    pieces.push([text.length, last, edit.start - last, false]);
    text += source.slice(last, edit.start);
    pieces.push([text.length, edit.start, edit.text.length, true]);
    text += edit.text;
    last = edit.end;
  }
  pieces.push([text.length, last, source.length - last, false]);
  text += source.slice(last);
  const toOriginal = (offset: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieces[mid]?.[0] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const [at, original, length, isEdit] = pieces[lo] ?? [0, 0, 0, false];
    if (isEdit) return offset - at >= length ? original + length : original;
    return original + (offset - at);
  };
  return { text, toOriginal };
}

/** Line starts of a text, for offset → line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function pointAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/**
 * Rewrites every position of the tree: `mapOffset` turns a parsed offset into an original one, and the
 * line/column are recomputed from the original text, so diagnostics point into the user's file.
 */
export function remapPositions(tree: Root | Node, mapOffset: (offset: number) => number, original: string): void {
  const starts = lineStarts(original);
  visit(tree as Root, (node: Node) => {
    const { position } = node;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      if (point.offset === undefined) continue;
      const offset = mapOffset(point.offset);
      const { line, column } = pointAt(starts, offset);
      point.offset = offset;
      point.line = line;
      point.column = column;
    }
  });
}
