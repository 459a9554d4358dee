/**
 * Compares cells with data-file values, and formats data values for a column. A data file may be more
 * precise than the table: `released: 2022-12-11` agrees with a `month-year` cell `Dec 2022`.
 */
import { type CalendarPoint, type Precision, formatPoint, precisionOf, truncate } from './calendar.ts';
import type { ColumnType, TypeAlternative } from './model.ts';
import { type Content, RANGE_DASH, type Value, compareValues, parseValue } from './values.ts';

const PRECISIONS: readonly Precision[] = ['year', 'month-year', 'date'];
const ANY_CALENDAR: TypeAlternative[] = PRECISIONS.map((kind) => ({ kind }));

function calendarPrecisions(type: ColumnType): Precision[] {
  return PRECISIONS.filter((precision) => type.alternatives.some((alternative) => alternative.kind === precision));
}

/** The type a data value is read with: any calendar precision is accepted where the column shows one. */
function widen(type: ColumnType): ColumnType {
  if (calendarPrecisions(type).length === 0) return type;
  return { source: type.source, alternatives: [...type.alternatives, ...ANY_CALENDAR] };
}

function valueOf(type: ColumnType, content: Content): Value | undefined {
  const parsed = parseValue(type, content);
  return 'value' in parsed ? parsed.value : undefined;
}

/** A dash in a cell is the typographic way to say "nothing here", as an empty data value does. */
function isBlank(text: string): boolean {
  return text === '' || text === '—' || text === '–' || text === '-';
}

/** True when the cell says what the data file says, under the column's type. */
export function sameAsData(type: ColumnType | undefined, cell: Content, data: Content): boolean {
  if (isBlank(cell.text) && isBlank(data.text)) return true;
  const cellValue = type && valueOf(type, cell);
  const dataValue = type && valueOf(widen(type), data);
  if (!cellValue || !dataValue || cellValue.kind !== dataValue.kind || cellValue.kind === 'text')
    return cell.text === data.text;
  if (cellValue.kind === 'calendar' && dataValue.kind === 'calendar') {
    const shown = atPrecisionOf(dataValue, cellValue);
    return formatRange(shown.from, shown.to) === formatRange(cellValue.from, cellValue.to);
  }
  return compareValues(cellValue, dataValue) === 0;
}

/** What the cell should say according to the data file, at the precision the cell uses. */
export function expectedText(type: ColumnType | undefined, cell: Content, data: Content): string {
  const cellValue = type && valueOf(type, cell);
  const dataValue = type && valueOf(widen(type), data);
  if (cellValue?.kind !== 'calendar' || dataValue?.kind !== 'calendar') return data.text;
  const shown = atPrecisionOf(dataValue, cellValue);
  return formatRange(shown.from, shown.to);
}

function atPrecisionOf(
  data: { from: CalendarPoint; to: CalendarPoint },
  cell: { from: CalendarPoint; to: CalendarPoint },
): { from: CalendarPoint; to: CalendarPoint } {
  return { from: truncate(data.from, precisionOf(cell.from)), to: truncate(data.to, precisionOf(cell.to)) };
}

function formatRange(from: CalendarPoint, to: CalendarPoint): string {
  const low = formatPoint(from);
  const high = formatPoint(to);
  return low === high ? low : `${low}${RANGE_DASH}${high}`;
}

/**
 * Writes a data value for a generated cell: calendar values are shown at the finest precision the column
 * allows (a date in a `month-year` column becomes `Dec 2022`); everything else is used as written.
 */
export function formatForColumn(type: ColumnType | undefined, raw: string): string {
  if (!type) return raw;
  const allowed = calendarPrecisions(type);
  const value = allowed.length > 0 ? valueOf(widen(type), { text: raw.trim(), hasLink: false }) : undefined;
  if (value?.kind !== 'calendar') return raw;
  const from = shownAt(value.from, allowed);
  const to = shownAt(value.to, allowed);
  return from && to ? formatRange(from, to) : raw;
}

function shownAt(point: CalendarPoint, allowed: Precision[]): CalendarPoint | undefined {
  const own = PRECISIONS.indexOf(precisionOf(point));
  const best = allowed.filter((precision) => PRECISIONS.indexOf(precision) <= own).at(-1);
  return best === undefined ? undefined : truncate(point, best);
}
