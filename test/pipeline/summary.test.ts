import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { summaryChapters } from '../../src/pipeline/summary.ts';
import { vfileOf } from '../helpers.ts';

const SRC = '/book/src';
const chaptersOf = (markdown: string) => summaryChapters(parseMarkdown(vfileOf(markdown, 'SUMMARY.md')), SRC);
const urls = (markdown: string) => chaptersOf(markdown).map((chapter) => chapter.url);

// The layout of mdBook's guide (guide/src/format/summary.md): every kind of entry once.
const FULL = `# Summary

[Introduction](README.md)
[Foreword](foreword.md)

# User Guide

- [Installation](guide/installation.md)
- [Reading Books](guide/reading.md)
    - [Nested](guide/nested.md)
        - [Deeper](guide/deeper%20one.md)
- [Draft Chapter]()

---

# Reference

1. [Numbered](ref/numbered.md)
2. [Also numbered](./ref/also.md)

---

[Contributors](misc/contributors.md)
[Appendix](appendix.md)
`;

describe('summaryChapters (mdBook SUMMARY.md)', () => {
  it('lists prefix, numbered (nested), part and suffix chapters in reading order, drafts skipped', () => {
    expect(urls(FULL)).toEqual([
      'README.md',
      'foreword.md',
      'guide/installation.md',
      'guide/reading.md',
      'guide/nested.md',
      'guide/deeper%20one.md',
      'ref/numbered.md',
      './ref/also.md',
      'misc/contributors.md',
      'appendix.md',
    ]);
  });

  it('resolves each chapter under the src folder, %-escapes decoded, with its title and position', () => {
    const chapters = chaptersOf(FULL);
    expect(chapters[5]).toMatchObject({ title: 'Deeper', path: path.join(SRC, 'guide', 'deeper one.md') });
    expect(chapters[7]).toMatchObject({ path: path.join(SRC, 'ref', 'also.md'), place: { line: 19, column: 4 } });
    expect(chapters[0]?.place).toEqual({ line: 3, column: 1 });
  });

  it('skips external links and lists a file named twice once, at its first place', () => {
    expect(urls('- [A](a.md)\n- [Site](https://example.com)\n- [A again](a.md#x)\n- [B](b.md)\n')).toEqual([
      'a.md',
      'b.md',
    ]);
  });

  it('has no chapters when every entry is a draft', () => {
    expect(urls('# Summary\n\n- [One]()\n- [Two]()\n')).toEqual([]);
  });

  it('finds every non-draft entry of any nesting, once, in order (property)', () => {
    const entry = fc.record({
      depth: fc.integer({ min: 0, max: 3 }),
      name: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
      draft: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        // A list cannot start deeper than its first level: clamp each depth to one more than the one before.
        let previous = -1;
        const lines = entries.map(({ depth, name, draft }) => {
          const level = Math.min(depth, previous + 1);
          previous = level;
          return `${'    '.repeat(level)}- [${name}](${draft ? '' : `${name}.md`})`;
        });
        const expected = [...new Set(entries.filter((e) => !e.draft).map((e) => `${e.name}.md`))];
        expect(urls(`# Summary\n\n${lines.join('\n')}\n`)).toEqual(expected);
      }),
    );
  });
});
