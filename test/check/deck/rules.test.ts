import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/pipeline/load.ts';
import { FIXTURES } from '../../helpers.ts';

/** Rule fixtures: test/fixtures/<group>/<rule>/{ok.md, not-ok.md, expected.txt}. */
const RULES = ['frontmatter', 'deck'].flatMap((group) =>
  readdirSync(path.join(FIXTURES, group)).map((rule) => ({
    id: `${group}/${rule}`,
    dir: path.join(FIXTURES, group, rule),
  })),
);

function messagesOf(file: string): string[] {
  const { file: vfile } = loadDeck({ name: 'fixture', path: file }, { knownThemes: new Set(['dark', 'light']) });
  return vfile.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`).sort();
}

describe.each(RULES)('rule $id', ({ id, dir }) => {
  it('reports nothing on ok.md', () => {
    expect(messagesOf(path.join(dir, 'ok.md'))).toEqual([]);
  });

  it('reports the expected messages at their positions on not-ok.md', () => {
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');
    expect(expected.every((line) => line.endsWith(id))).toBe(true);
    expect(messagesOf(path.join(dir, 'not-ok.md'))).toEqual([...expected].sort());
  });
});

it('has a fixture for every rule', () => {
  expect(RULES.length).toBeGreaterThanOrEqual(11);
  expect(RULES.every(({ dir }) => existsSync(path.join(dir, 'not-ok.md')))).toBe(true);
});
