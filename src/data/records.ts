/** Reads a deck data file (YAML, JSON or CSV) as a list of records. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Records, or a one-line reason the file could not be used. */
export type RecordsResult = { records: Record<string, unknown>[] } | { error: string };

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

function asRecords(data: unknown): Record<string, unknown>[] | undefined {
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (Array.isArray(data)) return data.every(isRecord) ? data : undefined;
  // Also accept `{ rows: [...] }`-style files: one top-level key holding the list.
  if (isRecord(data)) {
    const lists = Object.values(data).filter(Array.isArray);
    return lists.length === 1 ? asRecords(lists[0]) : undefined;
  }
  return undefined;
}

/** Loads `file`; never throws for content problems. */
export function loadRecords(file: string): RecordsResult {
  if (!existsSync(file)) return { error: 'file not found' };
  const text = readFileSync(file, 'utf8');
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === '.csv') {
      const [header, ...rows] = parseCsv(text);
      if (!header) return { error: 'empty CSV file' };
      return { records: rows.map((row) => Object.fromEntries(header.map((name, i) => [name.trim(), row[i] ?? '']))) };
    }
    const data: unknown = ext === '.json' ? JSON.parse(text) : parseYaml(text);
    const records = asRecords(data);
    return records ? { records } : { error: 'expected a list of records (objects)' };
  } catch (error) {
    return { error: `cannot parse: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
