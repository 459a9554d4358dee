import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { extractBlocks } from '../../src/snippet/extract.ts';

const ROOT = new URL('../fixtures/snippets/', import.meta.url).pathname.replace(/\/$/, '');

/** The snippet id each fence carries after extraction (`-` for none), in document order. */
function carried(markdown: string): { ids: string[]; snippets: string[] } {
  const file = new VFile({ path: `${ROOT}/nodes.md`, value: markdown });
  const tree = parseMarkdown(file);
  const { snippets } = extractBlocks(tree, file, { root: ROOT });
  const ids: string[] = [];
  visit(tree, 'code', (node: Code) => void ids.push(node.data?.snippet?.id ?? '-'));
  return { ids, snippets: snippets.map((snippet) => snippet.id) };
}

describe('the snippet on its code node', () => {
  it('sits on the fence it was made from: a program on its first file, not on the others', () => {
    const fences = [
      '```c program=p file=main.c',
      'int main(void) { return 0; }',
      '```',
      '',
      '```h program=p file=util.h',
      'int f(void);',
      '```',
      '',
      '```rust',
      'fn main() {}',
      '```',
      '',
      '```text',
      'plain',
      '```',
      '',
    ];
    expect(carried(fences.join('\n'))).toEqual({
      ids: ['nodes-c-1', '-', 'nodes-rust-1', '-'],
      snippets: ['nodes-c-1', 'nodes-rust-1'],
    });
  });

  it('sits on the fence that completes a split transcript, not on the block before it', () => {
    const fences = ['```console', '$ cat leak.c', 'int main(void) { return 0; }', '$ gcc leak.c', '```', ''];
    const { ids, snippets } = carried([...fences, '```console', '$ ./a.out', '```', ''].join('\n'));
    expect(ids).toEqual(['-', snippets[0]]);
  });
});
