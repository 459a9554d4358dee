/** Rules `table/key`, `table/required` and `table/row-count`. */
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';
import type { TableModel } from '../model.ts';
import { rowLabel } from '../resolve.ts';
import { originOf } from './report-problems.ts';

/** Key cells must be filled and unique; required columns filled in every row; the row count as declared. */
export function checkColumns(model: TableModel, file: VFile): void {
  const { resolved, spec } = model;
  if (!resolved || !spec) return;
  const key = resolved.key;
  const keyName = key === undefined ? '' : (model.header[key]?.text ?? '');
  const seen = new Map<string, number>();
  for (const row of model.rows) {
    const cell = key === undefined ? undefined : row.cells[key];
    if (cell && cell.text === '') {
      addError(
        file,
        `row ${row.number} has no "${keyName}": every row needs a key${originOf(cell)}`,
        cell.place,
        'table/key',
        `Fill in "${keyName}"; it identifies the row.`,
      );
    } else if (cell) {
      const first = seen.get(cell.text);
      if (first === undefined) seen.set(cell.text, row.number);
      else
        addError(
          file,
          `duplicate key "${cell.text}" in "${keyName}" (also row ${first})${originOf(cell)}`,
          cell.place,
          'table/key',
          'Each row needs its own key; merge the rows or tell them apart.',
        );
    }
    for (const column of resolved.required) {
      const required = row.cells[column];
      if (!required || required.text !== '' || required.citations.length > 0) continue;
      const name = model.header[column]?.text ?? '';
      addError(
        file,
        `${rowLabel(row, key)} has no "${name}", a required column${originOf(required)}`,
        required.place,
        'table/required',
        `Fill in "${name}".`,
      );
    }
  }
  if (spec.rows && spec.rows.count !== model.rows.length) {
    addError(
      file,
      `the table has ${model.rows.length} body rows but rows=${spec.rows.count}`,
      spec.rows.place,
      'table/row-count',
      'Add or remove rows, or update rows= if the change is intended.',
    );
  }
}
