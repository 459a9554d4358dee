/** Builds a table from a data file: `:::table{data="./x.yaml"}` with no table inside. */
import type { Table, TableRow } from 'mdast';
import type { Place } from '../report/messages.ts';
import { type DataTable, fieldKey } from './data-file.ts';
import { formatForColumn } from './data-values.ts';
import { contentOf, parseInline } from './inline.ts';
import type { CellModel, ColumnRef, ColumnType, Problem, RowModel } from './model.ts';

/** Header cells for the generated table: `columns=` when given, else the data file's field names. */
export function generatedHeader(
  data: DataTable,
  columns: readonly ColumnRef[] | undefined,
  place: Place,
): { header: CellModel[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const keys = new Set(data.records.flatMap((record) => [...record.fields.keys()]));
  const names = columns ?? data.fields.map((name) => ({ name, place }));
  for (const ref of names) {
    if (!keys.has(fieldKey(ref.name))) {
      problems.push({
        ruleId: 'table/data-source',
        severity: 'error',
        message: `${data.display} has no field for column "${ref.name}"`,
        place: ref.place,
        hint: `Fields: ${data.fields.join(', ') || 'none'}; "Kernel version" reads a field kernel_version.`,
      });
    }
  }
  const header = names.map(
    (ref, column): CellModel => ({
      column,
      text: ref.name,
      hasLink: false,
      empty: ref.name === '',
      place,
      citations: [],
      node: { type: 'tableCell', children: parseInline(ref.name) },
    }),
  );
  return { header, problems };
}

/** Body rows from the data records, values formatted for their column's type. */
export function generatedRows(
  data: DataTable,
  header: readonly CellModel[],
  types: readonly (ColumnType | undefined)[],
  place: Place,
): { table: Table; rows: RowModel[] } {
  const rows = data.records.map((record, index): RowModel => {
    const cells = header.map((column): CellModel => {
      const field = record.fields.get(fieldKey(column.text));
      const value = formatForColumn(types[column.column], field?.value ?? '');
      const children = parseInline(value);
      const content = contentOf(children);
      return {
        column: column.column,
        text: content.text,
        hasLink: content.hasLink,
        empty: content.text === '',
        place,
        origin: `${data.display}:${field?.line ?? record.line}`,
        citations: [],
        node: { type: 'tableCell', children },
      };
    });
    return { number: index + 1, cells, extra: [], end: place };
  });
  const tableRows: TableRow[] = [header, ...rows.map((row) => row.cells)].map((cells) => ({
    type: 'tableRow',
    children: cells.flatMap((cell) => (cell?.node ? [cell.node] : [])),
  }));
  return { table: { type: 'table', align: header.map(() => null), children: tableRows }, rows };
}
