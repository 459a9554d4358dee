import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prove, tempCacheDir } from '../../snippet/prove.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/snippets/${name}`, import.meta.url), 'utf8');

describe('C and C++ as their authors write them (real gcc and clang)', async () => {
  const { results, messages, snippets } = await prove(fixture('c-proofs.md'), {
    cacheDir: tempCacheDir(),
    noCache: false,
  });
  const byId = (id: string) => results.find((result) => result.id === id);
  const outcomes = (id: string) => byId(id)?.runs.map((run) => [run.tool, run.outcome, run.report]);

  it('proves every block without a message', () => {
    expect(messages).toEqual([]);
    expect(results.map((r) => [r.id, r.ok])).toEqual(
      ['tu', 'race', 'umr', 'init-order', 'util', 'suppressed', 'loud', 'ubsan-options', 'asan-leak'].map((id) => [
        id,
        true,
      ]),
    );
  });

  it('compiles file-scope declarations as a translation unit, not inside main', () => {
    const tu = snippets.find((snippet) => snippet.id === 'tu');
    expect(tu?.wrapped).toBe(false);
    expect(tu?.program).toBe('int counter;\nvoid bump(void) { counter++; }');
    expect(outcomes('tu')).toEqual([
      ['gcc', 'compiled', undefined],
      ['clang', 'compiled', undefined],
    ]);
  });

  it('proves ThreadSanitizer with gcc and clang, MemorySanitizer with clang only', () => {
    expect(outcomes('race')).toEqual([
      ['gcc', 'detected', 'data race'],
      ['clang', 'detected', 'data race'],
    ]);
    expect(outcomes('umr')).toEqual([['clang', 'detected', 'use-of-uninitialized-value']]);
    expect(byId('umr')?.summary).toBe('MSan: use-of-uninitialized-value · clang');
  });

  it('builds a multi-file program: two translation units, and a shared header', () => {
    expect(snippets.map((snippet) => snippet.id)).not.toContain('proof-cpp-2');
    expect(snippets.find((snippet) => snippet.id === 'init-order')?.files?.map((file) => file.name)).toEqual(['b.cc']);
    expect(outcomes('init-order')).toEqual([
      ['g++', 'detected', 'initialization-order-fiasco'],
      ['clang++', 'detected', 'initialization-order-fiasco'],
    ]);
    expect(snippets.find((snippet) => snippet.id === 'util')?.files?.map((file) => file.name)).toEqual([
      'util.h',
      'util.c',
    ]);
    expect(byId('util')?.runs.map((run) => run.stdout)).toEqual(['42\n', '42\n']);
  });

  it('hands env= and a suppressions file to the sanitizer runtime', () => {
    // The same leak is reported without the suppressions file and silent with it.
    expect(outcomes('loud')).toEqual([
      ['gcc', 'detected', 'detected memory leaks'],
      ['clang', 'detected', 'detected memory leaks'],
    ]);
    expect(outcomes('suppressed')).toEqual([
      ['gcc', 'ran', undefined],
      ['clang', 'ran', undefined],
    ]);
    for (const run of byId('suppressed')?.runs ?? []) expect(run.stderr).toContain('Suppressions used:');
    for (const run of byId('ubsan-options')?.runs ?? []) expect(run.stderr).toMatch(/#0 0x[0-9a-f]+ in main/);
    expect(outcomes('asan-leak')).toEqual([
      ['gcc', 'detected', 'detected memory leaks'],
      ['clang', 'detected', 'detected memory leaks'],
    ]);
  });
});
