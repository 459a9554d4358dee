/**
 * Pandoc's title block (`pandoc_title_block`): up to three lines at the very top, `% Title`, `% Author; Author`,
 * `% Date`, read as the deck's metadata. proofdeck reads frontmatter, so the block is rewritten into it.
 */
import type { SourceEdit } from './types.ts';

/** Whether the file opens with a pandoc title block (no other tool gives a leading `% ` line a meaning). */
export function hasTitleBlock(source: string): boolean {
  return /^%[ \t]/.test(source);
}

/** The block's lines (a line starting with a space continues the one above) as title, author and date. */
function titleBlockFields(source: string): { end: number; fields: string[] } {
  const fields: string[] = [];
  let offset = 0;
  while (offset < source.length && fields.length < 3) {
    const newline = source.indexOf('\n', offset);
    const end = newline === -1 ? source.length : newline + 1;
    const line = source.slice(offset, end).replace(/\r?\n$/, '');
    if (line.startsWith('%')) fields.push(line.slice(1).trim());
    else if (/^[ \t]+\S/.test(line) && fields.length > 0) fields[fields.length - 1] += ` ${line.trim()}`;
    else break;
    offset = end;
  }
  return { end: offset, fields };
}

/** The edit turning a leading title block into YAML frontmatter (each value a YAML double-quoted string). */
export function titleBlockEdits(source: string): SourceEdit[] {
  if (!hasTitleBlock(source)) return [];
  const { end, fields } = titleBlockFields(source);
  const [title = '', author = '', date = ''] = fields;
  const authors = author
    .split(';')
    .map((name) => name.trim())
    .filter(Boolean);
  const lines = [
    ...(title ? [`title: ${JSON.stringify(title)}`] : []),
    ...(authors.length > 0 ? [`author: ${JSON.stringify(authors.join(', '))}`] : []),
    ...(date ? [`date: ${JSON.stringify(date)}`] : []),
  ];
  return [{ start: 0, end, text: `---\n${lines.join('\n')}\n---\n` }];
}
