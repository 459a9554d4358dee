import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prove, tempCacheDir } from '../prove.ts';

const fixture = readFileSync(new URL('../../fixtures/snippets/cxx-syntax.md', import.meta.url), 'utf8');

describe('C++ translation units and fragments from tree-sitter-cpp (real g++ and clang++)', async () => {
  const { results, messages, snippets } = await prove(fixture, { cacheDir: tempCacheDir(), noCache: false });

  it('proves every block with both compilers', () => {
    expect(messages).toEqual([]);
    expect(results.map((result) => [result.id, result.ok, result.runs.map((run) => run.tool)])).toEqual(
      ['globals', 'class', 'template', 'namespace', 'fragment', 'overflow', 'using'].map((id) => [
        id,
        true,
        ['g++', 'clang++'],
      ]),
    );
  });

  it('compiles definitions as written and wraps only statement blocks', () => {
    expect(snippets.map((snippet) => [snippet.id, snippet.wrapped])).toEqual([
      ['globals', false],
      ['class', false],
      ['template', false],
      ['namespace', false],
      ['fragment', true],
      ['overflow', true],
      ['using', true],
    ]);
  });
});
