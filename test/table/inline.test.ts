import fc from 'fast-check';
import type { PhrasingContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { inlineContent, parseInline } from '../../src/table/inline.ts';

/** What micromark makes of a value joined into one line: the reference the shortcut must agree with. */
function viaMicromark(value: string): PhrasingContent[] {
  const text = value.replace(/\s*(?:\r\n?|\n)\s*/g, ' ').trim();
  const root = unified().use(remarkParse).use(remarkGfm).parse(text);
  const only = root.children.length === 1 ? root.children[0] : undefined;
  if (only?.type !== 'paragraph') return text === '' ? [] : [{ type: 'text', value: text }];
  visit(only, (node) => {
    delete node.position;
  });
  return only.children;
}

describe('parseInline', () => {
  it('parses markdown in values', () => {
    expect(parseInline('`CONFIG_RUST`, x86_64')).toEqual([
      { type: 'inlineCode', value: 'CONFIG_RUST' },
      { type: 'text', value: ', x86_64' },
    ]);
    expect(inlineContent('[6.1](https://kernel.org)')).toEqual({ text: '6.1', hasLink: true });
    expect(inlineContent('see www.kernel.org')).toEqual({ text: 'see www.kernel.org', hasLink: true });
    expect(parseInline('x86_64, `a_b`: 6.2–6.7')).toEqual([
      { type: 'text', value: 'x86_64, ' },
      { type: 'inlineCode', value: 'a_b' },
      { type: 'text', value: ': 6.2–6.7' },
    ]);
  });

  it('keeps block-looking values literal', () => {
    expect(parseInline('- item')).toEqual([{ type: 'text', value: '- item' }]);
    expect(parseInline('1.')).toEqual([{ type: 'text', value: '1.' }]);
  });

  const plainCharacter = fc.constantFrom(...'abcxyzé019 .,;()\'"+=%/?-');
  const markdownCharacter = fc.constantFrom(...'*_`[]<>&\\~!#|:@w–\r\t\u0000', 'www.', 'http://', '`a`', ' `');
  const value = (special: number) =>
    fc
      .array(fc.oneof({ arbitrary: plainCharacter, weight: 8 }, { arbitrary: markdownCharacter, weight: special }), {
        maxLength: 20,
      })
      .map((characters) => characters.join('').trim());

  it('agrees with micromark on values made of plain-text characters', () => {
    fc.assert(
      fc.property(value(0), (text) => {
        expect(parseInline(text)).toEqual(viaMicromark(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with micromark on values with markdown characters mixed in', () => {
    fc.assert(
      fc.property(value(2), (text) => {
        expect(parseInline(text)).toEqual(viaMicromark(text));
      }),
      { numRuns: 2000 },
    );
  });
});
