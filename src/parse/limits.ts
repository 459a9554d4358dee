/**
 * Input limits checked before and after parsing, so that no deck can make the parser or the tree walks
 * behind it hang or overflow the stack: 5,000 nested `>` took micromark 7 s and then overflowed
 * JSON.stringify; 5,000 nested `*` took 42 s; a 100k-row table needed 2.6 GB.
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';

/** The limits, documented in the README ("Limits"). */
const LIMITS = {
  /** Bytes of one markdown file. */
  fileBytes: 1024 * 1024,
  /** Nested containers (block quotes, list items, directives) in the syntax tree. */
  nestingDepth: 64,
  /** Rows of one table. */
  tableRows: 5_000,
} as const;

/** A limit that an input breaks, with the line where it does. */
export interface LimitBreach {
  message: string;
  line: number;
  column: number;
}

/** Container markers at the start of a line (`> > - * 1.`): cheap to count, before micromark sees the text. */
function prefixDepth(line: string): number {
  const match = /^(?:\s*(?:>|[*+-](?=\s)|\d{1,9}[.)](?=\s)))*/.exec(line);
  return match ? (match[0].match(/>|[*+-]|\d{1,9}[.)]/g)?.length ?? 0) : 0;
}

function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** Limits that can be seen in the text itself: its size, and nesting written on one line. */
export function checkSourceLimits(source: string): LimitBreach | undefined {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > LIMITS.fileBytes)
    return {
      message: `the file has ${bytes} bytes; the most a deck may have is ${LIMITS.fileBytes}`,
      line: 1,
      column: 1,
    };
  const lines = source.split('\n');
  let tableStart = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const at = { line: index + 1, column: 1 };
    if (prefixDepth(line) > LIMITS.nestingDepth)
      return { message: `more than ${LIMITS.nestingDepth} nested block quotes or list items`, ...at };
    // Lists also nest by indentation (2-4 columns a level): 900 levels took micromark 85 s.
    if (indentWidth(line) > LIMITS.nestingDepth * 4)
      return { message: `a line indented by more than ${LIMITS.nestingDepth * 4} columns`, ...at };
    // A run of lines with a `|` is what a table is made of: count it before micromark builds 100k rows.
    if (!line.includes('|')) tableStart = index + 1;
    else if (index - tableStart >= LIMITS.tableRows)
      return {
        message: `more than ${LIMITS.tableRows} table rows in a row`,
        line: tableStart + 1,
        column: 1,
      };
  }
  return undefined;
}

/** Limits of the tree: nesting depth (also through indentation) and table rows. Iterative: never recurses. */
export function checkTreeLimits(tree: Root): LimitBreach | undefined {
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    if (depth > LIMITS.nestingDepth) return { message: `more than ${LIMITS.nestingDepth} nested blocks`, ...at };
    const children = (node as Partial<Parent>).children;
    if (!Array.isArray(children)) continue;
    if (node.type === 'table' && children.length > LIMITS.tableRows)
      return { message: `a table with ${children.length} rows; the most is ${LIMITS.tableRows}`, ...at };
    for (const child of children) stack.push([child, depth + 1]);
  }
  return undefined;
}
