import { describe, expect, it } from 'vitest';
import { expectedLines, fixtureNames, ruleFixtures, ruleMessages } from './harness.ts';

// Snippet, diagram and PDF rules: real gcc, clang and rustc in the sandbox, mermaid and PDFs in chromium.
describe.each(ruleFixtures('e2e'))('rule $id (compilers, chromium)', (rule) => {
  it('reports nothing of the rule on its ok fixture', async () => {
    expect(await ruleMessages(rule, fixtureNames(rule).ok)).toEqual([]);
  });

  it('reports expected.txt on its not-ok fixture', async () => {
    expect(await ruleMessages(rule, fixtureNames(rule).notOk)).toEqual(expectedLines(rule));
  });
});
