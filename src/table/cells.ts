/**
 * Reads a GFM table's cells with their exact positions. micromark keeps every cell a row has, extra ones
 * included (the HTML step later drops them and pads short rows), and each cell's position starts at its
 * pipe; the content column is found by reading the source from there.
 */
import type { Table, TableCell, TableRow } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from '../parse/visit.ts';
import type { Place } from '../report/messages.ts';
import { parseClaims } from './claims.ts';
import type { CellModel, Citation, Problem, RowModel } from './model.ts';
import { collapseWhitespace } from './values.ts';

/** The text directive that cites a snippet from a cell: `:proof[c-uaf]`, `:proof[rs-leak]{outcome=runs}`. */
export const PROOF_DIRECTIVE = 'proof';

/** Header and body rows of a table, plus problems with its citations. */
export interface ReadTable {
  header: CellModel[];
  rows: RowModel[];
  problems: Problem[];
}

/** Reads the cells of an authored table. */
export function readTable(table: Table, source: string): ReadTable {
  const problems: Problem[] = [];
  const [head, ...body] = table.children;
  const header = head ? head.children.map((cell, column) => readCell(cell, column, source, problems)) : [];
  const rows = body.map((row, index) => readRow(row, index + 1, header.length, source, problems));
  return { header, rows, problems };
}

function readRow(row: TableRow, number: number, width: number, source: string, problems: Problem[]): RowModel {
  const all = row.children.map((cell, column) => readCell(cell, column, source, problems));
  const cells: (CellModel | undefined)[] = Array.from({ length: width }, (_, column) => all[column]);
  const end = row.position?.end;
  return {
    number,
    cells,
    extra: all.slice(width),
    end: end ? { line: end.line, column: end.column } : (all.at(-1)?.place ?? { line: 1, column: 1 }),
  };
}

function readCell(cell: TableCell, column: number, source: string, problems: Problem[]): CellModel {
  const citations: Citation[] = [];
  let hasLink = false;
  visit(cell, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') hasLink = true;
    if (node.type === 'textDirective' && node.name === PROOF_DIRECTIVE) {
      const citation = readCitation(node, problems);
      if (citation) citations.push(citation);
    }
  });
  return {
    column,
    text: plainText(cell),
    hasLink,
    empty: cell.children.length === 0,
    place: contentStart(cell, source, cell.children.length === 0),
    citations,
    node: cell,
  };
}

/** A cell's text without its `:proof` citations, whitespace collapsed. */
function plainText(cell: TableCell): string {
  const parts = cell.children.map((child) =>
    child.type === 'textDirective' && child.name === PROOF_DIRECTIVE ? ' ' : toString(child),
  );
  return collapseWhitespace(parts.join(''));
}

function readCitation(node: TextDirective, problems: Problem[]): Citation | undefined {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const place = { line: start.line, column: start.column };
  const snippetId = toString(node).trim();
  if (snippetId === '') {
    problems.push({
      ruleId: 'table/evidence',
      severity: 'error',
      message: '`:proof[]` names no snippet',
      place,
      hint: 'Write the snippet id in the brackets: :proof[c-uaf].',
    });
    return undefined;
  }
  const outcome = node.attributes?.outcome;
  if (outcome === undefined || outcome === null) return { snippetId, claims: [], node, place };
  const claims = parseClaims(outcome);
  if ('error' in claims) {
    problems.push({
      ruleId: 'table/evidence',
      severity: 'error',
      message: `:proof[${snippetId}]: ${claims.error}`,
      place,
      hint: 'Example: :proof[rs-leak]{outcome=runs}.',
    });
    return undefined;
  }
  return { snippetId, claims: claims.claims, node, place };
}

/** The first character of the cell's content, or for an empty cell the spot right after its pipe. */
function contentStart(cell: TableCell, source: string, empty: boolean): Place {
  const start = cell.position?.start;
  if (start?.offset === undefined) return { line: start?.line ?? 1, column: start?.column ?? 1 };
  let offset = start.offset;
  if (source[offset] === '|') offset++;
  while (!empty && (source[offset] === ' ' || source[offset] === '\t')) offset++;
  return { line: start.line, column: start.column + (offset - start.offset) };
}
