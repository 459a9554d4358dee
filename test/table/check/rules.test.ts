import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../helpers.ts';
import { checkMarkdown, fixtureResults, messageLines } from '../helpers.ts';

/** Rule fixtures: test/fixtures/table/<rule>/{ok.md, not-ok.md, expected.txt[, results.json, data files]}. */
const ROOT = path.join(FIXTURES, 'table');
const RULES = readdirSync(ROOT)
  .filter((name) => existsSync(path.join(ROOT, name, 'not-ok.md')))
  .map((rule) => ({ id: `table/${rule}`, dir: path.join(ROOT, rule) }));

function check(file: string, dir: string) {
  const markdown = readFileSync(file, 'utf8');
  return checkMarkdown(markdown, { path: file, deckDir: dir, ...fixtureResults(dir) }).file;
}

describe.each(RULES)('rule $id', ({ id, dir }) => {
  it('reports nothing on ok.md', () => {
    const file = check(path.join(dir, 'ok.md'), dir);
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([]);
  });

  it('reports the expected messages at their positions on not-ok.md', () => {
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');
    expect(expected.every((line) => line.endsWith(id))).toBe(true);
    expect(messageLines(check(path.join(dir, 'not-ok.md'), dir))).toEqual(expected);
  });
});

it('has a fixture for every table rule', () => {
  const ids = RULES.map((rule) => rule.id).sort();
  expect(ids).toEqual(
    [
      'cell-count',
      'data-mismatch',
      'data-source',
      'duplicate-column',
      'empty-cell',
      'evidence',
      'key',
      'match',
      'missing-header',
      'required',
      'row-count',
      'sort',
      'spec',
      'type',
    ].map((rule) => `table/${rule}`),
  );
  expect(RULES.every(({ dir }) => statSync(path.join(dir, 'ok.md')).isFile())).toBe(true);
});
