/**
 * Data files next to a deck: a YAML or JSON list of records, or a CSV file with a header row. Every value
 * is read as the text written (YAML's failsafe schema), so `6.10` stays `6.10` and `No` stays `No`.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInsideFolders } from '../config/confine.ts';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Scalar } from 'yaml';
import { parseCsv } from './csv.ts';

/** One value of a record, with the line it is written on. */
interface DataField {
  name: string;
  value: string;
  line: number;
}

/** One record (a row): fields by {@link fieldKey}. */
export interface DataRecord {
  line: number;
  fields: Map<string, DataField>;
}

/** A data file's records; `display` is the path as written in the markdown, for messages. */
export interface DataTable {
  display: string;
  records: DataRecord[];
  /** Field names in the order of the first record that has them. */
  fields: string[];
}

/** The records, or what is wrong (with the line in the data file when known). */
export type DataRead = { data: DataTable } | { error: string; line?: number };

/** Column "Kernel version" reads field `kernel_version`, `kernelVersion` or `Kernel version`. */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Resolves a `data=` path against the markdown's folder; it must stay inside the deck's folder or an `allow`ed one. */
export function resolveDataPath(
  markdownDir: string,
  deckDir: string,
  written: string,
  allow: readonly string[] = [],
): { path: string } | { error: string } {
  if (path.isAbsolute(written) || /^[a-z][a-z+.-]*:/i.test(written))
    return { error: `data file "${written}" must be a path relative to the markdown file` };
  const resolved = path.resolve(markdownDir, written);
  if (!existsSync(resolved)) return { error: `data file not found: ${written}` };
  const real = realpathSync(resolved);
  const root = existsSync(deckDir) ? realpathSync(deckDir) : path.resolve(deckDir);
  const relative = path.relative(root, real);
  const outside = relative.startsWith('..') || path.isAbsolute(relative);
  if (outside && !(allow.length > 0 && isInsideFolders(resolved, allow)))
    return { error: `data file "${written}" is outside the deck's folder` };
  return { path: real };
}

/**
 * Parses of the data files read last, by kind, display path and text: `proofdeck dev` checks a deck again on
 * every edit, and parsing YAML was a fifth of checking the flagship's tables. Callers get copies.
 */
const recentReads = new Map<string, DataRead>();
const RECENT_READS = 32;

/** Reads and parses a data file by its extension. */
export function readDataFile(file: string, display: string): DataRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `cannot read ${display}: ${(error as Error).message}` };
  }
  const csv = /\.csv$/i.test(file);
  const key = JSON.stringify([csv, display, text]);
  let read = recentReads.get(key);
  if (!read) {
    read = csv ? parseCsvData(text, display) : parseYamlData(text, display);
    recentReads.set(key, read);
    const oldest = recentReads.keys().next().value;
    if (recentReads.size > RECENT_READS && oldest !== undefined) recentReads.delete(oldest);
  }
  return structuredClone(read);
}

/** Parses YAML (or JSON, a subset of YAML 1.2) holding a list of records. */
export function parseYamlData(text: string, display: string): DataRead {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => lines.linePos(offset ?? 0).line;
  const first = doc.errors[0];
  if (first) {
    const reason = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { error: `${display} is not valid YAML/JSON: ${reason}`, line: lineOf(first.pos[0]) };
  }
  if (!isSeq(doc.contents))
    return {
      error: `${display} must be a list of records (a YAML "- key: value" list or a JSON array of objects)`,
      line: lineOf(doc.contents?.range?.[0]),
    };
  const records: DataRecord[] = [];
  for (const item of doc.contents.items) {
    const line = lineOf(isMap(item) || isScalar(item) || isSeq(item) ? item.range?.[0] : undefined);
    if (!isMap(item)) return { error: `a record in ${display} is not a mapping of field: value`, line };
    const fields = new Map<string, DataField>();
    for (const pair of item.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const fieldLine = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
      if (pair.value !== null && !isScalar(pair.value))
        return { error: `field "${name}" in ${display} is not a single value`, line: fieldLine };
      const added = addField(fields, name, valueOf(pair.value), fieldLine, display);
      if (added) return added;
    }
    records.push({ line, fields });
  }
  return { data: { display, records, fields: fieldOrder(records) } };
}

/** YAML's `~`, `null` and a missing value mean "no value"; anything quoted is kept as written. */
function valueOf(node: Scalar | null): string {
  if (!node) return '';
  const value = String(node.value);
  return node.type === 'PLAIN' && /^(~|null|Null|NULL)$/.test(value) ? '' : value;
}

function parseCsvData(text: string, display: string): DataRead {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { error: `${display}: ${parsed.error}`, line: parsed.line };
  const [head, ...body] = parsed.records;
  if (!head) return { error: `${display} is empty: it needs a header row`, line: 1 };
  const records: DataRecord[] = [];
  for (const record of body) {
    if (record.fields.length !== head.fields.length) {
      return {
        error: `a row of ${display} has ${record.fields.length} fields, its header has ${head.fields.length}`,
        line: record.line,
      };
    }
    const fields = new Map<string, DataField>();
    for (const [index, name] of head.fields.entries()) {
      const added = addField(fields, name, record.fields[index] ?? '', record.line, display);
      if (added) return added;
    }
    records.push({ line: record.line, fields });
  }
  return { data: { display, records, fields: head.fields } };
}

function addField(
  fields: Map<string, DataField>,
  name: string,
  value: string,
  line: number,
  display: string,
): { error: string; line: number } | undefined {
  const key = fieldKey(name);
  const clash = fields.get(key);
  if (clash) return { error: `fields "${clash.name}" and "${name}" in ${display} name the same column`, line };
  fields.set(key, { name, value, line });
  return undefined;
}

function fieldOrder(records: readonly DataRecord[]): string[] {
  const names = new Map<string, string>();
  for (const record of records)
    for (const [key, field] of record.fields) if (!names.has(key)) names.set(key, field.name);
  return [...names.values()];
}
