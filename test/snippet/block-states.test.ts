import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { SnippetResult } from '../../src/model/snippet.ts';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { formatReport } from '../../src/report/text.ts';
import { blockVerdicts } from '../../src/snippet/block-states.ts';
import { extractBlocks } from '../../src/snippet/extract.ts';

const ROOT = new URL('../fixtures/snippets/', import.meta.url).pathname.replace(/\/$/, '');

function extract(markdown: string) {
  const file = new VFile({ path: `${ROOT}/states.md`, value: markdown });
  return { ...extractBlocks(parseMarkdown(file), file, { root: ROOT }), file };
}

const result = (id: string, status: SnippetResult['status']): [string, SnippetResult] => [
  id,
  { id, status, ok: status !== 'failed', summary: '', problems: [], runs: [] },
];

describe('blocks that one snippet proves together', () => {
  it('gives every block of a multi-file program, its text files included, the program snippet', () => {
    const { blocks, snippets } = extract(
      [
        '```c program=p file=main.c lsan',
        'int main(void) { return 0; }',
        '```',
        '',
        '```h program=p file=util.h',
        'int f(void);',
        '```',
        '',
        '```text program=p file=lsan.supp',
        'leak:main',
        '```',
        '',
      ].join('\n'),
    );
    expect(snippets.map((s) => s.id)).toEqual(['states-c-1']);
    expect(blocks.map((b) => [b.line, b.lang, b.snippet, b.unproved])).toEqual([
      [1, 'c', 'states-c-1', undefined],
      [5, 'c', 'states-c-1', undefined],
      [9, 'text', 'states-c-1', undefined],
    ]);
  });

  it('gives both blocks of a transcript split over two fences the transcript', () => {
    const { blocks, snippets } = extract(
      [
        '```console',
        '$ cat leak.c',
        'int main(void) { return 0; }',
        '$ gcc leak.c',
        '```',
        '',
        '```console',
        '$ ./a.out',
        '```',
        '',
        '```console',
        '$ ls',
        'a.out',
        '```',
        '',
      ].join('\n'),
    );
    expect(snippets).toHaveLength(1);
    expect(blocks.map((b) => [b.line, b.snippet ?? b.unproved])).toEqual([
      [1, snippets[0]?.id],
      [7, snippets[0]?.id],
      [11, 'language'],
    ]);
  });

  it('marks a block whose include cannot be read, or whose language is misspelt, as an error', () => {
    const { blocks } = extract('```c\n<<< ./missing.c\n```\n\n```rsut\nfn main() {}\n```\n');
    expect(blocks.map((b) => [b.line, b.error])).toEqual([
      [1, true],
      [5, true],
    ]);
  });

  it('reads `Rust` and `RUST` as Rust', () => {
    expect(extract('```Rust \nfn main() {}\n```\n\n```RUST\nfn main() {}\n```\n').snippets).toHaveLength(2);
  });
});

describe('blockVerdicts and the text report', () => {
  const { blocks, snippets, file } = extract(
    '```rust\nfn main() {}\n```\n\n```rust,ignore\nx\n```\n\n```c\nint x;\n```\n\n' +
      '```python\nx\n```\n\n```rsut\nx\n```\n',
  );
  const results = new Map([
    result(snippets[0]?.id ?? '', 'proved'),
    result(snippets[1]?.id ?? '', 'ignored'),
    result(snippets[2]?.id ?? '', 'failed'),
  ]);

  it('ends every block in exactly one state', () => {
    expect(blockVerdicts(blocks, 'states.md', results).map((v) => [v.line, v.state, v.reason])).toEqual([
      [1, 'proved', undefined],
      [5, 'unproved', 'ignore'],
      [9, 'failed', undefined],
      [13, 'unproved', 'language'],
      [17, 'failed', undefined],
    ]);
  });

  it('leaves out the blocks of snippets another shard proves, and a deck another shard owns', () => {
    const some = new Map([result(snippets[2]?.id ?? '', 'failed')]);
    expect(blockVerdicts(blocks, 'states.md', some, false).map((v) => v.line)).toEqual([9]);
  });

  it('prints the counts and every unproved block before the summary', () => {
    const text = formatReport([file], { blocks: blockVerdicts(blocks, 'states.md', results) });
    expect(text).toContain(
      '5 blocks: 1 proved, 2 failed, 2 not proved\n' +
        '  – states.md:5:1: not proved: marked `ignore`\n' +
        '  – states.md:13:1: not proved: `python` is not a language proofdeck runs\n\n1 error, 0 warnings in 1 file',
    );
  });
});
