/** Calendar values for `year`, `month-year` and `date` columns: parsing, precision, formatting. */

/** How precise a calendar value is; named after the column type that shows it. */
export type Precision = 'year' | 'month-year' | 'date';

/** A year, a month of a year, or a day. */
export interface CalendarPoint {
  year: number;
  month?: number;
  day?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_NAME = '([A-Za-z]{3,9})\\.?';

const YEAR = /^(\d{4})$/;
const MONTH_YEAR = new RegExp(`^${MONTH_NAME}\\s+(\\d{4})$`);
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})$`);
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2}),\\s*(\\d{4})$`);

/** The precision of a point: which fields it has. */
export function precisionOf(point: CalendarPoint): Precision {
  if (point.day !== undefined) return 'date';
  return point.month !== undefined ? 'month-year' : 'year';
}

/** Parses `2022`, `Oct 2022`, `October 2022`, `2022-10`, `2022-10-02`, `2 Oct 2022` or `Oct 2, 2022`. */
export function parseCalendarPoint(text: string): CalendarPoint | undefined {
  const value = text.trim();
  let m = YEAR.exec(value);
  if (m) return { year: Number(m[1]) };
  m = MONTH_YEAR.exec(value);
  if (m) return withMonth(Number(m[2]), monthNumber(m[1]));
  m = ISO_MONTH.exec(value);
  if (m) return withMonth(Number(m[1]), Number(m[2]));
  m = ISO_DATE.exec(value);
  if (m) return withDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(value);
  if (m) return withDay(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(value);
  if (m) return withDay(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  return undefined;
}

function monthNumber(name: string | undefined): number {
  const lower = (name ?? '').toLowerCase();
  const index = FULL_MONTHS.findIndex(
    (full) => full.toLowerCase() === lower || full.slice(0, 3).toLowerCase() === lower,
  );
  // "Sept" is common enough in English prose to accept.
  return lower === 'sept' ? 9 : index + 1;
}

function withMonth(year: number, month: number): CalendarPoint | undefined {
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

function withDay(year: number, month: number, day: number): CalendarPoint | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? { year, month, day } : undefined;
}

/** Drops the fields finer than `precision`. */
export function truncate(point: CalendarPoint, precision: Precision): CalendarPoint {
  if (precision === 'year') return { year: point.year };
  if (precision === 'month-year' && point.month !== undefined) return { year: point.year, month: point.month };
  return point;
}

/** Orders points by their first day; a year sorts before its months, a month before its days. */
export function comparePoints(a: CalendarPoint, b: CalendarPoint): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** Writes a point the way proofdeck prints it: `2022`, `Oct 2022`, `2022-10-02`. */
export function formatPoint(point: CalendarPoint): string {
  const year = String(point.year).padStart(4, '0');
  if (point.month === undefined) return year;
  if (point.day === undefined) return `${MONTHS[point.month - 1] ?? ''} ${year}`;
  return `${year}-${String(point.month).padStart(2, '0')}-${String(point.day).padStart(2, '0')}`;
}
