/** Where a code block's pieces are in the markdown: each content line's column, each attribute's column. */
import type { Code } from 'mdast';
import type { SourceLine } from './source-lines.ts';

/** The markdown lines of the file (empty when the vfile has no value). */
export function markdownLines(value: unknown): string[] {
  return typeof value === 'string'
    ? value.split(/\r?\n/)
    : value instanceof Uint8Array
      ? new TextDecoder().decode(value).split(/\r?\n/)
      : [];
}

/**
 * The block's content lines with their markdown line and column. remark strips fence indentation
 * and container prefixes (`> `, list indents), so the column is found by matching the line's end.
 */
export function contentLines(node: Code, source: readonly string[]): SourceLine[] {
  const fenceLine = node.position?.start.line ?? 1;
  const fenceColumn = (node.position?.start.column ?? 1) - 1;
  return node.value.split('\n').map((text, index) => {
    const line = fenceLine + 1 + index;
    const raw = source[line - 1];
    const column = raw !== undefined && text !== '' && raw.endsWith(text) ? raw.length - text.length : fenceColumn;
    return { text, line, column };
  });
}

/** 1-based column of an attribute given its offset in `lang + ' ' + meta`. */
export function attributeColumn(node: Code, source: readonly string[], offset: number, key: string): number {
  const fenceLine = node.position?.start.line ?? 1;
  const fenceColumn = node.position?.start.column ?? 1;
  const raw = source[fenceLine - 1];
  if (raw === undefined) return fenceColumn;
  const marker = /^[ \t>]*(`{3,}|~{3,})\s*/.exec(raw.slice(fenceColumn - 1));
  const infoStart = fenceColumn - 1 + (marker?.[0].length ?? 3);
  // Offsets count one space between lang and meta; the source may have more, so look for the key.
  const found = raw.indexOf(key, infoStart + Math.max(0, offset - 1));
  return (found === -1 ? infoStart + offset : found) + 1;
}
