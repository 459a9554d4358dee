import { describe, expect, it } from 'vitest';
import { cacheKey, createRunCache, defaultCacheDir } from '../../src/exec/cache.ts';
import type { ToolRun } from '../../src/model/snippet.ts';
import { prove, tempCacheDir, tempDir } from '../snippet/prove.ts';

const run: ToolRun = {
  tool: 'gcc',
  version: '12.2.0',
  outcome: 'compiled',
  diagnostics: [],
  stdout: '',
  stderr: '',
  durationMs: 5,
  cached: false,
};

describe('run cache', () => {
  it('keys on content, whatever the key order', () => {
    expect(cacheKey({ a: 1, b: { c: 2, d: 3 } })).toBe(cacheKey({ b: { d: 3, c: 2 }, a: 1 }));
    expect(cacheKey({ a: 1 })).not.toBe(cacheKey({ a: 2 }));
  });

  it('round-trips a run and marks it cached; a disabled cache never hits', async () => {
    const cache = createRunCache(tempDir('cache'));
    expect(await cache.get('ab12')).toBeUndefined();
    await cache.put('ab12', run);
    expect(await cache.get('ab12')).toEqual({ ...run, cached: true });
    const off = createRunCache(undefined);
    await off.put('ab12', run);
    expect(await off.get('ab12')).toBeUndefined();
  });

  it('lives under node_modules/.cache by default', () => {
    expect(defaultCacheDir('/project')).toBe('/project/node_modules/.cache/proofdeck/snippets');
  });

  it('serves a warm run from the cache, and maps its positions to where the block is now', async () => {
    const cacheDir = tempCacheDir();
    const block = '```c cc=gcc\nint x = ;\n```\n';
    const cold = await prove(block, { cacheDir, noCache: false });
    const warm = await prove(`# Moved down\n\n${block}`, { cacheDir, noCache: false });
    expect(cold.results[0]?.runs[0]?.cached).toBe(false);
    expect(warm.results[0]?.runs[0]?.cached).toBe(true);
    expect(cold.messages.map((m) => [m.line, m.column])).toEqual([[2, 9]]);
    expect(warm.messages.map((m) => [m.line, m.column])).toEqual([[4, 9]]);
    const bypass = await prove(block, { cacheDir, noCache: true });
    expect(bypass.results[0]?.runs[0]?.cached).toBe(false);
  });
});
