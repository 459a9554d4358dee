import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prove, tempCacheDir } from '../prove.ts';

const markdown = readFileSync(new URL('../../fixtures/snippets/transcript-exit.md', import.meta.url), 'utf8');
const lineOf = (text: string): number => markdown.split('\n').findIndex((line) => line === text) + 1;

describe('transcript exit status and two-step builds (real gcc and clang)', async () => {
  const { results, messages, snippets } = await prove(markdown, { cacheDir: tempCacheDir(), noCache: false });

  it('compares a shown exit status (`echo $?`, a shell abort line) with the real one', () => {
    expect(results.map((result) => [result.runs[0]?.tool, result.runs[0]?.exitCode, result.ok])).toEqual([
      ['clang', 1, true],
      ['gcc', 134, true],
      ['gcc', 134, true],
      ['gcc', 3, false],
      ['clang', 1, true],
      ['gcc', 0, true],
      ['clang', 66, true],
      ['gcc', 2, true],
    ]);
    expect(messages.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([
      ['snippet/transcript-output', lineOf('0'), true],
    ]);
    expect(messages[0]?.reason).toContain('exit status 0');
    expect(messages[0]?.reason).toContain('exited with status 3');
  });

  it('proves separate compile (-c) and link commands as one program with the flags of both', () => {
    expect(snippets.slice(4, 6).map((s) => [s.fileName, s.files?.map((f) => f.name), s.flags])).toEqual([
      ['a.c', [], ['-fsanitize=address', '-g']],
      ['main.c', ['twice.c'], ['-O1']],
    ]);
    expect(results[4]?.runs[0]?.report).toBe('heap-use-after-free');
  });
});
