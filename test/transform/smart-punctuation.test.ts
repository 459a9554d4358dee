import fc from 'fast-check';
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { describe, expect, it, vi } from 'vitest';
import { curledTexts, reuseCurled, withSmartPunctuation } from '../../src/transform/smart-punctuation.ts';

/** remark-smartypants as proofdeck used it before it skipped strings no rule can change: the reference. */
const reference = (remarkSmartypants as unknown as (options: object) => (tree: Root) => void)({
  dashes: 'oldschool',
  backticks: false,
});

/** Text heavy in what the rules look at: quotes, dashes, dots, white space (parse-latin's too), digits. */
const text = fc
  .array(
    fc.constantFrom('"', "'", '-', '--', '–', '.', '...', ' ', '\n', '\u00a0', '\u0085', 'a', 'It', '90s', '5', ','),
    {
      maxLength: 14,
    },
  )
  .map((parts) => parts.join(''));

const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  text.map((value): PhrasingContent => ({ type: 'text', value })),
  text.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
  text.map((value): PhrasingContent => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
);

const blocks = fc.array(
  fc.array(phrasing, { minLength: 1, maxLength: 4 }).map((children): Paragraph => ({ type: 'paragraph', children })),
  { minLength: 1, maxLength: 3 },
);

/** Every text value, in document order. */
function texts(nodes: readonly RootContent[]): string[] {
  return nodes.flatMap((node) =>
    'value' in node ? [node.value] : 'children' in node ? texts(node.children as RootContent[]) : [],
  );
}

describe('withSmartPunctuation', () => {
  it('smartens exactly as remark-smartypants does', () => {
    // retext-smartypants 6.2 logs "drop" to stdout whenever it merges `–-` into an em dash.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    fc.assert(
      fc.property(blocks, (nodes) => {
        const expected = structuredClone(nodes);
        reference({ type: 'root', children: expected });
        const seen = withSmartPunctuation(nodes, 'full', () => texts(nodes));
        expect(seen).toEqual(texts(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('changes dashes, dots and quotes pandoc changes, and puts the text back afterwards', () => {
    const nodes: Paragraph[] = [{ type: 'paragraph', children: [{ type: 'text', value: `"It's" -- a --- b...` }] }];
    expect(withSmartPunctuation(nodes, 'full', () => texts(nodes))).toEqual(['“It’s” – a — b…']);
    expect(texts(nodes)).toEqual([`"It's" -- a --- b...`]);
  });

  it("reuses an earlier build's quote pass for the same text, and hands on the texts this build used", () => {
    const nodes: Paragraph[] = [{ type: 'paragraph', children: [{ type: 'text', value: '"a" and \'b\'' }] }];
    reuseCurled(new Map());
    expect(withSmartPunctuation(nodes, 'full', () => texts(nodes))).toEqual(['“a” and ‘b’']);
    const [[text = '', curled = ''] = []] = [...curledTexts()];
    expect(curled).toContain('“a” and ‘b’');
    // A result only reuse can give: the text is not curled again.
    reuseCurled(new Map([[text, curled.replace('“a”', '«a»')]]));
    expect(withSmartPunctuation(nodes, 'full', () => texts(nodes))).toEqual(['«a» and ‘b’']);
    expect([...curledTexts().keys()]).toEqual([text]);
    reuseCurled(new Map());
    expect(withSmartPunctuation(nodes, 'full', () => texts(nodes))).toEqual(['“a” and ‘b’']);
  });
});
