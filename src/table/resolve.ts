/** Matches the spec's column names to the table's header. */
import { fieldKey } from './data-file.ts';
import type { CellModel, ColumnRef, Problem, ResolvedSpec, RowModel, TableSpec } from './model.ts';
import { normalizeName } from './spec.ts';

/**
 * Finds a column by name: exactly (whitespace collapsed), else case-insensitively, else the way data
 * fields are matched ("Kernel version" finds a generated column `kernel_version`), when unambiguous.
 */
function findColumn(header: readonly CellModel[], name: string): number | undefined {
  const wanted = normalizeName(name);
  const exact = header.findIndex((cell) => cell.text === wanted);
  if (exact >= 0) return exact;
  for (const same of [
    (text: string) => text.toLowerCase() === wanted.toLowerCase(),
    (text: string) => fieldKey(text) === fieldKey(wanted),
  ]) {
    const matches = header.filter((cell) => same(cell.text));
    if (matches.length > 0) return matches.length === 1 ? matches[0]?.column : undefined;
  }
  return undefined;
}

/** Resolves every column the spec names; unknown names become `table/spec` problems at the name. */
export function resolveSpec(
  spec: TableSpec,
  header: readonly CellModel[],
): { resolved: ResolvedSpec; problems: Problem[] } {
  const problems: Problem[] = [];
  const known = header.map((cell) => `"${cell.text}"`).join(', ');
  const column = (ref: ColumnRef, required = false): number | undefined => {
    const index = findColumn(header, ref.name);
    if (index === undefined) {
      problems.push({
        ruleId: required ? 'table/required' : 'table/spec',
        severity: 'error',
        message: required ? `required column "${ref.name}" is missing` : `no column "${ref.name}" in this table`,
        place: ref.place,
        hint: `Columns: ${known || 'none'}.`,
      });
    }
    return index;
  };
  const resolved: ResolvedSpec = {
    types: header.map(() => undefined),
    required: [],
    claims: header.map(() => undefined),
  };
  const key = spec.key && column(spec.key);
  if (key !== undefined) resolved.key = key;
  for (const { column: ref, type } of spec.types) {
    const index = column(ref);
    if (index === undefined) continue;
    if (resolved.types[index]) problems.push(twice('types', ref));
    resolved.types[index] = type;
  }
  const sort = spec.sort && column(spec.sort.column);
  if (spec.sort && sort !== undefined) resolved.sort = { column: sort, direction: spec.sort.direction };
  for (const ref of spec.required) {
    const index = column(ref, true);
    if (index !== undefined) resolved.required.push(index);
  }
  for (const { column: ref, claims } of spec.evidence) {
    const index = column(ref);
    if (index === undefined) continue;
    if (resolved.claims[index]) problems.push(twice('evidence', ref));
    resolved.claims[index] = claims;
  }
  return { resolved, problems };
}

function twice(attribute: string, ref: ColumnRef): Problem {
  return {
    ruleId: 'table/spec',
    severity: 'error',
    message: `column "${ref.name}" appears twice in ${attribute}=`,
    place: ref.place,
    hint: 'Keep one entry per column.',
  };
}

/** Gives citations without their own `outcome=` the claims of their column's `evidence=`. */
export function applyColumnClaims(rows: readonly RowModel[], resolved: ResolvedSpec): void {
  for (const row of rows) {
    for (const cell of row.cells) {
      const claims = cell && resolved.claims[cell.column];
      if (!cell || !claims) continue;
      for (const citation of cell.citations) if (citation.claims.length === 0) citation.claims = [...claims];
    }
  }
}

/** Names a row in messages: by its key when it has one, else by its number. */
export function rowLabel(row: RowModel, key: number | undefined): string {
  const text = key === undefined ? undefined : row.cells[key]?.text;
  return text ? `row "${text}"` : `row ${row.number}`;
}
