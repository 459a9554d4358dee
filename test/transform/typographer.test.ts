import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { typographer } from '../../src/transform/typographer.ts';

/** Slidev's markdown-it: `typographer` on, quotation marks straight (packages/slidev/node/vite/markdown.ts). */
const slidev = new MarkdownIt({ typographer: true, quotes: '""\'\'' });
const theirs = (text: string) => slidev.renderInline(text).replace(/&quot;/g, '"');

/** Pieces of text without markdown syntax, so markdown-it sees one text run as the port does. */
const PIECES = [
  'a',
  'Z',
  '9',
  ' ',
  "'",
  '"',
  '-',
  '--',
  '.',
  '?',
  '!',
  ',',
  '(c)',
  '(TM)',
  '(r)',
  '+',
  'é',
  '…',
  '(',
  ')',
];

describe('typographer (Slidev)', () => {
  it('writes what markdown-it writes for sentences', () => {
    const cases = [
      'Don\'t say "never" -- it\'s 1990--2000, or --- wait...',
      "Rock 'n' roll, the '90s and the 90s' music.",
      'Copyright (c) 2024 (TM) +- 2 ?.... !!!!!! ,, done..',
      "'single' and \"double 'nested' quotes\" end'",
    ];
    for (const text of cases) expect(typographer(text)).toBe(theirs(text));
  });

  it('agrees with markdown-it on random text', () => {
    const text = fc
      .array(fc.constantFrom(...PIECES), { maxLength: 24 })
      .map((pieces) => pieces.join('').trim())
      .filter((value) => value.length > 0);
    fc.assert(
      fc.property(text, (value) => {
        expect(typographer(value)).toBe(theirs(value));
      }),
      { numRuns: 3000 },
    );
  });
});
