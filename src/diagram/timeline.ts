/** Generates a mermaid timeline from a data file, so a timeline and a checked table share one source of truth. */

/** Which fields of each record make the timeline. */
export interface TimelineFields {
  /**
   * Field(s) holding the period, `|`-separated: the first one a record has wins. An ISO date or date
   * range (`2022-12-11`, `2023-02-19–2024-01-07`) shows as its first year. @default 'year|released|date'
   */
  period?: string;
  /** Field holding the event text. @default 'event' */
  event?: string;
  title?: string;
  /** `LR` (periods left to right, the default) or `TD` (top down, for many periods). */
  direction?: 'LR' | 'TD';
}

/**
 * Mermaid's timeline grammar splits on `:` and treats `#` and `;` specially: keep the meaning with a dash and a comma.
 */
function label(value: unknown): string {
  return String(value ?? '')
    .replace(/\s*:\s+/g, ' – ')
    .replace(/;/g, ',')
    .replace(/[:#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An ISO date shows as its year; a range of dates as its years, `2024–25`, so a span is not filed under its start. */
function periodLabel(raw: string): string {
  const range = /^(\d{4})-\d{2}(?:-\d{2})?(?:–(\d{4})(?:-\d{2}(?:-\d{2})?)?)?$/.exec(raw);
  if (!range) return raw;
  const [, from = '', to] = range;
  return to && to !== from ? `${from}–${to.slice(2)}` : from;
}

/** Records → mermaid `timeline` text; records sharing a period are grouped under it in data order. */
export function timelineFromRecords(records: readonly Record<string, unknown>[], fields: TimelineFields = {}): string {
  const periodKeys = (fields.period ?? 'year|released|date').split('|');
  const eventKey = fields.event ?? 'event';
  const periods = new Map<string, string[]>();
  for (const record of records) {
    const raw = periodKeys.map((key) => record[key]).find((value) => value !== undefined && value !== '');
    const period = label(periodLabel(String(raw ?? '')));
    const event = label(record[eventKey]);
    if (!period || !event) continue;
    periods.set(period, [...(periods.get(period) ?? []), event]);
  }
  // Several data files (milestones, releases) interleave: order the periods by year when all have one.
  const year = (period: string) => Number(/^\d{4}/.exec(period)?.[0]);
  const ordered = [...periods].every(([period]) => !Number.isNaN(year(period)))
    ? [...periods].sort(([a], [b]) => year(a) - year(b))
    : [...periods];
  const lines = [fields.direction === 'TD' ? 'timeline TD' : 'timeline'];
  if (fields.title) lines.push(`    title ${label(fields.title)}`);
  for (const [period, events] of ordered) lines.push(`    ${period} : ${events.join(' : ')}`);
  return `${lines.join('\n')}\n`;
}
