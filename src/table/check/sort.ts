/** Rule `table/sort`: rows in the order `sort=` declares, compared by the column's type (6.8 before 6.11). */
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';
import type { TableModel } from '../model.ts';
import { compareValues, parseValue, type Value } from '../values.ts';

const TEXT = { source: 'text', alternatives: [{ kind: 'text' as const }] };

/** Reports each cell that breaks the declared order; cells that are not values of the type are skipped. */
export function checkSortOrder(model: TableModel, file: VFile): void {
  const sort = model.resolved?.sort;
  if (!sort) return;
  const type = model.resolved?.types[sort.column] ?? TEXT;
  const name = model.header[sort.column]?.text ?? '';
  let previous: { value: Value; text: string } | undefined;
  for (const row of model.rows) {
    const cell = row.cells[sort.column];
    if (!cell || cell.text === '') continue;
    const parsed = parseValue(type, cell);
    if (!('value' in parsed)) continue;
    if (previous) {
      const order = compareValues(previous.value, parsed.value);
      if (sort.direction === 'asc' ? order > 0 : order < 0) {
        const order = sort.direction === 'asc' ? 'ascending' : 'descending';
        addError(
          file,
          `"${cell.text}" is out of order: it comes after "${previous.text}", but "${name}" is sorted ${order}`,
          cell.place,
          'table/sort',
          `Move the row, or change sort= (sort="${name} ${sort.direction === 'asc' ? 'desc' : 'asc'}").`,
        );
      }
    }
    previous = { value: parsed.value, text: cell.text };
  }
}
