import { describe, expect, it } from 'vitest';
import { snippetFigure } from '../../src/transform/snippet-badge.ts';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { renderVerification, verificationCounts } from '../../src/render/site/verification.ts';
import type { SiteDoc } from '../../src/render/site/site-input.ts';
import type { ParsedDeck } from '../../src/model/deck.ts';
import { runCli, tempProject } from '../helpers.ts';
import { prove } from '../snippet/prove.ts';

const DECK = `---
title: Typos
---

# Typos

\`\`\`c tsan-typo
int x;
\`\`\`

\`\`\`c id=gccmsan msan cc=gcc
int main(void) { return 0; }
\`\`\`

\`\`\`rsut compile_fail,E0382
fn main() {}
\`\`\`
`;

describe('a block with an unknown detector or attribute is never ok', () => {
  it('is not ok in the JSON report, the SARIF log and the text list', () => {
    const root = tempProject({ t: DECK });
    const json = runCli(root, ['check', '--no-cache', '--reporter', 'json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as {
      snippets: { id: string; ok: boolean; summary: string }[];
      blocks: { line: number; state: string }[];
    };
    // Every block failed: none is proved, none merely "not proved" (the misspelt `rsut` included).
    expect(report.blocks.map((b) => [b.line, b.state])).toEqual([
      [7, 'failed'],
      [11, 'failed'],
      [15, 'failed'],
    ]);
    expect(report.snippets.map((s) => [s.id, s.ok])).toEqual([
      ['t-c-1', false],
      ['gccmsan', false],
    ]);
    expect(report.snippets[0]?.summary).toContain('not proved: unknown C snippet attribute `tsan-typo`');
    const sarif = runCli(root, ['check', '--no-cache', '--reporter', 'sarif']);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string }[] }[] };
    expect(log.runs[0]?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['snippet/unknown-attribute', 'error'],
      ['snippet/invalid-attribute', 'error'],
      ['snippet/unknown-language', 'error'],
    ]);
    const text = runCli(root, ['check', '--no-cache']);
    expect(text.stdout + text.stderr).not.toContain('compiles');
    expect(text.stdout + text.stderr).toContain('✗ t-c-1');
    expect(text.stdout + text.stderr).toContain('did you mean `tsan`?');
    expect(text.stdout + text.stderr).toContain('did you mean `rust`?');
    expect(text.stderr).toContain('3 blocks: 0 proved, 3 failed, 0 not proved');
  });

  it('gets a failed badge, never a proved one (deck and site read the same result)', async () => {
    const { snippets, results } = await prove('```c tsan-typo\nint x;\n```\n', { noCache: true });
    expect(results.map((r) => r.ok)).toEqual([false]);
    const figure = snippetFigure(h('pre'), snippets[0]!, results[0]);
    expect(figure.properties['dataState']).toBe('failed');
    // The site's verification page reads the same verdict: counted failed, shown failed, never verified.
    const deck: ParsedDeck = {
      name: 'typos',
      path: 'typos.md',
      meta: {
        title: 'Typos',
        theme: 'dark',
        slideLevel: 2,
        transition: 'slide',
        kind: 'deck',
        titleSlide: false,
        dialect: 'proofdeck',
      },
      items: [],
      definitions: [],
    };
    const content = { renderCode: () => h('pre'), assets: new Map() };
    const doc: SiteDoc = { deck, content, snippets, snippetResults: new Map(results.map((r) => [r.id, r])) };
    expect(verificationCounts([doc], [])).toMatchObject({ snippets: 1, failed: 1 });
    const page = toHtml(renderVerification([doc], [], []));
    expect(page).toContain('status-fail');
    expect(page).not.toContain('status-ok');
  });
});
