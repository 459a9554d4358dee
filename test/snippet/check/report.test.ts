import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { reportSnippetResults } from '../../../src/snippet/check/report-results.ts';
import { failSummary, passSummary } from '../../../src/snippet/check/summary.ts';
import type { Snippet, SnippetResult, ToolRun } from '../../../src/model/snippet.ts';

const snippet = (id: string, file: string, line: number): Snippet => ({
  id,
  lang: 'c',
  displayed: '',
  program: '',
  lineMap: [],
  file,
  line,
  column: 1,
  expectation: { kind: 'compile' },
  compilers: ['gcc', 'clang'],
  warns: [],
  edition: '2021',
  flags: [],
  noRun: false,
});
const run = (tool: string, version: string, extra: Partial<ToolRun> = {}): ToolRun => ({
  tool,
  version,
  outcome: 'compiled',
  diagnostics: [],
  stdout: '',
  stderr: '',
  durationMs: 1,
  cached: false,
  ...extra,
});

describe('reportSnippetResults', () => {
  it('attaches each finding to its own file, errors fatal, and one sandbox warning in all', () => {
    const a = new VFile({ path: '/d/a.md' });
    const b = new VFile({ path: '/d/b.md' });
    const snippets = [snippet('a1', '/d/a.md', 3), snippet('b1', '/d/b.md', 7), snippet('b2', '/d/b.md', 20)];
    const degraded = [run('gcc', '12.2.0', { sandboxDegraded: true })];
    const results: SnippetResult[] = [
      { id: 'a1', status: 'proved', ok: true, summary: '', problems: [], runs: degraded, findings: [] },
      {
        id: 'b1',
        status: 'failed',
        ok: false,
        summary: '',
        problems: ['x'],
        runs: degraded,
        findings: [
          { ruleId: 'snippet/compile-error', severity: 'error', message: 'x', line: 8, column: 5, hint: 'fix it' },
        ],
      },
      { id: 'b2', status: 'proved', ok: true, summary: '', problems: [], runs: degraded, findings: [] },
    ];
    reportSnippetResults(
      results,
      snippets,
      new Map([
        ['/d/a.md', a],
        ['/d/b.md', b],
      ]),
    );
    expect(a.messages.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([['snippet/sandbox-degraded', 3, false]]);
    expect(b.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal, m.note])).toEqual([
      ['snippet/compile-error', 8, 5, true, 'fix it'],
    ]);
  });
});

describe('badge summaries', () => {
  it('names the compilers and what was proved', () => {
    const both = [run('gcc', '12.2.0'), run('clang', '14.0.6')];
    expect(passSummary(snippet('x', 'f', 1), both)).toBe('compiles · gcc 12.2 · clang 14.0');
    expect(
      passSummary(
        {
          ...snippet('x', 'f', 1),
          lang: 'rust',
          expectation: { kind: 'compile-fail', codes: ['E0382'], messages: [] },
        },
        [run('rustc', '1.95.0')],
      ),
    ).toBe('rejected · rustc 1.95 · E0382');
    expect(
      passSummary(
        { ...snippet('x', 'f', 1), expectation: { kind: 'detect', detector: 'asan', report: 'heap-use-after-free' } },
        both,
      ),
    ).toBe('ASan: heap-use-after-free · gcc, clang');
    expect(
      passSummary({ ...snippet('x', 'f', 1), lang: 'rust', expectation: { kind: 'panic' } }, [run('rustc', '1.95.0')]),
    ).toBe('panics · rustc 1.95');
    expect(
      passSummary({ ...snippet('x', 'f', 1), expectation: { kind: 'run', exitCode: 0, stdout: 'hi' } }, both),
    ).toBe('runs, output checked · gcc 12.2 · clang 14.0');
    expect(failSummary('does not compile (gcc 12.2)')).toBe('does not compile (gcc 12.2)');
  });
});
