import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers.ts';

const deck = (frontmatter = '') => `---
title: States
${frontmatter}---

# States

\`\`\`rust
fn main() {}
\`\`\`

\`\`\`rust,ignore
fn main() {}
\`\`\`

\`\`\`python
x = 1
\`\`\`

\`\`\`text
not code
\`\`\`
`;

describe('check counts every fenced block by state', () => {
  it('prints the counts and lists the unproved blocks (text), and carries both in JSON', () => {
    const root = tempProject({ s: deck() });
    const text = runCli(root, ['check']);
    expect(text.status).toBe(0);
    expect(text.stderr).toContain(
      [
        '4 blocks: 1 proved, 0 failed, 3 not proved',
        '  – decks/s/deck.md:11:1: not proved: marked `ignore`',
        '  – decks/s/deck.md:15:1: not proved: `python` is not a language proofdeck runs',
        '  – decks/s/deck.md:19:1: not proved: `text`: not code',
      ].join('\n'),
    );
    const json = runCli(root, ['check', '--reporter', 'json']);
    const report = JSON.parse(json.stdout) as {
      blockCounts: Record<string, number>;
      blocks: { line: number; state: string; reason?: string; snippet?: string }[];
    };
    expect(report.blockCounts).toEqual({ blocks: 4, proved: 1, failed: 0, unproved: 3 });
    expect(report.blocks.map((b) => [b.line, b.state, b.reason ?? b.snippet])).toEqual([
      [7, 'proved', 's-rust-1'],
      [11, 'unproved', 'ignore'],
      [15, 'unproved', 'language'],
      [19, 'unproved', 'text'],
    ]);
  });

  it('makes every unproved block but text an error with --frail, proofs: all or snippets.proofs: all', () => {
    const lines = (stdout: string) =>
      (JSON.parse(stdout) as { diagnostics: { line: number; ruleId: string }[] }).diagnostics.map(
        (d) => `${d.line} ${d.ruleId}`,
      );
    const expected = ['11 snippet/unproved', '15 snippet/unproved'];
    const plain = tempProject({ s: deck() });
    const frail = runCli(plain, ['check', '--frail', '--reporter', 'json']);
    expect(frail.status).toBe(1);
    expect(lines(frail.stdout)).toEqual(expected);
    const build = runCli(plain, ['build', '--frail', '--no-pdf', '--no-site']);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('[snippet/unproved]');
    const front = runCli(tempProject({ s: deck('proofs: all\n') }), ['check', '--reporter', 'json']);
    expect(front.status).toBe(1);
    expect(lines(front.stdout).map((line) => line.replace(/^\d+/, (n) => String(Number(n) - 1)))).toEqual(expected);
    const configured = tempProject({ s: deck(), o: deck('proofs: optional\n') });
    writeFileSync(path.join(configured, 'proofdeck.config.yaml'), 'snippets:\n  proofs: all\n');
    const project = runCli(configured, ['check', '--reporter', 'json']);
    expect(project.status).toBe(1);
    const found = JSON.parse(project.stdout) as { diagnostics: { file: string; ruleId: string }[] };
    expect(new Set(found.diagnostics.map((d) => `${d.file} ${d.ruleId}`))).toEqual(
      new Set(['decks/s/deck.md snippet/unproved']),
    );
  });
});
