/** Rule `table/type`: every filled cell of a typed column holds a value of that type. */
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';
import type { TableModel } from '../model.ts';
import { rowLabel } from '../resolve.ts';
import { describeType } from '../column-types.ts';
import { isOrdered, parseValue } from '../values.ts';
import { originOf } from './report-problems.ts';

/** Reports cells whose text is not a value of their column's type, naming row, column, value and type. */
export function checkColumnTypes(model: TableModel, file: VFile): void {
  const resolved = model.resolved;
  if (!resolved) return;
  for (const row of model.rows) {
    for (const cell of row.cells) {
      const type = cell && resolved.types[cell.column];
      if (!cell || !type || cell.text === '') continue;
      const parsed = parseValue(type, cell);
      if ('value' in parsed) continue;
      const column = model.header[cell.column]?.text ?? '';
      const reason = parsed.reason ? `: ${parsed.reason}` : '';
      addError(
        file,
        `"${column}" of ${rowLabel(row, resolved.key)} is "${cell.text}", expected ${describeType(type)}${reason}` +
          `${originOf(cell)}`,
        cell.place,
        'table/type',
        `The column is declared as ${type.source}` +
          `${type.alternatives.some(isOrdered) ? '; write ranges with an en dash: 6.2–6.7' : ''}.`,
      );
    }
  }
}
