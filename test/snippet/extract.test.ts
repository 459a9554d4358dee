import fc from 'fast-check';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractSnippets } from '../../src/snippet/extract.ts';
import { deckSlug } from '../../src/snippet/ids.ts';

const ROOT = new URL('../fixtures/snippets/', import.meta.url).pathname.replace(/\/$/, '');

function extract(markdown: string, path = `${ROOT}/memory.md`) {
  const file = new VFile({ path, value: markdown });
  const tree = parseMarkdown(file);
  const snippets = extractSnippets(tree, file, { root: ROOT });
  return {
    snippets,
    messages: file.messages.map((m) => ({
      line: m.line,
      column: m.column,
      ruleId: m.ruleId,
      fatal: m.fatal,
      reason: m.reason,
    })),
  };
}

describe('extractSnippets', () => {
  it('reports an info string that does not parse once, and never proves its block', () => {
    const { snippets, messages } = extract('```c stdout="abc\nint main(void) { return 0; }\n```\n');
    expect(messages).toEqual([
      {
        line: 1,
        column: 5,
        ruleId: 'snippet/invalid-attribute',
        fatal: true,
        reason: 'unterminated quoted value for "stdout"',
      },
    ]);
    expect(snippets[0]?.invalid).toBe('not proved: unterminated quoted value for "stdout"');
  });

  it('takes c, h, cpp, c++ and rust blocks and nothing else', () => {
    const { snippets } = extract(
      '```c\nint x;\n```\n\n```h\nint f(void);\n```\n\n```c++\nint y;\n```\n\n```rust,no_run\nlet x = ' +
        '1;\n```\n\n```text\nhi\n```\n\n```\nplain\n```\n\n```python\nx = 1\n```\n',
    );
    expect(snippets.map((s) => [s.id, s.lang])).toEqual([
      ['memory-c-1', 'c'],
      ['memory-c-2', 'c'],
      ['memory-cpp-1', 'cpp'],
      ['memory-rust-1', 'rust'],
    ]);
    expect(snippets[1]?.program).toBe('int f(void);');
  });

  it('derives ids from the deck folder for deck.md, and keeps explicit ids', () => {
    expect(deckSlug('/talks/rust-in-kernel/deck.md')).toBe('rust-in-kernel');
    const { snippets } = extract('```c id=first\nint a;\n```\n\n```c\nint b;\n```\n');
    expect(snippets.map((s) => s.id)).toEqual(['first', 'memory-c-2']);
  });

  it('reports duplicate ids at the attribute', () => {
    const { messages } = extract('```c id=x\nint a;\n```\n\n```c  id=x\nint b;\n```\n');
    expect(messages).toEqual([
      {
        line: 5,
        column: 7,
        ruleId: 'snippet/duplicate-id',
        fatal: true,
        reason: 'duplicate snippet id `x` (first used on line 1)',
      },
    ]);
  });

  it('reports bad attributes at their column, as errors', () => {
    const { messages } = extract('Text\n\n```rust,should-panic\nlet x = 1;\n```\n');
    expect(messages).toEqual([
      {
        line: 3,
        column: 9,
        ruleId: 'snippet/unknown-attribute',
        fatal: true,
        reason: 'unknown Rust snippet attribute `should-panic`',
      },
    ]);
  });

  it('leaves display attributes (fit=false) to the renderer, on C and Rust blocks alike', () => {
    const { messages, snippets } = extract(
      '```c fit=false\nint x;\n```\n\n```rust no_run fit=false\nlet x = 1;\n```\n',
    );
    expect(messages).toEqual([]);
    expect(snippets).toHaveLength(2);
  });

  it('maps program lines and columns back to the markdown, through list indentation and hidden lines', () => {
    const { snippets } = extract('- item\n\n  ```rust\n  # let a = 1;\n  let b = a;\n  ```\n');
    const snippet = snippets[0];
    expect(snippet?.program).toBe('#![allow(unused)]\nfn main() {\nlet a = 1;\nlet b = a;\n}');
    expect(snippet?.lineMap).toEqual([0, 0, 4, 5, 0]);
    expect(snippet?.columnMap).toEqual([0, 0, 4, 2, 0]);
    expect(snippet?.displayed).toBe('let b = a;');
    expect([snippet?.line, snippet?.column]).toEqual([3, 3]);
  });

  it('shows an included region and compiles the whole file', () => {
    const { snippets, messages } = extract(
      '```c asan=heap-use-after-free\n<<< ./include/uaf.c#bug\n```\n\n```rust,compile_fail,E0382\n<<< ' +
        '@/include/moved.rs#moved\n```\n',
    );
    expect(messages).toEqual([]);
    const [c, rust] = snippets;
    expect(c?.displayed).toBe('char *p = malloc(10);\nfree(p);\n*p = 42;');
    expect(c?.program).toContain('int main(void) {');
    expect(c?.include).toMatchObject({ spec: './include/uaf.c#bug', region: 'bug', firstLine: 5 });
    expect(c?.include?.lineMap.slice(0, 3)).toEqual([1, 2, 3]);
    expect(rust?.displayed).toBe('let s = String::from("x");\nlet t = s;\nprintln!("{s}");');
    expect(rust?.program.startsWith('#![allow(unused)]\nfn main() {')).toBe(true);
  });

  it.each([
    ['<<< ./include/nope.c', 'snippet/missing-include'],
    ['<<< ../../../../etc/passwd', 'snippet/include-outside-root'],
    ['<<< ./include/uaf.c#nope', 'snippet/unknown-region'],
  ])('reports %s as %s and leaves the block out', (body, ruleId) => {
    const { snippets, messages } = extract(`\`\`\`c\n${body}\n\`\`\`\n`);
    expect(snippets).toEqual([]);
    expect(messages).toMatchObject([{ line: 1, column: 1, ruleId, fatal: true }]);
  });

  it('never throws, and maps every program line (property)', () => {
    const block = fc.record({
      lang: fc.constantFrom(
        'c',
        'h',
        'cpp',
        'rust',
        'rust,compile_fail',
        'c asan',
        'c id=a',
        'rust,edition2015',
        'c cc=x',
      ),
      body: fc.array(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            '# let x = 1;',
            '##x',
            '/// int y;',
            'fn main() {',
            'int main(void) {',
            '}',
            '{',
            '#![a]',
            '<<< ./x.c',
          ),
        ),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 5 }), (blocks) => {
        const markdown = blocks
          .map((b) => `\`\`\`${b.lang}\n${b.body.join('\n').replace(/```/g, '')}\n\`\`\`\n`)
          .join('\n');
        const { snippets } = extract(markdown);
        for (const snippet of snippets) {
          const programLines = snippet.program.split('\n').length;
          expect(snippet.lineMap).toHaveLength(programLines);
          expect(snippet.columnMap).toHaveLength(programLines);
        }
      }),
      { numRuns: 200 },
    );
  });
});
