/**
 * Finds where a directive's attributes are written. mdast-util-directive keeps the values but not their
 * positions (and keeps only the last of a repeated attribute), so the opening line is read again.
 */
import type { Node } from 'unist';
import type { Place } from '../report/messages.ts';

/** One attribute as written in `{…}`: name, and 0-based offsets of the token and its value in the line. */
export interface RawAttribute {
  name: string;
  start: number;
  valueStart: number;
}

/** Reads the attributes of the directive that starts at `node`, in source order, repeats included. */
export function rawAttributes(source: string, node: Node): RawAttribute[] {
  const line = openingLine(source, node);
  const open = line.indexOf('{');
  if (open < 0) return [];
  const attributes: RawAttribute[] = [];
  let i = open + 1;
  while (i < line.length && line[i] !== '}') {
    if (/\s/.test(line[i] ?? '')) {
      i++;
      continue;
    }
    const start = i;
    const shorthand = line[i] === '#' ? 'id' : line[i] === '.' ? 'class' : undefined;
    if (shorthand) i++;
    const nameStart = i;
    while (i < line.length && !/[\s=}]/.test(line[i] ?? '')) i++;
    const name = shorthand ?? line.slice(nameStart, i);
    let valueStart = shorthand ? nameStart : i;
    if (!shorthand && line[i] === '=') {
      i++;
      const quote = line[i] === '"' || line[i] === "'" ? line[i] : undefined;
      valueStart = quote ? i + 1 : i;
      i = quote ? line.indexOf(quote, i + 1) + 1 || line.length : skipUnquoted(line, i);
    } else if (shorthand) {
      i = skipUnquoted(line, i);
    }
    attributes.push({ name, start, valueStart });
  }
  return attributes;
}

function skipUnquoted(line: string, from: number): number {
  let i = from;
  while (i < line.length && !/[\s}]/.test(line[i] ?? '')) i++;
  return i;
}

function openingLine(source: string, node: Node): string {
  const offset = node.position?.start.offset ?? 0;
  const end = source.indexOf('\n', offset);
  return source.slice(offset, end < 0 ? source.length : end);
}

/**
 * Where attribute `name` is written: at `needle` inside its value when given and found, else at the
 * attribute, else at the directive. Always a position inside the file.
 */
export function attributePlace(source: string, node: Node, name: string, needle?: string): Place {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const attribute = rawAttributes(source, node).findLast((candidate) => candidate.name === name);
  if (!attribute) return { line: start.line, column: start.column };
  if (needle !== undefined && needle !== '') {
    const at = openingLine(source, node).indexOf(needle, attribute.valueStart);
    if (at >= 0) return { line: start.line, column: start.column + at };
  }
  return { line: start.line, column: start.column + attribute.start };
}
