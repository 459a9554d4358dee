import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { extractBlocks } from '../../src/snippet/extract.ts';
import { expandBookIncludes } from '../../src/snippet/book-include.ts';
import type { SourceLine } from '../../src/snippet/source-lines.ts';
import { tempDir } from '../helpers.ts';

const FILE = [
  '// ANCHOR: all',
  'fn main() {',
  '    // ANCHOR: body',
  '    let x = 1;',
  '    assert_eq!(x, 1);',
  '    // ANCHOR_END: body',
  '}',
  '// ANCHOR_END: all',
].join('\n');

function setUp(): { chapter: string; root: string } {
  const root = tempDir('book-include');
  mkdirSync(path.join(root, 'src', 'listings'), { recursive: true });
  writeFileSync(path.join(root, 'src', 'listings', 'main.rs'), `${FILE}\n`);
  return { chapter: path.join(root, 'src', 'chapter.md'), root };
}

/** Block lines as extraction gives them: the block starts at markdown line 10, column 0. */
const block = (...texts: string[]): SourceLine[] => texts.map((text, index) => ({ text, line: 10 + index, column: 0 }));

function expand(...texts: string[]): string[] {
  const { chapter, root } = setUp();
  const result = expandBookIncludes(block(...texts), chapter, root);
  if ('problem' in result) throw new Error(result.problem.message);
  return result.lines.map((line) => line.text);
}

describe('mdBook {{#include}} in code blocks', () => {
  it('includes the whole file, one line, and the four range forms (1-based, inclusive)', () => {
    expect(expand('{{#include listings/main.rs}}')).toEqual(FILE.split('\n'));
    expect(expand('{{#include listings/main.rs:2}}')).toEqual(['fn main() {']);
    expect(expand('{{#include listings/main.rs:4:5}}')).toEqual(['    let x = 1;', '    assert_eq!(x, 1);']);
    expect(expand('{{#include listings/main.rs::2}}')).toEqual(['// ANCHOR: all', 'fn main() {']);
    expect(expand('{{#include listings/main.rs:7:}}')).toEqual(['}', '// ANCHOR_END: all']);
  });

  it('includes an anchor without any anchor marker lines, as written (no dedent)', () => {
    expect(expand('{{#include listings/main.rs:body}}')).toEqual(['    let x = 1;', '    assert_eq!(x, 1);']);
    expect(expand('{{#include listings/main.rs:all}}')).toEqual([
      'fn main() {',
      '    let x = 1;',
      '    assert_eq!(x, 1);',
      '}',
    ]);
  });

  it('rustdoc_include: the whole file, lines outside the part hidden with #', () => {
    expect(expand('{{#rustdoc_include listings/main.rs:body}}')).toEqual([
      '# fn main() {',
      '    let x = 1;',
      '    assert_eq!(x, 1);',
      '# }',
    ]);
    expect(expand('{{#rustdoc_include listings/main.rs:4}}')).toEqual([
      '# // ANCHOR: all',
      '# fn main() {',
      '#     // ANCHOR: body',
      '    let x = 1;',
      '#     assert_eq!(x, 1);',
      '#     // ANCHOR_END: body',
      '# }',
      '# // ANCHOR_END: all',
    ]);
  });

  it('keeps the lines around a link and its place: included lines point at the link in the markdown', () => {
    const { chapter, root } = setUp();
    const result = expandBookIncludes(
      block('# fn main() {', '    {{#include listings/main.rs:5}}', '# }'),
      chapter,
      root,
    );
    expect('lines' in result && result.lines).toEqual([
      { text: '# fn main() {', line: 10, column: 0 },
      { text: '        assert_eq!(x, 1);', line: 11, column: 0 },
      { text: '# }', line: 12, column: 0 },
    ]);
  });

  it('reads \\{{#include …}} as the literal text', () => {
    expect(expand('let s = "\\{{#include x.rs}}";')).toEqual(['let s = "{{#include x.rs}}";']);
  });

  it('reports a missing file, a missing anchor, a range past the end and a path outside, at the link', () => {
    const { chapter, root } = setUp();
    const problem = (text: string) => {
      const result = expandBookIncludes(block('let a = 1;', `  ${text}`), chapter, root);
      return 'problem' in result ? result.problem : undefined;
    };
    expect(problem('{{#include nope.rs}}')).toMatchObject({ ruleId: 'snippet/missing-include', line: 11, column: 3 });
    expect(problem('{{#include listings/main.rs:nope}}')).toMatchObject({
      ruleId: 'snippet/unknown-region',
      message: 'anchor `nope` not found in `listings/main.rs`',
    });
    expect(problem('{{#include listings/main.rs:40:50}}')).toMatchObject({ ruleId: 'snippet/unknown-region' });
    expect(problem('{{#include ../../../etc/passwd}}')).toMatchObject({ ruleId: 'snippet/include-outside-root' });
  });
});

describe('mdBook {{#include}} in blocks that are not programs', () => {
  it("shows the included lines, as mdBook does for the Rust book's `console` output blocks", () => {
    const root = tempDir('book-output');
    mkdirSync(path.join(root, 'listings', 'hello'), { recursive: true });
    writeFileSync(path.join(root, 'listings', 'hello', 'output.txt'), '$ cargo run\nHello, world!\n');
    const chapter = path.join(root, 'chapter.md');
    const markdown =
      '# Output\n\n```console\n{{#include listings/hello/output.txt}}\n```\n\n' +
      '```text\n\\{{#include listings/hello/output.txt}}\n```\n\n```console\n{{#include listings/none.txt}}\n```\n';
    const file = new VFile({ path: chapter, value: markdown });
    const tree = parseMarkdown(file);
    const { blocks } = extractBlocks(tree, file, { root });
    const values: string[] = [];
    visit(tree, 'code', (node: Code) => void values.push(node.value));
    expect(values.slice(0, 2)).toEqual(['$ cargo run\nHello, world!', '{{#include listings/hello/output.txt}}']);
    // A link that cannot be expanded is an error at the link, and the block keeps what was written.
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['12:1 snippet/missing-include']);
    expect(values[2]).toBe('{{#include listings/none.txt}}');
    expect(blocks.map((block) => block.error ?? false)).toEqual([false, false, true]);
  });
});
