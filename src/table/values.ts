/** Reads a cell's text as a typed value, and orders and compares typed values. */
import { type CalendarPoint, comparePoints, parseCalendarPoint, precisionOf } from './calendar.ts';
import type { ColumnType, TypeAlternative } from './model.ts';

/** A version such as `6.1`, `1.78.0` or `6.2-rc1`. */
interface VersionValue {
  parts: number[];
  pre?: string;
}

/** A cell's value under its column type. Ordered kinds hold a range; a single value has `from` equal to `to`. */
export type Value =
  | { kind: 'calendar'; from: CalendarPoint; to: CalendarPoint }
  | { kind: 'version'; from: VersionValue; to: VersionValue }
  | { kind: 'quantity'; from: number; to: number; unit: string }
  | { kind: 'mark'; level: number }
  | { kind: 'enum'; index: number }
  | { kind: 'text'; text: string };

/** What a cell holds, as far as types care. */
export interface Content {
  text: string;
  hasLink: boolean;
}

/** The value, or why the text is not one (a reason only when there is more to say than "wrong type"). */
export type ValueParse = { value: Value } | { reason?: string };

/** Ranges use an en dash, as in typography: `6.2–6.7`, `2024–2025`, `Feb 2023–Jan 2024`. */
export const RANGE_DASH = '–';

/** Trims and collapses whitespace: how cell text, list items, data values and column names are compared. */
export function collapseWhitespace(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

const MARKS: Readonly<Record<string, number>> = {
  '✓': 2,
  '✔': 2,
  '✅': 2,
  yes: 2,
  '~': 1,
  '◐': 1,
  partial: 1,
  '✗': 0,
  '✘': 0,
  '❌': 0,
  no: 0,
};
const VERSION = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.]+))?$/;
const QUANTITY = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(\S.*))?$/;

/** Parses a cell under a column type: the first alternative that accepts it wins. */
export function parseValue(type: ColumnType, content: Content): ValueParse {
  let reason: string | undefined;
  for (const alternative of type.alternatives) {
    const single = parseSingle(alternative, content);
    if ('value' in single) return single;
    reason ??= single.reason;
  }
  const [lowText, highText, ...rest] = content.text.split(RANGE_DASH).map((part) => part.trim());
  if (lowText !== undefined && highText !== undefined && rest.length === 0) {
    const high = parseValue(type, { text: highText, hasLink: false });
    // "8–16 KiB" and "10–20%": the unit is written once, after the high end.
    const unit = highText.replace(/^[+-]?[\d.,]+\s*/, '');
    let low = parseValue(type, { text: lowText, hasLink: false });
    if (!('value' in low) && unit !== highText && unit !== '')
      low = parseValue(type, { text: `${lowText} ${unit}`, hasLink: false });
    if ('value' in low && 'value' in high) return joinRange(low.value, high.value);
    reason ??= 'reason' in low ? low.reason : 'reason' in high ? high.reason : undefined;
  }
  return reason === undefined ? {} : { reason };
}

/** True for the kinds whose values can form a range. */
export function isOrdered(alternative: TypeAlternative): boolean {
  return !['text', 'enum', 'mark', 'link'].includes(alternative.kind);
}

function parseSingle(alternative: TypeAlternative, { text, hasLink }: Content): ValueParse {
  switch (alternative.kind) {
    case 'text':
      return { value: { kind: 'text', text } };
    case 'link':
      return hasLink ? { value: { kind: 'text', text } } : {};
    case 'enum': {
      const index = alternative.values.indexOf(text);
      if (index >= 0) return { value: { kind: 'enum', index } };
      const near = alternative.values.find((value) => value.toLowerCase() === text.toLowerCase());
      return near === undefined ? {} : { reason: `did you mean "${near}"?` };
    }
    case 'mark': {
      const word = text.toLowerCase();
      const level = Object.hasOwn(MARKS, word) ? MARKS[word] : undefined;
      return level === undefined ? {} : { value: { kind: 'mark', level } };
    }
    case 'version': {
      const m = VERSION.exec(text);
      if (!m?.[1]) return {};
      const version: VersionValue = { parts: m[1].split('.').map(Number), ...(m[2] ? { pre: m[2] } : {}) };
      return { value: { kind: 'version', from: version, to: version } };
    }
    case 'integer':
    case 'number':
      return parseQuantity(alternative, text);
    default: {
      const point = parseCalendarPoint(text);
      return point && precisionOf(point) === alternative.kind
        ? { value: { kind: 'calendar', from: point, to: point } }
        : {};
    }
  }
}

function parseQuantity(alternative: { kind: 'integer' | 'number'; unit?: string }, text: string): ValueParse {
  const m = QUANTITY.exec(text);
  if (!m?.[1]) return {};
  const number = Number(m[1].replaceAll(',', ''));
  if (alternative.kind === 'integer' && !Number.isInteger(number)) return { reason: 'not a whole number' };
  const unit = m[2] ?? '';
  if (unit !== (alternative.unit ?? '')) {
    return {
      reason: alternative.unit
        ? `the unit must be ${alternative.unit}`
        : `no unit is declared for this column (${alternative.kind}(${unit}))`,
    };
  }
  return { value: { kind: 'quantity', from: number, to: number, unit } };
}

function joinRange(low: Value, high: Value): ValueParse {
  // Each side of the dash is a single value (from equal to to), so comparing them compares the ends.
  if (low.kind !== high.kind || !('from' in low) || !('from' in high)) return {};
  if (low.kind === 'quantity' && high.kind === 'quantity' && low.unit !== high.unit)
    return { reason: 'both ends of a range need the same unit' };
  if (compareValues(low, high) > 0) return { reason: 'the range runs backwards' };
  return { value: { ...low, to: high.to } as Value };
}

/** Orders two values: ranges by their low end, then their high end. Values of different kinds order by kind. */
export function compareValues(a: Value, b: Value): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  switch (a.kind) {
    case 'calendar': {
      const other = b as typeof a;
      return comparePoints(a.from, other.from) || comparePoints(a.to, other.to);
    }
    case 'version': {
      const other = b as typeof a;
      return compareVersions(a.from, other.from) || compareVersions(a.to, other.to);
    }
    case 'quantity': {
      const other = b as typeof a;
      return a.from - other.from || a.to - other.to;
    }
    case 'mark':
      return a.level - (b as typeof a).level;
    case 'enum':
      return a.index - (b as typeof a).index;
    case 'text': {
      const x = a.text.toLowerCase();
      const y = (b as typeof a).text.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** Semver-like order: numeric parts (missing parts are 0), then a pre-release sorts before its release. */
function compareVersions(a: VersionValue, b: VersionValue): number {
  const length = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const difference = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (difference !== 0) return difference;
  }
  if (a.pre === b.pre) return 0;
  if (a.pre === undefined) return 1;
  if (b.pre === undefined) return -1;
  return a.pre < b.pre ? -1 : 1;
}
