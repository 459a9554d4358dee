import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prove, tempCacheDir } from '../prove.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/snippets/${name}`, import.meta.url), 'utf8');

/** The stable substrings from the facts table (toolchains-and-browser.md §1a), per bug. */
const SUBSTRINGS: Record<string, string[]> = {
  overflow: ['AddressSanitizer: stack-buffer-overflow'],
  uaf: ['AddressSanitizer: heap-use-after-free'],
  'null-deref': ["runtime error: store to null pointer of type 'int'"],
  dangling: ['AddressSanitizer: stack-use-after-scope'],
  'double-free': ['AddressSanitizer: attempting double-free'],
  leak: ['LeakSanitizer: detected memory leaks', 'Direct leak of 100 byte(s) in 1 object(s)'],
  'stack-smash': ['*** stack smashing detected ***: terminated'],
  oob: ["runtime error: index 5 out of bounds for type 'int"],
};

describe('the eight seed C bugs, each proved with gcc and clang', async () => {
  const { results, messages, snippets } = await prove(fixture('seed-c.md'), {
    cacheDir: tempCacheDir(),
    noCache: false,
  });

  it('meets every expectation without a message', () => {
    expect(messages).toEqual([]);
    expect(results.map((r) => [r.id, r.ok])).toEqual(Object.keys(SUBSTRINGS).map((id) => [id, true]));
  });

  it.each(Object.entries(SUBSTRINGS))('%s: both compilers produce the report text', (id, substrings) => {
    const result = results.find((r) => r.id === id);
    expect(result?.runs.map((run) => [run.tool, run.outcome])).toEqual([
      ['gcc', 'detected'],
      ['clang', 'detected'],
    ]);
    for (const run of result?.runs ?? []) for (const text of substrings) expect(run.stderr).toContain(text);
  });

  it('says what was proved in the badge', () => {
    expect(results.find((r) => r.id === 'uaf')?.summary).toBe('ASan: heap-use-after-free · gcc, clang');
    expect(results.find((r) => r.id === 'leak')?.summary).toBe('LSan: memory leak · gcc, clang');
  });

  it('maps each sanitizer report to the markdown line of the bug', () => {
    const lineOf = (id: string, text: string): number => {
      const snippet = snippets.find((s) => s.id === id);
      const index = snippet?.displayed.split('\n').findIndex((line) => line.includes(text)) ?? -1;
      return (snippet?.line ?? 0) + 1 + index;
    };
    const reportLine = (id: string, tool: string): number | undefined => {
      const run = results.find((r) => r.id === id)?.runs.find((r) => r.tool === tool);
      return run?.diagnostics.find((d) => d.code === run.report)?.line;
    };
    for (const tool of ['gcc', 'clang']) {
      expect(reportLine('uaf', tool)).toBe(lineOf('uaf', '*p = 42'));
      expect(reportLine('null-deref', tool)).toBe(lineOf('null-deref', '*ptr = 5'));
      expect(reportLine('double-free', tool)).toBe(lineOf('double-free', 'free(df);') + 1);
      expect(reportLine('oob', tool)).toBe(lineOf('oob', 'arr[5]'));
    }
  });
});

describe('the Rust counterparts', async () => {
  const { results, messages } = await prove(fixture('rust-counterparts.md'), {
    cacheDir: tempCacheDir(),
    noCache: false,
  });

  it('are rejected with their codes, panic, or (the leak) compile and run', () => {
    expect(messages).toEqual([]);
    expect(Object.fromEntries(results.map((r) => [r.id, r.summary]))).toEqual({
      'rs-uaf': 'rejected · rustc 1.95 · E0382',
      'rs-null': 'rejected · rustc 1.95 · E0614',
      'rs-dangling': 'rejected · rustc 1.95 · E0597',
      'rs-double-free': 'rejected · rustc 1.95 · E0382',
      'rs-oob': 'rejected · rustc 1.95 · unconditional_panic',
      'rs-overflow': 'panics · rustc 1.95',
      'rs-leak': 'runs · rustc 1.95',
    });
  });

  it('panics with exit status 101 and the panic message', () => {
    const run = results.find((r) => r.id === 'rs-overflow')?.runs[0];
    expect(run?.exitCode).toBe(101);
    expect(run?.report).toBe('copy_from_slice: source slice length (16) does not match destination slice length (8)');
  });
});
