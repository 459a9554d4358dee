import { describe, expect, it } from 'vitest';
import { prove, tempCacheDir } from '../prove.ts';

// Line 9 is `return undefined_name;` inside util.c's block, not the block that states the expectation.
const markdown = [
  '# A program in three files', //         1
  '', //                                    2
  '```c program=p file=util.h', //          3
  'int answer(void);', //                   4
  '```', //                                 5
  '', //                                    6
  '```c program=p file=util.c', //          7
  'int answer(void) {', //                  8
  '  return undefined_name;', //            9
  '}', //                                  10
  '```', //                                11
  '', //                                   12
  '```c id=main program=p file=main.c run stdout="42"', // 13
  '#include <stdio.h>', //                 14
  '#include "util.h"', //                  15
  'int main(void) { printf("%d\\n", answer()); }', // 16
  '```', //                                17
].join('\n');

describe('compiler errors in a secondary file of a multi-file program (real gcc and clang)', async () => {
  const { results, messages } = await prove(markdown, { cacheDir: tempCacheDir(), noCache: false });

  it("reports each compiler's error at its line in the block of that file", () => {
    expect(results.map((result) => [result.id, result.ok])).toEqual([['main', false]]);
    expect(messages.map((message) => [message.line, message.column, message.ruleId, message.reason])).toEqual([
      [
        9,
        10,
        'snippet/compile-error',
        expect.stringMatching(/^expected to compile, but gcc [\d.]+ rejected it: 'undefined_name' undeclared/),
      ],
      [
        9,
        10,
        'snippet/compile-error',
        expect.stringMatching(/^expected to compile, but clang [\d.]+ rejected it: .*'undefined_name'/),
      ],
    ]);
  });
});

// The overflow is on line 9 (util.c's block); the claim names another report kind.
const overflow = [
  '# A sanitizer report inside a secondary file', // 1
  '', //                                              2
  '```c program=q file=util.c', //                    3
  '#include <stdlib.h>', //                           4
  'int fill(int n) {', //                             5
  '  int *a = malloc(n * sizeof(int));', //           6
  '  int i;', //                                      7
  '  for (i = 0; i <= n; i++)', //                    8
  '    a[i] = i;', //                                 9
  '  free(a);', //                                   10
  '  return i;', //                                  11
  '}', //                                            12
  '```', //                                          13
  '', //                                             14
  '```c id=caller program=q file=main.c asan=heap-use-after-free', // 15
  'int fill(int n);', //                             16
  'int main(void) { return fill(4) == 5 ? 0 : 1; }', // 17
  '```', //                                          18
].join('\n');

describe('a sanitizer report whose first frame is in a secondary file (real gcc and clang)', async () => {
  const { messages } = await prove(overflow, { cacheDir: tempCacheDir(), noCache: false });

  it('is positioned at the line of that file, not at the call in the stating block', () => {
    expect(messages.map((message) => [message.line, message.ruleId])).toEqual([
      [9, 'snippet/wrong-failure'],
      [9, 'snippet/wrong-failure'],
    ]);
  });
});
