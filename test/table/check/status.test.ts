import { describe, expect, it } from 'vitest';
import { checkMarkdown } from '../helpers.ts';

const table = (spec: string, rows: string) => `:::table{${spec}}\n| Name | Year |\n| --- | --- |\n${rows}:::\n`;

describe('a table keeps the errors its rules reported about it', () => {
  it('a table that holds has none; its neighbour that breaks a rule has that error, not the other', () => {
    const { tables, file } = checkMarkdown(
      `${table('#good sort="Year"', '| a | 2001 |\n| b | 2002 |\n')}\n` +
        `${table('#bad sort="Year"', '| a | 2002 |\n| b | 2001 |\n')}`,
    );
    expect(tables.map((model) => model.spec?.id)).toEqual(['good', 'bad']);
    expect(tables[0]?.errors).toEqual([]);
    expect(tables[1]?.errors.map((message) => message.ruleId)).toEqual(['table/sort']);
    expect(file.messages.filter((message) => message.fatal)).toHaveLength(1);
  });

  it('errors found later (a citation of a snippet that does not exist) land on the table too', () => {
    const { tables } = checkMarkdown(
      ':::table{evidence="Year: compiles"}\n| Name | Year |\n| --- | --- |\n| a | :proof[nope] |\n:::\n',
    );
    expect(tables[0]?.errors.map((message) => message.ruleId)).toEqual(['table/evidence']);
  });

  it('warnings do not fail a table', () => {
    const { tables, file } = checkMarkdown('| a | b |\n| --- | --- |\n| 1 |  |\n');
    expect(file.messages.some((message) => message.fatal === false)).toBe(true);
    expect(tables[0]?.errors).toEqual([]);
  });
});
