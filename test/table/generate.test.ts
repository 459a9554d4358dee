import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { describe, expect, it } from 'vitest';
import { checkMarkdown } from './helpers.ts';
import { tempDir } from '../helpers.ts';

function deckWith(files: Record<string, string>): string {
  const dir = tempDir('generate');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('tables generated from data files', () => {
  const dir = deckWith({
    'k.yaml':
      '- kernel_version: "6.1"\n  released: 2022-12-11\n  notes: "`CONFIG_RUST`, x86_64"\n  event: timeline ' +
      'only\n- kernel_version: "6.10"\n  released: 2024-07-14\n  notes: ""\n',
  });
  const markdown =
    ':::table{data="./k.yaml" columns="Kernel version; Released; Notes" types="Released: month-year"}\n:::\n';
  const { file, tables } = checkMarkdown(markdown, { path: path.join(dir, 'deck.md'), deckDir: dir });

  it('builds an mdast table with the columns asked for, values formatted for their type', () => {
    expect(file.messages.map(String)).toEqual([]);
    const [model] = tables;
    expect(model?.generated).toBe(true);
    expect(model?.header.map((cell) => cell.text)).toEqual(['Kernel version', 'Released', 'Notes']);
    expect(model?.rows.map((row) => row.cells.map((cell) => cell?.text))).toEqual([
      ['6.1', 'Dec 2022', 'CONFIG_RUST, x86_64'],
      ['6.10', 'Jul 2024', ''],
    ]);
    expect(model?.rows[0]?.cells[0]?.origin).toBe('./k.yaml:1');
  });

  it('renders like an authored table, inline markdown included, without positions', () => {
    const table = tables[0]?.table;
    if (!table) throw new Error('no table');
    expect(JSON.stringify(table)).not.toContain('position');
    const html = toHtml(toHast(table));
    expect(html).toContain('<th>Kernel version</th>');
    expect(html).toContain('<td><code>CONFIG_RUST</code>, x86_64</td>');
    expect(html).toContain('<td>Dec 2022</td>');
  });

  it('uses the data file field names when columns= is absent, and checks data against types', () => {
    const checked = checkMarkdown(
      ':::table{data="./k.yaml" types="Released: year; Kernel version: enum(6.1)" sort="Kernel version desc"}\n:::\n',
      { path: path.join(dir, 'deck.md'), deckDir: dir },
    );
    expect(checked.tables[0]?.header.map((cell) => cell.text)).toEqual([
      'kernel_version',
      'released',
      'notes',
      'event',
    ]);
    expect(
      checked.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`),
    ).toEqual(['1:10 table/type "kernel_version" of row 2 is "6.10", expected one of "6.1" (./k.yaml:5)']);
  });
});
