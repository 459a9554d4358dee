import { describe, expect, it } from 'vitest';
import { expectedLines, ruleFixtures, ruleMessages } from './harness.ts';

// Snippet, diagram and PDF rules: real gcc, clang and rustc in the sandbox, mermaid and PDFs in chromium.
describe.each(ruleFixtures('e2e'))('rule $id (compilers, chromium)', (rule) => {
  it('reports nothing of the rule on ok.md', async () => {
    expect(await ruleMessages(rule, 'ok.md')).toEqual([]);
  });

  it('reports expected.txt on not-ok.md', async () => {
    expect(await ruleMessages(rule, 'not-ok.md')).toEqual(expectedLines(rule));
  });
});
