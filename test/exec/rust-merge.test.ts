import { describe, expect, it } from 'vitest';
import { canMerge, mergeSnippets } from '../../src/exec/rust-merge.ts';
import { prove } from '../snippet/prove.ts';

describe('merged Rust builds', () => {
  it('lays snippets out as modules with a dispatching main', async () => {
    const { snippets } = await prove('```rust,ignore\nx\n```\n');
    const base = { ...snippets[0]!, expectation: { kind: 'run' as const, exitCode: 0 } };
    const a = { ...base, id: 'a', program: '#![allow(unused)]\nfn main() {\nlet x = 1;\n}' };
    const b = { ...base, id: 'b', program: '#![allow(unused)]\nfn main() {}' };
    const crate = mergeSnippets([a, b]);
    expect(crate.members.map((m) => [m.snippet.id, m.offset, m.lineCount])).toEqual([
      ['a', 2, 4],
      ['b', 9, 2],
    ]);
    // Merged line = program line + offset: program line 3 is merged line 5.
    expect(crate.source.split('\n')[5 - 1]).toBe('let x = 1;');
    expect(crate.source).toContain('Ok("1") => __pd_1::__proofdeck_entry().report(),');
    expect(canMerge(a)).toBe(true);
    expect(canMerge({ ...a, edition: '2015' })).toBe(false);
    expect(canMerge({ ...a, program: '#![allow(unused)]\n#![feature(x)]\nfn main() {}' })).toBe(false);
    expect(canMerge({ ...a, expectation: { kind: 'compile-fail', codes: [], messages: [] } })).toBe(false);
  });

  it('gives the same verdicts as separate builds when one snippet cannot be merged', async () => {
    const markdown = [
      // `crate::helper` only resolves at the crate root: the merged build fails and this one is rebuilt alone.
      '```rust\nfn helper() -> i32 { 2 }\nfn main() { assert_eq!(crate::helper(), 2); }\n```',
      '```rust\nassert_eq!(1 + 1, 2);\n```',
      '```rust\nfn main() -> Result<(), String> { Err("nope".into()) }\n```',
      '```rust,should_panic\npanic!("boom");\n```',
      '```rust\nlet x: i32 = "no";\n```',
      '```rust,no_run\nloop {}\n```',
    ].join('\n\n');
    const merged = await prove(markdown);
    const separate = await prove(markdown, { noMerge: true });
    const verdicts = (proved: typeof merged) =>
      proved.results.map((r) => [r.ok, r.runs[0]?.outcome, r.runs[0]?.exitCode ?? null]);
    expect(verdicts(merged)).toEqual(verdicts(separate));
    expect(verdicts(merged)).toEqual([
      [true, 'ran', 0],
      [true, 'ran', 0],
      [false, 'run-failed', 1],
      [true, 'panicked', 101],
      [false, 'compile-error', 1],
      [true, 'compiled', 0],
    ]);
    expect(merged.messages).toEqual(separate.messages);
  });
});
