/** Parses column type expressions: `version`, `enum(No|Initial|Growing)`, `integer(MB)`, `month-year | year`. */
import type { ColumnType, TypeAlternative } from './model.ts';

/** Type names accepted in `types=`, with what a value looks like (for hints). */
const TYPE_EXAMPLES: Readonly<Record<TypeAlternative['kind'], string>> = {
  text: 'anything',
  enum: 'one of the listed values',
  year: '2022',
  'month-year': 'Oct 2022',
  date: '2022-10-02',
  version: '6.1',
  integer: '42',
  number: '3.5',
  mark: '✓, ✗, ~ (or yes, no, partial)',
  link: '[text](https://…)',
};

const KINDS = new Set(Object.keys(TYPE_EXAMPLES));

/** The result of parsing a type: the type, or what is wrong and where in the expression. */
export type TypeParse = { type: ColumnType } | { error: string; offset: number };

/** Splits on `separator` outside parentheses, keeping each part's offset. */
export function splitTopLevel(text: string, separator: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === separator && depth === 0) {
      parts.push({ text: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  parts.push({ text: text.slice(start), offset: start });
  return parts;
}

/** Parses a type expression; alternatives are separated by `|` outside parentheses. */
export function parseColumnType(source: string): TypeParse {
  const alternatives: TypeAlternative[] = [];
  for (const part of splitTopLevel(source, '|')) {
    const lead = part.text.length - part.text.trimStart().length;
    const parsed = parseAlternative(part.text.trim());
    if ('error' in parsed) return { error: parsed.error, offset: part.offset + lead };
    alternatives.push(parsed);
  }
  return { type: { source: source.trim(), alternatives } };
}

function parseAlternative(text: string): TypeAlternative | { error: string } {
  const match = /^([a-z-]+)\s*(?:\((.*)\))?$/s.exec(text);
  const name = match?.[1];
  if (!match || name === undefined) {
    return { error: text === '' ? 'empty type' : `cannot read type "${text}"` };
  }
  if (!KINDS.has(name)) return { error: `unknown type "${name}"` };
  const argument = match[2]?.trim();
  const kind = name as TypeAlternative['kind'];
  if (kind === 'enum') {
    const values = (argument ?? '').split('|').map((value) => value.trim().replace(/\s+/g, ' '));
    if (argument === undefined || values.some((value) => value === '')) {
      return { error: 'enum needs its values, e.g. enum(No|Initial|Growing)' };
    }
    return { kind, values };
  }
  if (kind === 'integer' || kind === 'number') {
    if (argument === '') return { error: `${kind}() needs a unit, e.g. ${kind}(MB), or no parentheses` };
    return argument === undefined ? { kind } : { kind, unit: argument };
  }
  if (argument !== undefined) return { error: `type "${kind}" takes no argument` };
  return { kind } as TypeAlternative;
}

/** Describes what a column of this type accepts, for messages. */
export function describeType(type: ColumnType): string {
  return type.alternatives.map(describeAlternative).join(' or ');
}

function describeAlternative(alternative: TypeAlternative): string {
  switch (alternative.kind) {
    case 'enum':
      return `one of ${alternative.values.map((value) => `"${value}"`).join(', ')}`;
    case 'integer':
    case 'number':
      return (
        `${alternative.kind === 'integer' ? 'an integer' : 'a number'}` +
        `${alternative.unit ? ` in ${alternative.unit}` : ''} (e.g. "${TYPE_EXAMPLES[alternative.kind]}` +
        `${unitSuffix(alternative.unit)}")`
      );
    case 'text':
      return 'text';
    default:
      return `a ${alternative.kind} (e.g. "${TYPE_EXAMPLES[alternative.kind]}")`;
  }
}

/** `42 KiB` but `42%`: a space before word units only. */
function unitSuffix(unit: string | undefined): string {
  if (!unit) return '';
  return /^\p{L}/u.test(unit) ? ` ${unit}` : unit;
}
