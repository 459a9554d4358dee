import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToolchainSet } from '../../../src/exec/toolchains.ts';
import { findMissingTools } from '../../../src/snippet/check/verify.ts';
import { prove, tempDir } from '../prove.ts';

const one = async (markdown: string) => {
  const proved = await prove(markdown);
  return { result: proved.results[0], messages: proved.messages };
};

describe('unmet expectations are positioned errors that say what was expected and what happened', () => {
  it('a sanitizer reporting a different bug', async () => {
    const { result, messages } = await one(
      '# Slide\n\n```c asan=heap-use-after-free cc=clang\nchar buf[8];\nstrcpy(buf, "this is too long");\n```\n',
    );
    expect(result?.ok).toBe(false);
    expect(result?.status).toBe('failed');
    expect(result?.summary).toBe('ASan: stack-buffer-overflow (clang 14.0)');
    expect(messages).toMatchObject([{ line: 5, ruleId: 'snippet/wrong-failure', fatal: true }]);
    expect(messages[0]?.reason).toMatch(
      new RegExp(
        String.raw`^expected ASan: heap-use-after-free, but with clang 14\.0 the run reported ASan: ` +
          'stack-buffer-overflow: ERROR: AddressSanitizer: stack-buffer-overflow on address',
      ),
    );
  });

  it('an ignored snippet is neither proved nor failed, and its summary carries no wording', async () => {
    const { result, messages } = await one('```c ignore\nthis is not C\n```\n');
    expect(result).toMatchObject({ status: 'ignored', ok: true, summary: '' });
    expect(messages).toEqual([]);
  });

  it('a sanitizer finding nothing', async () => {
    const { messages } = await one('```c asan cc=gcc\nint x = 1;\n(void)x;\n```\n');
    expect(messages).toMatchObject([{ line: 1, ruleId: 'snippet/unexpected-success' }]);
    expect(messages[0]?.reason).toBe(
      'expected a ASan report, but with gcc 12.2 the program ran cleanly (exit 0, no report)',
    );
  });

  it('compile_fail that compiles', async () => {
    const { result, messages } = await one('```rust,compile_fail,E0382\nlet x = 1;\n```\n');
    expect(result?.status).toBe('failed');
    expect(result?.summary).toBe('compiles (rustc 1.95)');
    expect(messages).toMatchObject([
      {
        line: 1,
        column: 1,
        ruleId: 'snippet/unexpected-success',
        reason: 'expected rustc 1.95 to reject this with E0382, but it compiled',
      },
    ]);
  });

  it('compile_fail with another error code, quoted at the mapped position', async () => {
    const { messages } = await one('Text\n\n```rust,compile_fail,E0382\n# fn f() {}\nlet x: u32 = "no";\n```\n');
    expect(messages).toMatchObject([{ line: 5, column: 14, ruleId: 'snippet/wrong-failure' }]);
    expect(messages[0]?.reason).toBe(
      'expected rustc 1.95 to reject this with E0382, but it failed differently: mismatched types: expected ' +
        '`u32`, found `&str` [E0308]',
    );
  });

  it('a compile error where the talk claims it compiles (C, both compilers)', async () => {
    const { messages } = await one('```c\nint x = ;\n```\n');
    expect(messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [2, 9, 'snippet/compile-error'],
      [2, 9, 'snippet/compile-error'],
    ]);
    expect(messages[0]?.reason).toBe(
      "expected to compile, but gcc 12.2 rejected it: expected expression before ';' token",
    );
  });

  it('a warning where the talk claims clean code, unless declared with warns=', async () => {
    const { messages } = await one('```c cc=gcc\nint *p = malloc(4);\nfree(p);\n*p = 1;\n```\n');
    expect(messages).toMatchObject([{ line: 4, column: 4, ruleId: 'snippet/unexpected-warning' }]);
    expect(messages[0]?.reason).toBe(
      "expected to compile cleanly with -Wall -Wextra, but gcc 12.2 warned: pointer 'p' used after 'free' " +
        '[-Wuse-after-free]',
    );
    const declared = await one('```c cc=gcc warns=-Wuse-after-free\nint *p = malloc(4);\nfree(p);\n*p = 1;\n```\n');
    expect(declared.messages).toEqual([]);
    expect(declared.result?.summary).toBe('warns -Wuse-after-free · gcc 12.2');
  });

  it('treats unused variables in a wrapped fragment as rustdoc does: not worth a warning', async () => {
    const { result, messages } = await one('```c\nint x = 5;\n```\n');
    expect(messages).toEqual([]);
    expect(result?.status).toBe('proved');
    expect(result?.summary).toBe('compiles · gcc 12.2 · clang 14.0');
  });

  it('compile_fail=-Wflag holds for gcc, and is refuted for clang, which does not warn', async () => {
    const { result, messages } = await one(
      '```c compile_fail=-Wuse-after-free\nint *p = malloc(4);\nfree(p);\n*p = 1;\n```\n',
    );
    expect(result?.runs.map((run) => run.outcome)).toEqual(['compile-error', 'compiled']);
    expect(messages).toMatchObject([
      {
        ruleId: 'snippet/unexpected-success',
        reason: 'expected clang 14.0 to reject this with -Wuse-after-free, but it compiled',
      },
    ]);
  });

  it('a panic where the talk claims it runs, at the panic location', async () => {
    const { messages } = await one('```rust\nlet v: Vec<u8> = Vec::new();\nlet x = v[3];\n```\n');
    expect(messages).toMatchObject([{ line: 3, column: 10, ruleId: 'snippet/unexpected-panic' }]);
    expect(messages[0]?.reason).toBe(
      'expected to run and exit 0, but with rustc 1.95 it panicked: index out of bounds: the len is 0 but the ' +
        'index is 3',
    );
  });

  it('should_panic that does not panic; wrong exit status; wrong output', async () => {
    const proved = await prove(
      '```rust,should_panic\nlet x = 1;\n```\n\n```c run cc=gcc\nint main(void) { return 3; }\n```\n\n```c ' +
        'stdout="hello" cc=gcc\nputs("bye");\n```\n',
    );
    expect(proved.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [1, 'snippet/unexpected-success'],
      [5, 'snippet/wrong-exit'],
      [9, 'snippet/wrong-output'],
    ]);
    expect(proved.messages[2]?.reason).toBe('expected stdout "hello", but with gcc 12.2 it printed "bye\\n"');
  });

  it('a missing toolchain is a positioned error, and findMissingTools names it for exit code 3', async () => {
    const bin = tempDir('path');
    symlinkSync('/usr/bin/gcc', join(bin, 'gcc'));
    const proved = await prove('```c\nint main(void) { return 0; }\n```\n', {
      toolchains: createToolchainSet({ pathEnv: bin }),
    });
    expect(proved.results[0]?.status).toBe('failed');
    expect(proved.results[0]?.summary).toBe('clang missing (clang)');
    expect(proved.messages).toMatchObject([
      {
        line: 1,
        ruleId: 'snippet/missing-toolchain',
        fatal: true,
        reason: 'clang is not installed, so this snippet was not checked',
      },
    ]);
    expect(findMissingTools(proved.results)).toEqual([
      { tool: 'clang', hint: 'install it with: apt-get install clang (plus libclang-rt-<version>-dev for sanitizers)' },
    ]);
  });
});
