import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASAN_KINDS, MSAN_KINDS, TSAN_KINDS } from '../../../src/snippet/c-report-kinds.ts';
import { prove, tempCacheDir } from '../../snippet/prove.ts';

const markdown = readFileSync(new URL('../../fixtures/snippets/report-kinds.md', import.meta.url), 'utf8');

describe('every report kind proofdeck accepts, against gcc and clang (g++ and clang++ for C++)', async () => {
  const { results, messages, snippets } = await prove(markdown, { cacheDir: tempCacheDir(), noCache: false });

  it('covers exactly the accepted kinds', () => {
    const stated = (detector: string) =>
      snippets.flatMap((s) =>
        s.expectation.kind === 'detect' && s.expectation.detector === detector && !s.id.startsWith('cpp-')
          ? [s.expectation.report ?? '']
          : [],
      );
    expect(new Set(stated('asan'))).toEqual(new Set(ASAN_KINDS));
    expect(new Set(stated('tsan'))).toEqual(new Set(TSAN_KINDS));
    expect(new Set(stated('msan'))).toEqual(new Set(MSAN_KINDS));
  });

  it('proves each block with every compiler that has the detector', () => {
    expect(messages).toEqual([]);
    const failed = results.filter((result) => !result.ok).map((result) => [result.id, result.problems]);
    expect(failed).toEqual([]);
    for (const [index, snippet] of snippets.entries()) {
      const tools = results[index]?.runs.map((run) => run.tool);
      const cxx = snippet.lang === 'cpp';
      const msan = snippet.expectation.kind === 'detect' && snippet.expectation.detector === 'msan';
      const expected = msan ? [cxx ? 'clang++' : 'clang'] : cxx ? ['g++', 'clang++'] : ['gcc', 'clang'];
      expect([snippet.id, tools]).toEqual([snippet.id, expected]);
      for (const run of results[index]?.runs ?? []) expect([snippet.id, run.outcome]).toEqual([snippet.id, 'detected']);
    }
  });
});
