import { describe, expect, it } from 'vitest';
import { describeStatus, shownExit, withoutEcho } from '../../src/snippet/transcript-exit.ts';
import { parseTranscript } from '../../src/snippet/transcript.ts';

const lines = (...texts: string[]) => texts.map((text, index) => ({ text, line: index + 10, column: 1 }));

describe('the exit status a transcript shows', () => {
  it.each([
    ['Aborted (core dumped)', 134],
    ['Aborted', 134],
    ['Segmentation fault (core dumped)', 139],
    ['bash: line 1: 4242 Aborted                 (core dumped) ./a.out', 134],
    ['zsh: abort (core dumped)  ./a.out', 134],
    ['zsh: segmentation fault  ./leak', 139],
    ['[1]    12345 abort (core dumped)  ./a.out', 134],
    ['Floating point exception', 136],
  ])('%j is status %i, not program output', (text, status) => {
    expect(shownExit(lines('hello', text), { echo: false })).toEqual({
      output: lines('hello'),
      exit: { status, line: 11 },
    });
  });

  it('reads `; echo $?` from the last line and `$ echo $?` from the next command', () => {
    expect(shownExit(lines('hi', '3'), { echo: true })).toEqual({
      output: lines('hi'),
      exit: { status: 3, line: 11 },
    });
    expect(shownExit(lines('hi'), { echo: false, echoBody: lines('1') }).exit).toEqual({ status: 1, line: 10 });
    expect(withoutEcho('./a.out; echo $?')).toEqual({ command: './a.out', echo: true });
  });

  it('leaves ordinary output alone', () => {
    expect(shownExit(lines('Abort mission now', '42'), { echo: false })).toEqual({
      output: lines('Abort mission now', '42'),
    });
  });

  it('names the signal of a status above 128', () => {
    expect([describeStatus(1), describeStatus(134), describeStatus(139)]).toEqual([
      'status 1',
      'status 134 (SIGABRT)',
      'status 139 (SIGSEGV)',
    ]);
  });
});

describe('a prompt that shows the status', () => {
  it('is read from `[N] $` after the run', () => {
    const parsed = parseTranscript(lines('$ cat s.c', 'int main(void) { return 2; }', '$ gcc s.c && ./a.out', '[2] $'));
    expect(parsed && 'exit' in parsed ? parsed.exit : undefined).toEqual({ status: 2, line: 13 });
  });
});
