/** Rules `table/cell-count`, `table/empty-cell`, `table/duplicate-column`: what GFM silently fixes up. */
import type { VFile } from 'vfile';
import { addError, addWarning } from '../../report/messages.ts';
import type { TableModel } from '../model.ts';

/**
 * Reports rows with more cells than the header (renderers drop the rest) or fewer (they are padded),
 * empty cells, and repeated column names. Empty cells in `exempt` columns are left to stricter rules.
 */
export function checkTableShape(model: TableModel, file: VFile, exempt: ReadonlySet<number> = new Set()): void {
  if (model.generated) return;
  const seen = new Map<string, number>();
  for (const cell of model.header) {
    if (cell.empty) {
      addWarning(
        file,
        `column ${cell.column + 1} has no name`,
        cell.place,
        'table/empty-cell',
        'Name the column: checks, data files and screen readers refer to it.',
      );
      continue;
    }
    const name = cell.text.toLowerCase();
    const first = seen.get(name);
    if (first !== undefined) {
      addError(
        file,
        `duplicate column name "${cell.text}" (also column ${first + 1})`,
        cell.place,
        'table/duplicate-column',
        'Give each column its own name.',
      );
    } else {
      seen.set(name, cell.column);
    }
  }
  const width = model.header.length;
  for (const row of model.rows) {
    const [firstExtra] = row.extra;
    if (firstExtra) {
      const dropped = row.extra.map((cell) => `"${cell.text}"`).join(', ');
      addError(
        file,
        `row ${row.number} has ${width + row.extra.length} cells but the header has ${width}: ${dropped} would be ` +
          `dropped`,
        firstExtra.place,
        'table/cell-count',
        'Remove the extra cells, add a column to the header, or escape a literal pipe as \\|.',
      );
    }
    const missing = row.cells.flatMap((cell, column) =>
      cell ? [] : [model.header[column]?.text || `column ${column + 1}`],
    );
    if (missing.length > 0) {
      addError(
        file,
        `row ${row.number} has ${width - missing.length} cells but the header has ${width}: ` +
          `${missing.map((name) => `"${name}"`).join(', ')} would be blank`,
        row.end,
        'table/cell-count',
        'Add the missing cells (write — where there is deliberately nothing to say).',
      );
    }
    for (const cell of row.cells) {
      if (!cell?.empty || exempt.has(cell.column)) continue;
      addWarning(
        file,
        `empty cell in column "${model.header[cell.column]?.text ?? ''}", row ${row.number}`,
        cell.place,
        'table/empty-cell',
        'Fill it in, or write — where there is deliberately nothing to say.',
      );
    }
  }
}
