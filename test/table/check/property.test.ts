import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ToolRun } from '../../../src/model/snippet.ts';
import { checkMarkdown, fakeResult } from '../helpers.ts';

const CHARS = [
  'a',
  'B',
  '7',
  ' ',
  ' ',
  '|',
  '\\',
  '`',
  ':',
  '-',
  '*',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '#',
  '.',
  '–',
  '✓',
  'é',
  '\t',
  '"',
  '=',
  '~',
  '!',
];
const cellText = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((chars) => chars.join(''));
const proof = fc.constantFrom(
  ':proof[c-uaf]',
  ':proof[rs-uaf]{outcome=runs}',
  ':proof[]',
  ':proof[nope]{outcome=bogus}',
  ':proof[c-uaf]{outcome=toString}',
  ':proof[c-uaf',
  'constructor',
  '',
);
const cell = fc.tuple(cellText, proof).map(([text, citation]) => `${text} ${citation}`);
const row = fc
  .tuple(fc.array(cell, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([cells, leading, trailing]) => `${leading ? '| ' : ''}${cells.join(' | ')}${trailing ? ' |' : ''}`);
const delimiter = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('---', ':--', '--:', ':-:'))
  .map(([count, dash]) => `|${Array(count).fill(dash).join('|')}|`);
const typeExpr = fc.constantFrom(
  'constructor',
  'year',
  'month-year|year',
  'enum(a|B)',
  'version',
  'integer(KiB)',
  'number',
  'mark',
  'link',
  'date',
  'text',
  'semver',
  'enum()',
  '',
  'year(',
);
const attribute = fc.oneof(
  cellText.map((name) => `key="${name.replaceAll('"', '')}"`),
  fc.tuple(cellText, typeExpr).map(([name, type]) => `types="${name.replaceAll('"', '')}: ${type}; x: ${type}"`),
  cellText.map((name) => `sort="${name.replaceAll('"', '')} desc"`),
  fc.integer({ min: -2, max: 9 }).map((rows) => `rows=${rows}`),
  cellText.map((name) => `required="${name.replaceAll('"', '')}"`),
  fc.constantFrom(
    'match="#l"',
    'match="#nowhere ./x.csv"',
    'data="./missing.yaml"',
    'data="../../etc/passwd.csv"',
    'evidence="a: detected"',
    'evidence="B: nonsense"',
    '#l',
    '#t',
    'colour=red',
    'columns="a; B"',
    'toString=x',
    'evidence="a: constructor"',
  ),
);
const table = fc
  .tuple(row, fc.option(delimiter, { nil: undefined }), fc.array(row, { maxLength: 4 }))
  .map(([head, delim, body]) => [head, ...(delim ? [delim] : []), ...body].join('\n'));
const block = fc.oneof(
  table,
  fc
    .tuple(fc.array(attribute, { maxLength: 5 }), table)
    .map(([attrs, inner]) => `:::table{${attrs.join(' ')}}\n${inner}\n:::`),
  fc
    .tuple(fc.array(attribute, { maxLength: 3 }), table)
    .map(([attrs, inner]) => `:::table{${attrs.join(' ')}\n${inner}`),
  table.map((inner) =>
    inner
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  ),
  table.map(
    (inner) =>
      `- item\n\n${inner
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')}`,
  ),
  fc
    .array(cellText, { minLength: 1, maxLength: 3 })
    .map((items) => `:::list{#l}\n${items.map((item) => `- ${item}`).join('\n')}\n:::`),
  fc.string({ maxLength: 40 }),
);
const deck = fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => blocks.join('\n\n'));
const outcome = fc.constantFrom<ToolRun['outcome']>(
  'compiled',
  'compile-error',
  'ran',
  'panicked',
  'detected',
  'skipped',
);

describe('any table-like markdown', () => {
  it('is checked without a crash, and every message lies inside the file', () => {
    let reported = 0;
    fc.assert(
      fc.property(deck, fc.boolean(), outcome, (markdown, ok, ended) => {
        const results = new Map([['c-uaf', fakeResult('c-uaf', ok, [ended])]]);
        const { file } = checkMarkdown(markdown, { snippetIds: new Set(['c-uaf', 'rs-uaf']), results });
        if (file.messages.length > 0) reported++;
        const lines = markdown.split('\n');
        for (const message of file.messages) {
          expect(message.ruleId).toMatch(/^table\//);
          const line = message.line ?? 0;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines.length);
          expect(message.column).toBeGreaterThanOrEqual(1);
          expect(message.column).toBeLessThanOrEqual((lines[line - 1]?.length ?? 0) + 1);
        }
      }),
      { numRuns: 400 },
    );
    // The generator must reach the rules, not just produce clean tables.
    expect(reported).toBeGreaterThan(100);
  });
});

describe('well-formed pipe tables', () => {
  const safe = fc
    .array(fc.constantFrom('a', 'Z', '1', ' ', '\\|', '`x\\|y`', 'é'), { minLength: 1, maxLength: 6 })
    .map((parts) => `x${parts.join('')}`);
  it('report exactly one cell-count error per row whose count differs from the header, on that row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }),
        safe,
        (width, counts, text) => {
          const header = `| ${Array.from({ length: width }, (_, i) => `h${i}`).join(' | ')} |`;
          const rows = counts.map((count) => `| ${Array(count).fill(text).join(' | ')} |`);
          const markdown = [header, `|${Array(width).fill('---').join('|')}|`, ...rows].join('\n');
          const { file } = checkMarkdown(markdown);
          const reported = file.messages
            .filter((message) => message.ruleId === 'table/cell-count')
            .map((message) => message.line);
          const expected = counts.flatMap((count, index) => (count === width ? [] : [index + 3]));
          expect(reported).toEqual(expected);
          expect(file.messages.filter((message) => message.ruleId !== 'table/cell-count')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
