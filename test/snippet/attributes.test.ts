import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../src/parse/fence-meta.ts';
import { parseCAttributes } from '../../src/snippet/c-attributes.ts';
import { parseRustAttributes } from '../../src/snippet/rust-attributes.ts';

const rust = (info: string) => {
  const meta = parseFenceMeta(info, '');
  return parseRustAttributes(meta.attributes, '2021');
};
const c = (info: string, lang: 'c' | 'cpp' = 'c') => parseCAttributes(parseFenceMeta(info, '').attributes, lang);

describe('Rust attributes (rustdoc spelling and precedence)', () => {
  it('defaults to compile and run, exit 0', () => {
    expect(rust('rust').spec.expectation).toEqual({ kind: 'run', exitCode: 0 });
  });

  it.each([
    ['rust,ignore', { kind: 'ignore' }],
    ['rust,no_run', { kind: 'compile' }],
    ['rust,should_panic', { kind: 'panic' }],
    ['rust,compile_fail', { kind: 'compile-fail', codes: [], messages: [] }],
    ['rust,compile_fail,E0382', { kind: 'compile-fail', codes: ['E0382'], messages: [] }],
    ['rust,compile_fail,unconditional_panic', { kind: 'compile-fail', codes: ['unconditional_panic'], messages: [] }],
    ['rust compile_fail lint=unused_must_use', { kind: 'compile-fail', codes: ['unused_must_use'], messages: [] }],
    ['rust,ignore,compile_fail', { kind: 'ignore' }],
    ['rust,no_run,should_panic', { kind: 'compile' }],
  ])('%s', (info, expectation) => {
    const parsed = rust(info);
    expect(parsed.spec.expectation).toEqual(expectation);
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads editions, no_run and id', () => {
    expect(rust('rust,edition2018,no_run id=x').spec).toMatchObject({ edition: '2018', noRun: true, id: 'x' });
  });

  it('honours ignore-<target> only for this host', () => {
    expect(rust('rust,ignore-linux').spec.expectation.kind).toBe('ignore');
    expect(rust('rust,ignore-windows').spec.expectation.kind).toBe('run');
  });

  it('reports unknown attributes with a did-you-mean', () => {
    const [problem] = rust('rust,should-panic').problems;
    expect(problem).toMatchObject({
      ruleId: 'snippet/unknown-attribute',
      severity: 'error',
      hint: 'did you mean `should_panic`?',
    });
  });

  it('points C attributes in a Rust block at the right language', () => {
    expect(rust('rust asan=heap-use-after-free').problems[0]?.ruleId).toBe('snippet/wrong-language-attribute');
  });

  it('warns about error codes without compile_fail', () => {
    expect(rust('rust,E0382').problems[0]).toMatchObject({
      ruleId: 'snippet/conflicting-attributes',
      severity: 'warning',
    });
  });
});

describe('C attributes', () => {
  it('defaults to compile cleanly with both compilers', () => {
    expect(c('c').spec).toEqual({
      expectation: { kind: 'compile' },
      compilers: ['gcc', 'clang'],
      warns: [],
      flags: [],
    });
  });

  it.each([
    ['c compile_fail', { kind: 'compile-fail', codes: [], messages: [] }],
    ['c compile_fail=-Wuse-after-free', { kind: 'compile-fail', codes: ['-Wuse-after-free'], messages: [] }],
    ['c compile_fail,-Wuse-after-free', { kind: 'compile-fail', codes: ['-Wuse-after-free'], messages: [] }],
    ['c compile_fail="undeclared"', { kind: 'compile-fail', codes: [], messages: ['undeclared'] }],
    ['c run', { kind: 'run', exitCode: 0 }],
    ['c stdout="hi\\n" exit=3', { kind: 'run', exitCode: 3, stdout: 'hi\n' }],
    ['c asan=heap-use-after-free', { kind: 'detect', detector: 'asan', report: 'heap-use-after-free' }],
    ['c ubsan="store to null pointer"', { kind: 'detect', detector: 'ubsan', report: 'store to null pointer' }],
    ['c lsan', { kind: 'detect', detector: 'lsan' }],
    ['c stack-protector', { kind: 'detect', detector: 'stack-protector' }],
    ['c ignore', { kind: 'ignore' }],
  ])('%s', (info, expectation) => {
    const parsed = c(info);
    expect(parsed.problems).toEqual([]);
    expect(parsed.spec.expectation).toEqual(expectation);
  });

  it('reads warns lists, std, cflags, cc and id', () => {
    expect(c('c warns=-Wuse-after-free,-Wunused-variable std=c11 cflags="-O1 -DX=1" cc=gcc id=uaf').spec).toEqual({
      expectation: { kind: 'compile' },
      compilers: ['gcc'],
      warns: ['-Wuse-after-free', '-Wunused-variable'],
      flags: ['-O1', '-DX=1'],
      std: 'c11',
      id: 'uaf',
      idOffset: 77,
    });
    expect(c('cpp std=c++17', 'cpp').spec.std).toBe('c++17');
  });

  it.each([
    ['c cc=tcc', 'snippet/unknown-compiler'],
    ['c std=c12', 'snippet/invalid-attribute'],
    ['c exit=abc', 'snippet/invalid-attribute'],
    ['c warns=unused', 'snippet/invalid-attribute'],
    ['c stdout', 'snippet/invalid-attribute'],
    ['c asan=heap-use-after-fre', 'snippet/invalid-attribute'],
    ['c asan ubsan', 'snippet/conflicting-attributes'],
    ['c compile_fail run', 'snippet/conflicting-attributes'],
    ['c asan exit=1', 'snippet/conflicting-attributes'],
    ['c no_run', 'snippet/wrong-language-attribute'],
    ['c E0382', 'snippet/wrong-language-attribute'],
    ['c sanitize=address', 'snippet/unknown-attribute'],
  ])('%s → %s', (info, ruleId) => {
    expect(c(info).problems.map((p) => p.ruleId)).toContain(ruleId);
  });

  it('suggests the ASan kind it was probably meant to be', () => {
    expect(c('c asan=heap-use-after-fre').problems[0]?.hint).toBe('did you mean `heap-use-after-free`?');
  });
});
