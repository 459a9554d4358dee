/**
 * `--shard i/n` and `merge-reports`: n CI jobs each do a deterministic share, and their joined JSON
 * reports say what one job would have said.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers.ts';

const c = (n: number, body = `return ${n} - ${n};`) => `\`\`\`c\nint main(void) { ${body} }\n\`\`\`\n`;

/** Two decks, six snippets (one does not compile), one deck-level error, one table citing a snippet. */
const DECKS = {
  alpha: `---\ntitle: Alpha\n---\n\n## One\n\n${c(1)}\n${c(2)}\n${c(3, 'return undeclared;')}\n`,
  beta:
    `---\ntitle: Beta\ncolour: red\n---\n\n## Two\n\n${c(4)}\n` +
    '```c id=exits-zero\nint main(void) { return 0; }\n```\n\n' +
    ':::table{id=claims evidence=Proof}\n| Claim | Proof |\n| --- | --- |\n' +
    '| exits zero | :proof[exits-zero]{outcome=ok} |\n:::\n\n' +
    `${c(6)}`,
};

interface Report {
  errors: number;
  warnings: number;
  diagnostics: { file: string; line?: number; ruleId: string }[];
  snippets?: { id: string }[];
  shard?: string;
  blocks?: { file: string; line: number; state: string }[];
  blockCounts?: Record<string, number>;
}

function check(root: string, args: string[]): Report {
  const result = runCli(root, ['check', '--reporter', 'json', ...args]);
  expect([0, 1], result.stderr).toContain(result.status);
  return JSON.parse(result.stdout) as Report;
}

describe('check --shard i/n and merge-reports', () => {
  it('splits the snippets deterministically, and the merged shards equal one job', () => {
    const root = tempProject(DECKS);
    const whole = check(root, ['--no-cache']);
    expect(whole.errors).toBeGreaterThanOrEqual(2);
    expect(whole.snippets).toHaveLength(6);
    for (const n of [2, 3]) {
      const files: string[] = [];
      const shares: string[][] = [];
      for (let i = 1; i <= n; i++) {
        const report = check(root, ['--no-cache', '--shard', `${i}/${n}`]);
        expect(report.shard).toBe(`${i}/${n}`);
        // Same split on a second run: decided by the sources alone.
        expect(check(root, ['--shard', `${i}/${n}`]).snippets?.map((s) => s.id)).toEqual(
          report.snippets?.map((s) => s.id),
        );
        shares.push((report.snippets ?? []).map((s) => s.id));
        const file = path.join(root, `shard-${i}-of-${n}.json`);
        writeFileSync(file, JSON.stringify(report));
        files.push(file);
      }
      // Each snippet is proved by exactly one shard, and the shares differ by at most one.
      expect(shares.flat()).toHaveLength(6);
      for (const share of shares) expect(share.length).toBeLessThanOrEqual(Math.ceil(6 / n));
      expect([...new Set(shares.flat())].sort()).toEqual((whole.snippets ?? []).map((s) => s.id).sort());
      const merged = runCli(root, ['merge-reports', '--reporter', 'json', ...files]);
      expect(merged.status).toBe(1);
      const joined = JSON.parse(merged.stdout) as Report;
      expect(joined.diagnostics).toEqual(whole.diagnostics);
      expect([joined.errors, joined.warnings]).toEqual([whole.errors, whole.warnings]);
      // Every fenced block once, in the state one job gives it.
      expect(joined.blocks).toEqual(whole.blocks);
      expect(joined.blockCounts).toEqual({ blocks: 6, proved: 5, failed: 1, unproved: 0 });
    }
  });

  it('prints the merged report as text, SARIF or GitHub annotations', () => {
    const root = tempProject(DECKS);
    const files = [1, 2].map((i) => {
      const file = path.join(root, `s${i}.json`);
      writeFileSync(file, JSON.stringify(check(root, ['--shard', `${i}/2`])));
      return file;
    });
    const text = runCli(root, ['merge-reports', ...files]);
    expect(text.stderr).toMatch(/decks\/alpha\/deck\.md:\d+:\d+: error: .*\[snippet\/compile-error\]/);
    expect(text.stderr).toMatch(/decks\/beta\/deck\.md:3:1: error: unknown frontmatter key "colour"/);
    expect(text.stderr).toContain('   3 | colour: red');
    const sarif = runCli(root, ['merge-reports', '--reporter', 'sarif', ...files]);
    expect((JSON.parse(sarif.stdout) as { version: string }).version).toBe('2.1.0');
    const github = runCli(root, ['merge-reports', '--reporter', 'github', ...files]);
    expect(github.stdout).toMatch(/^::error file=decks\/alpha\/deck\.md,line=\d+/m);
    expect(github.status).toBe(1);
  });

  it('rejects a bad --shard and a file that is not a JSON report, naming them', () => {
    const root = tempProject(DECKS);
    const bad = runCli(root, ['check', '--shard', '3/2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--shard 3/2: expected i/n');
    writeFileSync(path.join(root, 'nope.json'), '{"version": "0.1.0"}');
    const notReport = runCli(root, ['merge-reports', 'nope.json']);
    expect(notReport.status).toBe(2);
    expect(notReport.stderr).toMatch(/nope\.json: not a proofdeck JSON report: errors: /);
  });

  it('build --shard splits the decks and leaves the site to an unsharded build', () => {
    const root = tempProject({ a: '---\ntitle: A\n---\n\n## A\n', b: '---\ntitle: B\n---\n\n## B\n' });
    expect(runCli(root, ['build', '--no-pdf', '--shard', '2/2']).status).toBe(0);
    expect(existsSync(path.join(root, 'dist', 'b', 'index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'a'))).toBe(false);
    expect(existsSync(path.join(root, 'dist', 'site'))).toBe(false);
  });
});
