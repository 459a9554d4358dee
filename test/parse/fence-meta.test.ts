import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code } from 'mdast';
import { VFile } from 'vfile';
import { fenceMeta, parseFenceMeta, parseLineSpec } from '../../src/parse/fence-meta.ts';
import { parseMarkdown } from '../../src/parse/parser.ts';

describe('parseFenceMeta', () => {
  it('splits language, flags, key=value and a line spec', () => {
    const meta = parseFenceMeta('c', 'id=uaf asan=heap-use-after-free cc=both {3|5-6}');
    expect(meta.lang).toBe('c');
    expect(meta.attributes.map((a) => [a.key, a.value])).toEqual([
      ['id', 'uaf'],
      ['asan', 'heap-use-after-free'],
      ['cc', 'both'],
    ]);
    expect(meta.highlight).toEqual([[3], [5, 6]]);
    expect(meta.errors).toEqual([]);
  });

  it('reads rustdoc comma lists as written in the info string', () => {
    const meta = parseFenceMeta('rust,compile_fail,E0382', null);
    expect(meta.lang).toBe('rust');
    expect(meta.attributes.map((a) => a.key)).toEqual(['compile_fail', 'E0382']);
  });

  it('keeps spaces inside quoted values and reports unterminated quotes', () => {
    expect(parseFenceMeta('c', 'ubsan="store to null pointer"').attributes[0]?.value).toBe('store to null pointer');
    expect(parseFenceMeta('c', 'ubsan="store to').errors[0]?.message).toMatch(/unterminated/);
  });

  it('reports a malformed line spec with its offset', () => {
    const meta = parseFenceMeta('rust', '{2-1}');
    expect(meta.errors).toEqual([{ message: 'invalid line range "2-1"', offset: 5, lineSpec: true }]);
  });

  it("reads reveal.js's bracket steps as a line spec, and reports its line-number offset as not supported", () => {
    // reveal.js plugin/markdown: ```js [1-2|3] ``` becomes data-line-numbers="1-2|3".
    const steps = parseFenceMeta('python', '[1|3-4|6-7]');
    expect([steps.lang, steps.highlight, steps.attributes, steps.errors]).toEqual([
      'python',
      [[1], [3, 4], [6, 7]],
      [],
      [],
    ]);
    const offset = parseFenceMeta('js', '[712: 1-2|3]');
    expect(offset.highlight).toBeUndefined();
    expect(offset.errors).toMatchObject([{ offset: 3, lineSpec: true, options: true }]);
    expect(parseFenceMeta('c', '[1-x]').errors).toMatchObject([{ lineSpec: true }]);
  });

  it('parses "all" steps as an empty set', () => {
    expect(parseLineSpec('1,3|all')).toEqual({ steps: [[1, 3], []] });
  });

  it('never throws, and every offset lies inside the info string', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (lang, meta) => {
        const info = [lang, meta].filter(Boolean).join(' ');
        const parsed = parseFenceMeta(lang, meta);
        for (const item of [...parsed.attributes, ...parsed.errors]) {
          expect(item.offset).toBeGreaterThanOrEqual(0);
          expect(item.offset).toBeLessThanOrEqual(info.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('fenceMeta', () => {
  it("the parser attaches each fence's parsed info string once, and every reader gets that record", () => {
    const tree = parseMarkdown(new VFile({ path: 'deck.md', value: '```c id=uaf {2}\nint x;\n```\n' }));
    const node = tree.children[0] as Code;
    expect(node.data?.fenceMeta).toEqual(parseFenceMeta('c', 'id=uaf {2}'));
    expect(fenceMeta(node)).toBe(node.data?.fenceMeta);
  });

  it('parses a fence built without the parser on first use and keeps it', () => {
    const node: Code = { type: 'code', lang: 'rust', meta: 'no_run', value: '' };
    const first = fenceMeta(node);
    expect(first.attributes.map((a) => a.key)).toEqual(['no_run']);
    expect(fenceMeta(node)).toBe(first);
  });
});
