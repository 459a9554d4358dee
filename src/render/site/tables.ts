/** Checked tables as the verification page lists them: what was checked, and whether it held. */
import type { TableModel } from '../../table/model.ts';
import { plural } from './parts.ts';
import type { SiteTable } from './site-input.ts';

/** What the spec made proofdeck check, one line each. */
function checks(model: TableModel): string[] {
  const spec = model.spec;
  if (!spec) return [];
  const citations = [...model.header, ...model.rows.flatMap((row) => row.cells)].reduce(
    (count, cell) => count + (cell?.citations.length ?? 0),
    0,
  );
  return [
    `${plural(model.rows.length, 'row')}${spec.rows ? ` (expected ${spec.rows.count})` : ''}`,
    spec.key ? `key column “${spec.key.name}” unique` : undefined,
    spec.types.length > 0
      ? `${plural(spec.types.length, 'typed column')}: ` +
        `${spec.types.map((entry) => `${entry.column.name} (${entry.type.source})`).join(', ')}`
      : undefined,
    spec.required.length > 0 ? `required: ${spec.required.map((column) => column.name).join(', ')}` : undefined,
    spec.sort ? `sorted by ${spec.sort.column.name}${spec.sort.direction === 'desc' ? ', descending' : ''}` : undefined,
    spec.data ? `generated from ${spec.data.path}` : undefined,
    ...spec.match.map((match) => `matches ${match.target}`),
    citations > 0 ? `${plural(citations, 'cell')} proved by a snippet` : undefined,
  ].filter((line): line is string => line !== undefined);
}

/**
 * The checked tables (`:::table{…}`) of one deck for {@link SiteInput.tables}. A table failed when its rules
 * reported an error about it ({@link TableModel.errors}); those are listed with what was checked.
 */
export function siteTables(deck: string, models: readonly TableModel[]): SiteTable[] {
  return models
    .filter((model) => model.spec && model.container?.position)
    .map((model, index) => {
      const errors = model.errors;
      const title = model.header
        .map((cell) => cell.text)
        .filter(Boolean)
        .join(' · ');
      return {
        deck,
        id: model.spec?.id ?? `table-${index + 1}`,
        ...(title ? { title } : {}),
        ...(model.spec?.id ? { anchor: model.spec.id } : {}),
        ok: errors.length === 0,
        messages: [...checks(model), ...errors.map((message) => `line ${message.line}: ${message.reason}`)],
      };
    });
}
