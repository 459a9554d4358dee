/**
 * Rules `table/missing-header` and `table/spec` (for a `:::table` line that is not a directive): blocks
 * that were meant as tables or specs but that markdown reads as a plain paragraph.
 */
import type { Root } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';

const PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BROKEN_CONTAINER = /^:{3,}[ \t]*(table|list)\b/;

/** Counts the cells of a pipe-table line the way GFM splits them (`\|` does not split). */
function countCells(line: string): number {
  const body = line.trim();
  let pipes = 0;
  let leading = false;
  let trailing = false;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      i++;
    } else if (body[i] === '|') {
      pipes++;
      leading ||= i === 0;
      trailing = i === body.length - 1 && i > 0;
    }
  }
  // Leading and trailing pipes close cells rather than opening new ones.
  return pipes + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0);
}

/** Reports paragraphs that look like a pipe table without a valid delimiter row, and unread `:::table{` lines. */
export function checkPipeParagraphs(tree: Root, file: VFile): void {
  const source = String(file.value);
  visit(tree, 'paragraph', (node) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return;
    const raw = source.slice(start.offset, end.offset).split('\n');
    const lines = raw.map((line, index) => {
      const prefix = index === 0 ? 0 : (PREFIX.exec(line)?.[0].length ?? 0);
      return { text: line.slice(prefix), line: start.line + index, column: index === 0 ? start.column : prefix + 1 };
    });
    const first = lines[0];
    const container = first ? BROKEN_CONTAINER.exec(first.text) : null;
    if (first && container) {
      addError(
        file,
        `this \`:::${container[1] ?? ''}\` line was not read as a directive, so nothing here is checked`,
        { line: first.line, column: first.column },
        'table/spec',
        'Keep the whole {…} on the opening line, with no space between the name and {.',
      );
      return;
    }
    const second = lines[1];
    if (
      !first ||
      !second ||
      !lines.every((line) => line.text.startsWith('|')) ||
      !lines.some((line) => countCells(line.text) > 1)
    )
      return;
    const place = { line: second.line, column: second.column };
    if (DELIMITER_ROW.test(second.text)) {
      addError(
        file,
        `the delimiter row has ${countCells(second.text)} cells but the header has ${countCells(first.text)}, so ` +
          `this is not a table`,
        place,
        'table/missing-header',
        'Give the delimiter row one --- per header cell.',
      );
    } else {
      addError(
        file,
        'this looks like a table but has no delimiter row under its header, so it is shown as a paragraph',
        place,
        'table/missing-header',
        'Add a line like | --- | --- | under the header row.',
      );
    }
  });
}
