import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/pipeline/load.ts';
import { FIXTURES } from '../../helpers.ts';

/** Rules only a build reports (it lays slides out in chromium): test/rules/fixtures.e2e.test.ts runs theirs. */
const BUILT = new Set(['deck/overflow']);

/** Rule fixtures: test/fixtures/<group>/<rule>/{ok.md, not-ok.md, expected.txt}. */
const RULES = ['frontmatter', 'deck', 'dialect', 'math'].flatMap((group) =>
  readdirSync(path.join(FIXTURES, group))
    .map((rule) => ({ id: `${group}/${rule}`, dir: path.join(FIXTURES, group, rule) }))
    .filter(({ id }) => !BUILT.has(id)),
);

function messagesOf(file: string): string[] {
  // The fixtures folder plays the project root: a fixture may link to a sibling, not out of the tree.
  const { file: vfile } = loadDeck(
    { name: 'fixture', path: file },
    { knownThemes: new Set(['dark', 'light']), root: FIXTURES },
  );
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
