import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { extractSnippets } from '../../src/snippet/extract.ts';

const ROOT = new URL('../fixtures/snippets/', import.meta.url).pathname.replace(/\/$/, '');

function messages(markdown: string) {
  const file = new VFile({ path: `${ROOT}/show.md`, value: markdown });
  const snippets = extractSnippets(parseMarkdown(file), file, { root: ROOT });
  return {
    snippets,
    messages: file.messages.map(
      (m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal ? 'error' : 'warning'} ${m.reason}`,
    ),
  };
}

describe('show=output', () => {
  it('is accepted on blocks whose proof prints something, in C and in Rust', () => {
    const { snippets, messages: found } = messages(
      [
        '```c asan=heap-use-after-free show=output',
        'int main(void) { return 0; }',
        '```',
        '',
        '```c run show=output',
        'int main(void) { return 0; }',
        '```',
        '',
        '```rust,compile_fail,E0382 show=output',
        'let v = vec![1];',
        '```',
        '',
        '```rust,should_panic,show=output',
        'panic!("x");',
        '```',
        '',
        '```rust show=output',
        'println!("hi");',
        '```',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
    expect(snippets.every((snippet) => snippet.invalid === undefined)).toBe(true);
  });

  it('is an error where nothing would be printed, and for an unknown value', () => {
    const { snippets, messages: found } = messages(
      [
        '```c show=output',
        'int x;',
        '```',
        '',
        '```rust,no_run show=output',
        'fn main() {}',
        '```',
        '',
        '```rust,ignore show=output',
        'fn main() {}',
        '```',
        '',
        '```c run show=stdout',
        'int main(void) { return 0; }',
        '```',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([
      '1:6 snippet/invalid-attribute error `show=output` on a block that only compiles: its proof prints nothing ' +
        'to show',
      '5:16 snippet/invalid-attribute error `show=output` on a block that only compiles: its proof prints nothing ' +
        'to show',
      '9:16 snippet/invalid-attribute error `show=output` on a block that is never compiled: its proof prints ' +
        'nothing to show',
      '13:10 snippet/invalid-attribute error `show=stdout` is not a known value',
    ]);
    expect(snippets.filter((snippet) => snippet.invalid !== undefined)).toHaveLength(4);
  });
});
