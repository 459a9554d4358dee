import { describe, expect, it } from 'vitest';
import { parseCalendarPoint } from '../../src/table/calendar.ts';
import { parseClaims } from '../../src/table/claims.ts';
import { expectedText, formatForColumn, sameAsData } from '../../src/table/data-values.ts';
import type { ColumnType } from '../../src/table/model.ts';
import { parseColumnType } from '../../src/table/column-types.ts';
import { compareValues, parseValue, type Value } from '../../src/table/values.ts';

function type(source: string): ColumnType {
  const parsed = parseColumnType(source);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.type;
}

function value(source: string, text: string): Value | undefined {
  const parsed = parseValue(type(source), { text, hasLink: false });
  return 'value' in parsed ? parsed.value : undefined;
}

describe('column types', () => {
  it('parses alternatives, enums and units', () => {
    expect(type('month-year | year').alternatives).toEqual([{ kind: 'month-year' }, { kind: 'year' }]);
    expect(type('enum(No | Initial, experimental|Growing)').alternatives).toEqual([
      { kind: 'enum', values: ['No', 'Initial, experimental', 'Growing'] },
    ]);
    expect(type('integer(KiB)').alternatives).toEqual([{ kind: 'integer', unit: 'KiB' }]);
  });

  it('reports what is wrong and where', () => {
    expect(parseColumnType('year | semver')).toEqual({ error: 'unknown type "semver"', offset: 7 });
    expect(parseColumnType('enum()')).toMatchObject({ offset: 0 });
    expect(parseColumnType('year(4)')).toEqual({ error: 'type "year" takes no argument', offset: 0 });
    expect(parseColumnType('year |')).toEqual({ error: 'empty type', offset: 6 });
  });
});

describe('values', () => {
  it.each([
    ['year', '2022', true],
    ['year', '22', false],
    ['month-year', 'Oct 2022', true],
    ['month-year', 'September 2024', true],
    ['month-year', 'Sept 2024', true],
    ['month-year', '2022-10', true],
    ['month-year', '2022', false],
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date', '2 Oct 2022', true],
    ['date', 'Oct 2, 2022', true],
    ['version', '6.1', true],
    ['version', 'v1.78.0', true],
    ['version', '6.2-rc1', true],
    ['version', '6.x', false],
    ['integer', '1,024', true],
    ['integer', '1.5', false],
    ['integer(MB)', '42 MB', true],
    ['integer(MB)', '42MB', true],
    ['integer(MB)', '42', false],
    ['number(%)', '-0.5%', true],
    ['mark', '✓', true],
    ['mark', 'Partial', true],
    ['mark', 'maybe', false],
    ['mark', 'constructor', false],
    ['enum(No|Yes)', 'Yes', true],
    ['enum(No|Yes)', 'yes', false],
    ['version', '6.2–6.7', true],
    ['version', '6.7–6.2', false],
    ['month-year|year', 'Feb 2023–Jan 2024', true],
    ['integer(KiB)', '8–16 KiB', true],
    ['year', '2023-2024', false],
  ])('%s accepts "%s": %s', (source, text, ok) => {
    expect(value(source, text) !== undefined).toBe(ok);
  });

  it('links need a link node, not link-looking text', () => {
    expect(parseValue(type('link'), { text: 'lwn.net', hasLink: false })).toEqual({});
    expect(parseValue(type('link'), { text: 'lwn', hasLink: true })).toMatchObject({ value: { kind: 'text' } });
  });

  it('orders versions numerically and ranges by their low end', () => {
    const versions = ['6.11', '6.2–6.7', '6.1', '6.12–6.18', '6.0', '6.8', '6.2-rc1'];
    const sorted = [...versions].sort((a, b) =>
      compareValues(value('version', a) as Value, value('version', b) as Value),
    );
    expect(sorted).toEqual(['6.0', '6.1', '6.2-rc1', '6.2–6.7', '6.8', '6.11', '6.12–6.18']);
  });

  it('orders enums in declared order and calendar values by their first day', () => {
    const stages = ['Growing', 'No', 'Initial'].sort((a, b) =>
      compareValues(value('enum(No|Initial|Growing)', a) as Value, value('enum(No|Initial|Growing)', b) as Value),
    );
    expect(stages).toEqual(['No', 'Initial', 'Growing']);
    const days = ['Mar 2024', '2023', 'Dec 2022'].sort((a, b) =>
      compareValues(value('month-year|year', a) as Value, value('month-year|year', b) as Value),
    );
    expect(days).toEqual(['Dec 2022', '2023', 'Mar 2024']);
  });

  it('reads calendar points at their own precision', () => {
    expect(parseCalendarPoint('2022-12-11')).toEqual({ year: 2022, month: 12, day: 11 });
    expect(parseCalendarPoint('Dec 2022')).toEqual({ year: 2022, month: 12 });
    expect(parseCalendarPoint('Decembre 2022')).toBeUndefined();
  });
});

describe('claims', () => {
  it('reads alternatives separated by | or , and rejects anything else, prototype names included', () => {
    expect(parseClaims('compile-error|panic')).toEqual({ claims: ['compile-error', 'panic'] });
    expect(parseClaims('runs, compiles')).toEqual({ claims: ['runs', 'compiles'] });
    expect(parseClaims('toString')).toMatchObject({ error: expect.stringContaining('unknown outcome') });
  });
});

describe('cells against data values', () => {
  const released = type('month-year|year');
  const content = (text: string) => ({ text, hasLink: false });

  it('compares at the precision the cell shows', () => {
    expect(sameAsData(released, content('Dec 2022'), content('2022-12-11'))).toBe(true);
    expect(sameAsData(released, content('Nov 2022'), content('2022-12-11'))).toBe(false);
    expect(sameAsData(released, content('Feb 2023–Jan 2024'), content('2023-02-19–2024-01-07'))).toBe(true);
    expect(sameAsData(released, content('2024–2025'), content('2024-11-17–2025'))).toBe(true);
    expect(sameAsData(released, content('Oct 2022'), content('2022'))).toBe(false);
    expect(expectedText(released, content('Nov 2022'), content('2022-12-11'))).toBe('Dec 2022');
  });

  it('compares versions by value and text exactly', () => {
    expect(sameAsData(type('version'), content('6.1'), content('6.1.0'))).toBe(true);
    expect(sameAsData(type('version'), content('6.10'), content('6.1'))).toBe(false);
    expect(sameAsData(undefined, content('No'), content('no'))).toBe(false);
    expect(sameAsData(undefined, content('—'), content(''))).toBe(true);
  });

  it('formats data for a generated column at the finest precision it allows', () => {
    expect(formatForColumn(released, '2022-12-11')).toBe('Dec 2022');
    expect(formatForColumn(type('year'), '2022-12-11')).toBe('2022');
    expect(formatForColumn(released, '2024-11-17–2025')).toBe('Nov 2024–2025');
    expect(formatForColumn(type('month-year'), '2023')).toBe('2023');
    expect(formatForColumn(type('version'), '6.10')).toBe('6.10');
  });
});
