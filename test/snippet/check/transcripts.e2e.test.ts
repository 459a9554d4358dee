import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTranscript, normalizeOutputLine } from '../../../src/snippet/check/transcript-output.ts';
import { prove, tempCacheDir } from '../../snippet/prove.ts';

const markdown = readFileSync(new URL('../../fixtures/snippets/transcripts.md', import.meta.url), 'utf8');
const lineOf = (text: string): number => markdown.split('\n').findIndex((line) => line === text) + 1;

describe('console transcripts proved as one program (real gcc and clang)', async () => {
  const { results, messages, snippets } = await prove(markdown, { cacheDir: tempCacheDir(), noCache: false });

  it('proves the sanitizer pages transcripts with the compiler and flags shown', () => {
    expect(snippets.map((s) => [s.fileName, s.compilers, s.flags, s.env])).toEqual([
      ['memory-leak.c', ['clang'], ['-fsanitize=address', '-g'], [['ASAN_OPTIONS', 'detect_leaks=1']]],
      ['uaf.c', ['gcc'], ['-fsanitize=address', '-fno-omit-frame-pointer', '-g'], undefined],
      ['wrong.c', ['gcc'], [], undefined],
      ['tiny_race.c', ['clang'], ['-fsanitize=thread', '-g', '-O1'], undefined],
      ['warn.c', ['gcc'], ['-Wall'], undefined],
      ['a.cc', ['clang'], ['-fsanitize=address'], [['ASAN_OPTIONS', 'check_initialization_order=true']]],
      ['example_UseAfterFree.cc', ['clang'], ['-O1', '-g', '-fsanitize=address', '-fno-omit-frame-pointer'], undefined],
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true, true, true, true]);
    // The compile block and the run block after it are one transcript, badged on the run block.
    expect(snippets[6]?.displayed.startsWith('% ./a.out')).toBe(true);
    expect(snippets[5]?.files?.map((file) => file.name)).toEqual(['b.cc']);
    expect(results[5]?.runs.map((run) => [run.tool, run.report])).toEqual([['clang++', 'initialization-order-fiasco']]);
    // The shell comment after the source is not compiled.
    expect(snippets[3]?.program.endsWith('return Global;\n}')).toBe(true);
    expect(results[0]?.runs.map((run) => [run.tool, run.report])).toEqual([['clang', 'detected memory leaks']]);
  });

  it('reports shown output the run did not print at its line, and a refused transcript with its reason', () => {
    expect(messages.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([
      ['snippet/transcript-not-proved', lineOf('$ gcc net.c -fplugin=evil.so && ./a.out'), false],
      ['snippet/transcript-output', lineOf('goodbye'), true],
    ]);
    expect(messages[0]?.reason).toContain('`-fplugin=evil.so` is not one proofdeck runs');
    expect(messages[1]?.reason).toContain('shows `goodbye`');
  });
});

describe('transcript output comparison', () => {
  it('normalises pids, addresses, directories, columns and frames as sanitizer docs vary', () => {
    expect(normalizeOutputLine('==23646==ERROR: LeakSanitizer: detected memory leaks')).toBe(
      '==PID==ERROR: LeakSanitizer: detected memory leaks',
    );
    expect(normalizeOutputLine('    #1 0x4da26a in main /tmp/x/memory-leak.c:4:7')).toBe('#frame in main');
    expect(normalizeOutputLine('    #0 Thread1 /tmp/tiny_race.c:4 (exe+0x00000000a360)')).toBe('#frame in Thread1');
    expect(normalizeOutputLine('SUMMARY: AddressSanitizer: heap-use-after-free /home/me/uaf.c:5:10 in main')).toBe(
      'SUMMARY: AddressSanitizer: heap-use-after-free uaf.c:5 in main',
    );
  });

  it('finds shown lines in order and names the first missing one', () => {
    const output = { stdout: 'a\nb\n', stderr: '==1==ERROR: x\n', sources: [] };
    expect(compareTranscript(['a', '==99==ERROR: x', 'b'], output)).toBeUndefined();
    expect(compareTranscript(['b', 'a'], output)).toEqual({ index: 1, shown: 'a' });
  });
});

const RULES = new URL('../../fixtures/snippet/', import.meta.url).pathname;
describe.each(['transcript-not-proved', 'transcript-output'])('rule snippet/%s', (rule) => {
  const read = (name: string): string => readFileSync(`${RULES}${rule}/${name}`, 'utf8');
  const messagesOf = async (name: string) =>
    (await prove(read(name), { noCache: true })).messages
      .map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)
      .sort();

  it('reports nothing on ok.md', async () => {
    expect(await messagesOf('ok.md')).toEqual([]);
  });

  it('reports the expected messages on not-ok.md', async () => {
    expect(await messagesOf('not-ok.md')).toEqual(read('expected.txt').trim().split('\n').sort());
  });
});
