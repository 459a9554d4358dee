import { describe, expect, it } from 'vitest';
import { normalizeWarningFlag, parseCcDiagnostics } from '../../src/exec/cc-diagnostics.ts';
import { parseRustcDiagnostics } from '../../src/exec/rustc-diagnostics.ts';
import { parseRuntimeReport } from '../../src/exec/runtime-reports.ts';

describe('gcc/clang text diagnostics', () => {
  const stderr = [
    "snippet.c: In function 'main':",
    "snippet.c:6:4: warning: pointer 'p' used after 'free' [-Wuse-after-free]",
    "snippet.c:5:1: note: call to 'free' here",
    "snippet.c:8:1: warning: '__builtin_memcpy' writing 17 bytes into a region of size 8 overflows the " +
      'destination [-Wstringop-overflow=]',
    'snippet.c:10:9: error: array index 5 is past the end of the array (which contains 3 elements) ' +
      '[-Werror,-Warray-bounds]',
    '/usr/include/stdio.h:3:1: warning: elsewhere [-Wfoo]',
    "snippet.c:(.text+0xa): undefined reference to `foo'",
    'collect2: error: ld returned 1 exit status',
    '1 warning generated.',
  ].join('\n');

  it('reads severity, message, normalised flag and position', () => {
    expect(parseCcDiagnostics(stderr, 'snippet.c')).toEqual([
      {
        severity: 'warning',
        message: "pointer 'p' used after 'free'",
        code: '-Wuse-after-free',
        programLine: 6,
        programColumn: 4,
      },
      { severity: 'note', message: "call to 'free' here", programLine: 5, programColumn: 1 },
      {
        severity: 'warning',
        message: "'__builtin_memcpy' writing 17 bytes into a region of size 8 overflows the destination",
        code: '-Wstringop-overflow',
        programLine: 8,
        programColumn: 1,
      },
      {
        severity: 'error',
        message: 'array index 5 is past the end of the array (which contains 3 elements)',
        code: '-Warray-bounds',
        programLine: 10,
        programColumn: 9,
      },
      { severity: 'warning', message: 'elsewhere', code: '-Wfoo' },
      { severity: 'error', message: "undefined reference to `foo' (linker)" },
      { severity: 'error', message: 'ld returned 1 exit status' },
    ]);
  });

  it.each([
    ['-Werror=use-after-free', '-Wuse-after-free'],
    ['-Werror,-Wfortify-source', '-Wfortify-source'],
    ['-Wstringop-overflow=', '-Wstringop-overflow'],
  ])('normalises %s', (flag, plain) => expect(normalizeWarningFlag(flag)).toBe(plain));
});

describe('rustc JSON diagnostics', () => {
  const line = (value: unknown): string => JSON.stringify(value);
  const span = (file: string, line: number, column: number, primary = true, label: string | null = null) => ({
    file_name: file,
    line_start: line,
    column_start: column,
    is_primary: primary,
    label,
    expansion: null,
  });

  it('keeps errors and warnings with code and primary span, drops the summary records', () => {
    const stderr = [
      line({
        $message_type: 'diagnostic',
        message: 'borrow of moved value: `p`',
        code: { code: 'E0382' },
        level: 'error',
        spans: [
          span('snippet.rs', 3, 10, false, 'value moved here'),
          span('snippet.rs', 4, 20, true, 'value borrowed here after move'),
        ],
      }),
      line({
        $message_type: 'diagnostic',
        message: 'this operation will panic at runtime',
        code: { code: 'unconditional_panic' },
        level: 'error',
        spans: [span('snippet.rs', 6, 13, true, 'index out of bounds: the length is 3 but the index is 5')],
      }),
      line({
        $message_type: 'diagnostic',
        message: 'aborting due to 2 previous errors',
        code: null,
        level: 'error',
        spans: [],
      }),
      line({
        $message_type: 'diagnostic',
        message: 'For more information about this error, try `rustc --explain E0382`.',
        code: null,
        level: 'failure-note',
        spans: [],
      }),
      'not json',
    ].join('\n');
    expect(parseRustcDiagnostics(stderr, 'snippet.rs')).toEqual([
      {
        severity: 'error',
        message: 'borrow of moved value: `p`: value borrowed here after move',
        code: 'E0382',
        programLine: 4,
        programColumn: 20,
      },
      {
        severity: 'error',
        message: 'this operation will panic at runtime: index out of bounds: the length is 3 but the index is 5',
        code: 'unconditional_panic',
        programLine: 6,
        programColumn: 13,
      },
    ]);
  });

  it('follows macro expansions back to the snippet', () => {
    const inner = {
      ...span('/rustc/library/std/src/macros.rs', 140, 5),
      expansion: { span: span('snippet.rs', 7, 3) },
    };
    const stderr = line({ message: 'oops', code: null, level: 'warning', spans: [inner] });
    expect(parseRustcDiagnostics(stderr, 'snippet.rs')).toEqual([
      { severity: 'warning', message: 'oops', programLine: 7, programColumn: 3 },
    ]);
  });
});

