/** Rule `table/match`: a table's key column lists the same things as a list, another table or a data file. */
import type { VFile } from 'vfile';
import { addError, type Place } from '../../report/messages.ts';
import { fieldKey, readDataFile, resolveDataPath } from '../data-file.ts';
import { inlineContent } from '../inline.ts';
import type { ListModel } from '../lists.ts';
import type { TableModel } from '../model.ts';
import { judgeTable } from './judge.ts';

interface Item {
  text: string;
  place: Place;
}

/** The other side of a match: its items, what to call it, and whether its items are in this file. */
interface Side {
  label: string;
  /** Where the side is written, for messages: `deck.md:40` or the data file's path. */
  where: string;
  items: (Item & { where: string })[];
  local: boolean;
}

/** Where data-file targets are resolved. */
export interface MatchOptions {
  markdownDir: string;
  deckDir: string;
  allow?: readonly string[];
}

/** Reports keys missing on either side; each message sits where the item is and names the other side's line. */
export function checkMatches(
  tables: readonly TableModel[],
  lists: readonly ListModel[],
  file: VFile,
  options: MatchOptions,
): void {
  const name = file.basename ?? 'deck.md';
  const byId = new Map<string, Side>();
  for (const list of lists) {
    byId.set(list.id, {
      label: `list #${list.id}`,
      where: `${name}:${list.place.line}`,
      local: true,
      items: list.items.map((item) => ({ ...item, where: `${name}:${item.place.line}` })),
    });
  }
  for (const table of tables) {
    const id = table.spec?.id;
    if (id)
      byId.set(id, {
        label: `table #${id}`,
        where: `${name}:${table.spec?.place.line ?? 1}`,
        local: true,
        items: keyItems(table).map((item) => ({ ...item, where: `${name}:${item.place.line}` })),
      });
  }
  for (const table of tables) judgeTable(table, file, () => matchTable(table, byId, file, options));
}

/** Checks one table's `match=` targets against the lists, tables and data files they name. */
function matchTable(table: TableModel, byId: ReadonlyMap<string, Side>, file: VFile, options: MatchOptions): void {
  const name = file.basename ?? 'deck.md';
  const spec = table.spec;
  if (!spec || table.resolved?.key === undefined) return;
  const ours = keyItems(table);
  const label = spec.id ? `table #${spec.id}` : 'the table';
  const here = `${name}:${spec.place.line}`;
  for (const target of spec.match) {
    const side = target.target.startsWith('#')
      ? byId.get(target.target.slice(1))
      : dataSide(target.target, table, options);
    if (!side) {
      addError(
        file,
        `no :::list or :::table with id "${target.target.slice(1)}"`,
        target.place,
        'table/match',
        'Give the list :::list{#id} or the table :::table{#id}, or fix the name.',
      );
      continue;
    }
    if ('error' in side) {
      addError(
        file,
        side.error,
        target.place,
        'table/match',
        'A data file to match is relative to the markdown file, inside the deck folder, ' +
          'with a field named like the key column.',
      );
      continue;
    }
    const theirs = new Set(side.items.map((item) => item.text));
    const mine = new Set(ours.map((item) => item.text));
    for (const item of ours) {
      if (theirs.has(item.text)) continue;
      const near = side.items.find((other) => other.text.toLowerCase() === item.text.toLowerCase());
      const hint = near
        ? `${side.label} spells it "${near.text}" (${near.where}).`
        : `Add it to ${side.label}, or remove the row.`;
      const where = side.where === side.label ? '' : ` (${side.where})`;
      addError(file, `"${item.text}" is not in ${side.label}${where}`, item.place, 'table/match', hint);
    }
    for (const item of side.items) {
      if (mine.has(item.text)) continue;
      const message = side.local
        ? `"${item.text}" from ${side.label} is missing from ${label} (${here})`
        : `"${item.text}" (${item.where}) is missing from ${label}`;
      addError(
        file,
        message,
        side.local ? item.place : target.place,
        'table/match',
        `Add a row for it to ${label}, or remove it from ${side.label}.`,
      );
    }
  }
}

/** A table's key cells (its key column, else its first column), filled ones only. */
function keyItems(table: TableModel): Item[] {
  const key = table.resolved?.key ?? 0;
  return table.rows.flatMap((row) => {
    const cell = row.cells[key];
    return cell && cell.text !== '' ? [{ text: cell.text, place: cell.place }] : [];
  });
}

function dataSide(written: string, table: TableModel, options: MatchOptions): Side | { error: string } {
  const resolved = resolveDataPath(options.markdownDir, options.deckDir, written, options.allow);
  const read = 'error' in resolved ? resolved : readDataFile(resolved.path, written);
  if ('error' in read) return { error: read.error };
  const keyName = table.header[table.resolved?.key ?? 0]?.text ?? '';
  const field = fieldKey(keyName);
  if (!read.data.records.some((record) => record.fields.has(field)))
    return { error: `${written} has no field for the key column "${keyName}"` };
  const place = { line: 1, column: 1 };
  const items = read.data.records.flatMap((record) => {
    const value = record.fields.get(field);
    return value ? [{ text: inlineContent(value.value).text, place, where: `${written}:${value.line}` }] : [];
  });
  return { label: written, where: written, local: false, items };
}
