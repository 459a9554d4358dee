import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleIds } from '../../src/report/rules.ts';
import { expectedLines, fixtureNames, GROUP_LANES, groupOf, ruleFixtures, ruleMessages } from './harness.ts';

// Iterates the registry, not the fixture folders: a rule registered without fixtures fails here.
describe('every registered rule has fixtures', () => {
  it('places every rule group in a test lane', () => {
    expect([...new Set(ruleIds().map(groupOf))].filter((group) => !GROUP_LANES[group])).toEqual([]);
  });

  it.each(ruleFixtures())('$id has ok.md, not-ok.md and expected.txt naming it', (rule) => {
    const { ok, notOk } = fixtureNames(rule);
    const missing = [ok, notOk, 'expected.txt'].filter((name) => !existsSync(path.join(rule.dir, name)));
    expect(missing, `test/fixtures/${rule.id}/`).toEqual([]);
    const expected = expectedLines(rule);
    expect(expected.length).toBeGreaterThan(0);
    for (const line of expected) expect(line).toMatch(new RegExp(`^\\d+:\\d+ (error|warning) ${rule.id}$`));
  });
});

describe.each(ruleFixtures('unit'))('rule $id (no compiler, no browser)', (rule) => {
  it('reports nothing of the rule on its ok fixture', async () => {
    expect(await ruleMessages(rule, fixtureNames(rule).ok)).toEqual([]);
  });

  it('reports expected.txt on its not-ok fixture', async () => {
    expect(await ruleMessages(rule, fixtureNames(rule).notOk)).toEqual(expectedLines(rule));
  });
});
