import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { readTable } from '../../src/table/cells.ts';
import { parseDeck } from './helpers.ts';
import { vfileOf } from '../helpers.ts';

function firstTable(markdown: string): { table: Table; source: string } {
  const file = vfileOf(markdown);
  const table = parseDeck(file).children.find((node): node is Table => node.type === 'table');
  if (!table) throw new Error('no table');
  return { table, source: markdown };
}

describe('reading cells', () => {
  it('keeps extra cells in mdast (renderers drop them later), so they can be reported', () => {
    const { table } = firstTable('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n');
    expect(table.children.map((row) => row.children.length)).toEqual([2, 3, 1]);
  });

  it('gives each cell its text, content column, and citations', () => {
    const markdown = '| Bug | Proof |\n|---|---|\n|  Use \\| after | `a\\|b` :proof[c-uaf]{outcome=detected} |\n';
    const { table, source } = firstTable(markdown);
    const { header, rows, problems } = readTable(table, source);
    expect(problems).toEqual([]);
    expect(header.map((cell) => [cell.text, cell.place])).toEqual([
      ['Bug', { line: 1, column: 3 }],
      ['Proof', { line: 1, column: 9 }],
    ]);
    const [bug, proof] = rows[0]?.cells ?? [];
    expect(bug).toMatchObject({ text: 'Use | after', place: { line: 3, column: 4 } });
    expect(proof).toMatchObject({ text: 'a|b', place: { line: 3, column: 19 } });
    expect(proof?.citations.map(({ snippetId, claims, place }) => ({ snippetId, claims, place }))).toEqual([
      { snippetId: 'c-uaf', claims: ['detected'], place: { line: 3, column: 26 } },
    ]);
  });

  it('marks empty cells and where a short row ends', () => {
    const { table, source } = firstTable('| a | b | c |\n|---|---|---|\n| | x |\n');
    const [row] = readTable(table, source).rows;
    expect(row?.cells.map((cell) => cell?.empty)).toEqual([true, false, undefined]);
    expect(row?.end).toEqual({ line: 3, column: 8 });
  });
});
