import { describe, expect, it } from 'vitest';
import { prove, tempCacheDir } from '../prove.ts';

/** One block per case: `[info string, body]`. */
function deck(blocks: [string, string][]): string {
  return blocks.map(([info, body]) => `\`\`\`${info}\n${body}\n\`\`\`\n`).join('\n');
}

async function verdicts(blocks: [string, string][]) {
  const { results, messages } = await prove(deck(blocks), { cacheDir: tempCacheDir() });
  return {
    ok: results.map((result) => result.ok),
    rules: messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).sort(),
    results,
  };
}

describe('Rust run blocks state their output, exit status and panic', () => {
  it('checks stdout exactly (trailing newlines aside), stderr~ as a substring, and exit=', async () => {
    const { ok, rules } = await verdicts([
      ['rust stdout="hello\\nworld"', 'println!("hello");\nprintln!("world");'],
      ['rust stdout="hello"', 'println!("goodbye");'],
      ['rust stderr~="disk full"', 'eprintln!("warning: disk full, retrying");'],
      ['rust stderr~="disk full"', 'eprintln!("all good");'],
      ['rust exit=3', 'std::process::exit(3);'],
      ['rust exit=3', 'std::process::exit(0);'],
    ]);
    expect(ok).toEqual([true, false, true, false, true, false]);
    expect(rules).toEqual(['14:1 snippet/wrong-output', '22:1 snippet/wrong-exit', '6:1 snippet/wrong-output']);
  });

  it('checks should_panic="message" against the panic message', async () => {
    const { ok, rules, results } = await verdicts([
      ['rust should_panic="index out of bounds"', 'let v: Vec<u8> = vec![];\nv[1];'],
      ['rust should_panic="division by zero"', 'let v: Vec<u8> = vec![];\nv[1];'],
    ]);
    expect(ok).toEqual([true, false]);
    expect(rules).toEqual(['8:2 snippet/wrong-failure']);
    expect(results[1]?.problems[0]).toContain('division by zero');
  });

  it('passes rustflags= to rustc: overflow checks off makes 255u8 + 1 wrap', async () => {
    const body = 'let x: u8 = 255;\nprintln!("{}", x + std::hint::black_box(1));';
    const { ok } = await verdicts([
      ['rust rustflags="-C overflow-checks=off" stdout="0"', body],
      ['rust should_panic="attempt to add with overflow"', body],
    ]);
    expect(ok).toEqual([true, true]);
  });

  it('refuses a rustflags option outside the allow-list, at the attribute', async () => {
    const { ok, rules, results } = await verdicts([['rust rustflags="-C linker=/bin/sh"', 'fn main() {}']]);
    expect(ok).toEqual([false]);
    expect(rules).toEqual(['1:9 snippet/invalid-attribute']);
    expect(results[0]?.problems[0]).toContain('-C linker=/bin/sh');
  });

  it('accepts mdBook playground attributes with no effect, and flags real typos', async () => {
    const { ok, rules, results } = await verdicts([
      ['rust,editable', 'let x = 1;\nassert_eq!(x, 1);'],
      ['rust,noplayground', 'assert!(false);'],
      ['rust,mdbook-runnable,ignore', 'not rust at all'],
      ['rust,norun', 'fn main() {}'],
    ]);
    expect(ok).toEqual([true, false, true, false]);
    expect(rules).toEqual(['14:9 snippet/unknown-attribute', '7:1 snippet/unexpected-panic']);
    expect(results[3]?.problems[0]).toContain('norun');
  });

  it('refuses output claims on blocks that are not run', async () => {
    const { rules } = await verdicts([['rust,no_run stdout="x"', 'fn main() {}']]);
    expect(rules).toEqual(['1:16 snippet/conflicting-attributes']);
  });
});
