import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { ruleAnchor, ruleHelpUri, ruleIds, rules } from '../../src/report/rules.ts';
import { README, rulesTable, withRulesTable } from '../../scripts/rules-table.ts';

const readme = readFileSync(README, 'utf8');

describe('the rule registry', () => {
  it('gives every rule a one-line summary and help text', () => {
    for (const id of ruleIds()) {
      const { summary, help } = rules[id];
      expect(summary, id).toMatch(/^[^\n]{10,}$/);
      expect(help, id).toMatch(/^[^\n]{10,}$/);
    }
  });

  it('points every rule at a README section that exists', () => {
    const slugger = new GithubSlugger();
    const slugs = new Set<string>();
    visit(parseMarkdown(new VFile({ path: README, value: readme })), 'heading', (node: Heading) => {
      slugs.add(slugger.slug(toString(node)));
    });
    expect(ruleIds().filter((id) => !slugs.has(rules[id].docs))).toEqual([]);
  });

  it('gives every rule its own help URL, anchored at its row of the README table', () => {
    expect(new Set(ruleIds().map(ruleHelpUri)).size).toBe(ruleIds().length);
    for (const id of ruleIds()) expect(readme).toContain(`<a id="${ruleAnchor(id)}"></a>\`${id}\``);
  });
});

describe('the README rule table', () => {
  it('is generated from the registry and up to date (node scripts/rules-table.ts rewrites it)', () => {
    expect(readme).toContain(rulesTable());
    expect(withRulesTable(readme)).toBe(readme);
  });

  it('rewrites only the marked region', () => {
    const stale = withRulesTable(readme).replace(rulesTable(), '| stale |');
    expect(stale).not.toBe(readme);
    expect(withRulesTable(stale)).toBe(readme);
  });
});
