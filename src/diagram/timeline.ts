/** Generates a mermaid timeline from a data file, so a timeline and a checked table share one source of truth. */

/** Which fields of each record make the timeline. */
export interface TimelineFields {
  /** Field holding the period label (e.g. `year`). @default 'year' */
  period?: string;
  /** Field holding the event text. @default 'event' */
  event?: string;
  title?: string;
}

/** Mermaid's timeline grammar treats `:` and `#` specially; keep labels plain. */
function label(value: unknown): string {
  return String(value ?? '').replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Records → mermaid `timeline` text; records sharing a period are grouped under it in data order. */
export function timelineFromRecords(records: readonly Record<string, unknown>[], fields: TimelineFields = {}): string {
  const periodKey = fields.period ?? 'year';
  const eventKey = fields.event ?? 'event';
  const periods = new Map<string, string[]>();
  for (const record of records) {
    const period = label(record[periodKey]);
    const event = label(record[eventKey]);
    if (!period || !event) continue;
    periods.set(period, [...(periods.get(period) ?? []), event]);
  }
  const lines = ['timeline'];
  if (fields.title) lines.push(`    title ${label(fields.title)}`);
  for (const [period, events] of periods) lines.push(`    ${period} : ${events.join(' : ')}`);
  return `${lines.join('\n')}\n`;
}
