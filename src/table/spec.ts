/** Reads a `:::table{…}` container's attributes into a {@link TableSpec}, with positioned problems. */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Place } from '../report/messages.ts';
import { attributePlace, rawAttributes } from './attribute-place.ts';
import { parseClaims } from './claims.ts';
import type { ColumnRef, Problem, TableSpec } from './model.ts';
import { parseColumnType, splitTopLevel } from './column-types.ts';
import { collapseWhitespace } from './values.ts';

/** Attributes a `:::table` accepts. */
const TABLE_ATTRIBUTES = [
  'id',
  'class',
  'key',
  'types',
  'sort',
  'rows',
  'required',
  'data',
  'columns',
  'match',
  'evidence',
] as const;

const RULE = 'table/spec';
const DATA_FILE = /\.(ya?ml|json|csv)$/i;

/** Collapses whitespace so `Kernel  version` and `Kernel version` name the same column. */
export function normalizeName(name: string): string {
  return collapseWhitespace(name);
}

/** Parses the spec; problems never stop parsing, so every mistake is reported at once. */
export function parseTableSpec(node: ContainerDirective, source: string): { spec: TableSpec; problems: Problem[] } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const attrs = node.attributes ?? {};
  const problems: Problem[] = [];
  const place = (name: string, needle?: string): Place => attributePlace(source, node, name, needle);
  const problem = (message: string, at: Place, hint?: string) =>
    problems.push({ ruleId: RULE, severity: 'error', message, place: at, ...(hint ? { hint } : {}) });
  const ref = (attribute: string, name: string): ColumnRef => ({
    name: normalizeName(name),
    place: place(attribute, name.trim()),
  });

  const seen = new Set<string>();
  for (const raw of rawAttributes(source, node)) {
    const at = { line: start.line, column: start.column + raw.start };
    if (!(TABLE_ATTRIBUTES as readonly string[]).includes(raw.name)) {
      problem(`unknown table attribute "${raw.name}"`, at, `Known: #id, ${TABLE_ATTRIBUTES.slice(2).join(', ')}.`);
    } else if (seen.has(raw.name) && raw.name !== 'class') {
      problem(`attribute "${raw.name}" is given twice; only the last one would count`, at, 'Keep one.');
    }
    seen.add(raw.name);
  }

  const spec: TableSpec = {
    place: { line: start.line, column: start.column },
    types: [],
    required: [],
    match: [],
    evidence: [],
  };
  if (attrs.id) spec.id = attrs.id;
  if (attrs.key !== undefined && attrs.key !== null) {
    if (normalizeName(attrs.key) === '')
      problem('key= is empty', place('key'), 'Name the column whose values identify the rows: key="Kernel version".');
    else spec.key = ref('key', attrs.key);
  }
  for (const { name, rest, offset } of namedParts(attrs.types)) {
    if (rest === undefined) {
      problem(
        `cannot read "${name.trim()}" in types=: write "Column: type"`,
        place('types', name.trim()),
        'Separate columns with ";": types="Released: month-year; Notes: text".',
      );
      continue;
    }
    const parsed = parseColumnType(rest);
    const needle = (attrs.types ?? '').slice(offset);
    if ('error' in parsed)
      problem(
        `column "${normalizeName(name)}" in types=: ${parsed.error}`,
        place('types', needle.slice(parsed.offset) || needle),
        typeHint,
      );
    else spec.types.push({ column: ref('types', name), type: parsed.type });
  }
  if (attrs.sort !== undefined && attrs.sort !== null) {
    const m = /^(.*?)(?:\s+(asc|desc))?\s*$/s.exec(attrs.sort);
    if (!m?.[1]?.trim()) problem('sort= names no column', place('sort'), 'Write sort="Column" or sort="Column desc".');
    else spec.sort = { column: ref('sort', m[1]), direction: m[2] === 'desc' ? 'desc' : 'asc' };
  }
  if (attrs.rows !== undefined && attrs.rows !== null) {
    if (/^\d+$/.test(attrs.rows.trim())) spec.rows = { count: Number(attrs.rows), place: place('rows') };
    else
      problem(
        `rows= must be a whole number, not "${attrs.rows}"`,
        place('rows'),
        'Write rows=8: the number of body rows, without the header.',
      );
  }
  spec.required = names(attrs.required).map((name) => ref('required', name));
  if (attrs.columns !== undefined && attrs.columns !== null)
    spec.columns = names(attrs.columns).map((name) => ref('columns', name));
  if (attrs.data !== undefined && attrs.data !== null) {
    if (!DATA_FILE.test(attrs.data.trim()))
      problem(
        `data= must name a .yaml, .yml, .json or .csv file, not "${attrs.data}"`,
        place('data'),
        'Write data="./facts.yaml", relative to the markdown file.',
      );
    else spec.data = { path: attrs.data.trim(), place: place('data') };
  }
  for (const target of (attrs.match ?? '').split(/\s+/).filter(Boolean)) {
    if (/^#./.test(target) || DATA_FILE.test(target)) spec.match.push({ target, place: place('match', target) });
    else
      problem(
        `cannot read match target "${target}"`,
        place('match', target),
        'Use #id of a :::list or :::table, or a data file: match="#memory-errors ./errors.yaml".',
      );
  }
  for (const { name, rest } of namedParts(attrs.evidence)) {
    const claims = rest === undefined ? { error: `write "${name.trim()}: outcome"` } : parseClaims(rest);
    if ('error' in claims)
      problem(
        `column "${normalizeName(name)}" in evidence=: ${claims.error}`,
        place('evidence', name.trim()),
        'Example: evidence="What C does: detected; How Rust prevents it: compile-error|panic".',
      );
    else spec.evidence.push({ column: ref('evidence', name), claims: claims.claims });
  }
  return { spec, problems };
}

const typeHint =
  'Types: text, enum(A|B), year, month-year, date, version, integer, integer(unit), number, number(unit), mark, ' +
  'link; join alternatives with |.';

/** Splits `A: x; B: y` into names and the text after the first colon (`undefined` when there is none). */
function namedParts(value: string | null | undefined): { name: string; rest: string | undefined; offset: number }[] {
  if (!value) return [];
  return splitTopLevel(value, ';')
    .filter((part) => part.text.trim() !== '')
    .map((part) => {
      const colon = part.text.indexOf(':');
      if (colon < 0) return { name: part.text, rest: undefined, offset: part.offset };
      return { name: part.text.slice(0, colon), rest: part.text.slice(colon + 1), offset: part.offset + colon + 1 };
    });
}

function names(value: string | null | undefined): string[] {
  return (value ?? '').split(';').map(normalizeName).filter(Boolean);
}