describe('runtime reports', () => {
  it('ASan: kind from SUMMARY, position from the first frame in the snippet', () => {
    const stderr =
      '==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020 at pc 0x1\n    #0 0x55 in main ' +
      '/build/snippet.c:7:4\n    #1 0x7f in __libc_start_call_main x.h:58\nSUMMARY: AddressSanitizer: ' +
      'heap-use-after-free /build/snippet.c:7:4 in main';
    expect(parseRuntimeReport(stderr, 'snippet.c')).toMatchObject({
      reporter: 'asan',
      kind: 'heap-use-after-free',
      programLine: 7,
      programColumn: 4,
    });
  });

  it('ASan double free (no SUMMARY kind on the ERROR line) and gcc frames without columns', () => {
    const stderr =
      '==2==ERROR: AddressSanitizer: attempting double-free on 0x60 in thread T0:\n    #0 0x7f in ' +
      '__interceptor_free ../asan_malloc_linux.cpp:52\n    #1 0x55 in main /build/snippet.c:9\nSUMMARY: ' +
      'AddressSanitizer: double-free ../asan_malloc_linux.cpp:52 in __interceptor_free';
    expect(parseRuntimeReport(stderr, 'snippet.c')).toMatchObject({
      reporter: 'asan',
      kind: 'double-free',
      programLine: 9,
    });
  });

  it('LSan, UBSan, stack protector, glibc', () => {
    expect(
      parseRuntimeReport(
        '==3==ERROR: LeakSanitizer: detected memory leaks\n\nDirect leak of 100 byte(s)\n    #1 0x5 in main ' +
          '/build/snippet.c:5:13\nSUMMARY: LeakSanitizer: 100 byte(s) leaked in 1 allocation(s).',
        'snippet.c',
      ),
    ).toMatchObject({ reporter: 'lsan', kind: 'detected memory leaks', programLine: 5 });
    expect(
      parseRuntimeReport("snippet.c:6:1: runtime error: store to null pointer of type 'int'", 'snippet.c'),
    ).toMatchObject({
      reporter: 'ubsan',
      kind: "store to null pointer of type 'int'",
      programLine: 6,
      programColumn: 1,
    });
    expect(parseRuntimeReport('*** stack smashing detected ***: terminated', 'snippet.c')).toMatchObject({
      reporter: 'stack-protector',
      kind: 'stack smashing detected',
    });
    expect(parseRuntimeReport('free(): double free detected in tcache 2', 'snippet.c')).toMatchObject({
      reporter: 'glibc',
      kind: 'free(): double free detected in tcache 2',
    });
    expect(parseRuntimeReport('plain output', 'snippet.c')).toBeUndefined();
  });

  it('Rust panics: the thread id changes between runs and is not part of the match', () => {
    const stderr =
      "\nthread 'main' (8649) panicked at snippet.rs:4:9:\nassertion `left == right` failed: custom 3\n  left: " +
      '1\n right: 2\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n';
    expect(parseRuntimeReport(stderr, 'snippet.rs')).toEqual({
      reporter: 'panic',
      kind: 'assertion `left == right` failed: custom 3',
      headline: 'panicked: assertion `left == right` failed: custom 3',
      detail: 'assertion `left == right` failed: custom 3\n  left: 1\n right: 2',
      programLine: 4,
      programColumn: 9,
    });
  });
});

describe('diagnostics in the other files of a multi-file program', () => {
  it('keep their line and name the file; unknown files get no line', () => {
    const stderr = "util.c:2:10: error: 'x' undeclared\n/usr/include/stdio.h:3:1: note: here\n";
    expect(parseCcDiagnostics(stderr, 'main.c', ['util.h', 'util.c'])).toEqual([
      { severity: 'error', message: "'x' undeclared", programLine: 2, programColumn: 10, programFile: 'util.c' },
      { severity: 'note', message: 'here' },
    ]);
  });
});

describe('runtime reports located in another file of the program', () => {
  it('take the first frame in any program file and name it', () => {
    const stderr = [
      '==7==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x1 at pc 0x2 bp 0x3 sp 0x4',
      '    #0 0x55 in fill /tmp/job/util.c:9:10',
      '    #1 0x56 in main /tmp/job/main.c:2:25',
    ].join('\n');
    expect(parseRuntimeReport(stderr, 'main.c', ['util.c'])).toMatchObject({
      programLine: 9,
      programColumn: 10,
      programFile: 'util.c',
    });
    expect(parseRuntimeReport(stderr, 'main.c')).toMatchObject({ programLine: 2, programColumn: 25 });
    expect(parseRuntimeReport(stderr, 'main.c')?.programFile).toBeUndefined();
  });
});
