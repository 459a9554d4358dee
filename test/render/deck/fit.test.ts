import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../../src/parse/fence-meta.ts';
import { parseMarkdown } from '../../../src/parse/parser.ts';
import { fitWarning } from '../../../src/render/deck/fit-advice.ts';
import { applyFit, fitFloor, markForFitting } from '../../../src/render/deck/fit.ts';
import { contentToHast } from '../../../src/transform/slide.ts';
import { vfileOf } from '../../helpers.ts';

const at = (line: number, column = 1) => ({ start: { line, column }, end: { line, column: column + 1 } });

/**
 * A slide with a paragraph, a snippet figure (its pre unpositioned, as the code renderer makes it) and a
 * `fit=false` pre; each fence's info string is on what its renderer returned, as transform/slide.ts puts it.
 */
function slide(): Element {
  const paragraph = h('p', 'Text');
  paragraph.position = at(3);
  const figure = h('figure.snippet', [h('pre', { style: 'color:#fff' }, [h('code', 'int x;')]), h('span.badge')]);
  figure.position = at(5);
  figure.data = { fenceMeta: parseFenceMeta('c', null) } as Element['data'];
  const plain = h('pre', [h('code', 'plain')]);
  plain.position = at(9, 3);
  plain.data = { fenceMeta: parseFenceMeta('text', 'fit=false') } as Element['data'];
  return h('section', { dataLine: '1' }, [paragraph, figure, plain]);
}

describe('markForFitting', () => {
  it('marks positioned blocks and fit-able code blocks, and leaves the sections as rendered when unmarked', () => {
    const section = slide();
    const before = toHtml(section);
    const marks = markForFitting([section]);
    expect(marks.positions).toEqual([
      { line: 3, column: 1 },
      { line: 5, column: 1 },
      { line: 9, column: 3 },
    ]);
    expect(marks.blocks).toHaveLength(1);
    const marked = toHtml(section);
    expect(marked).toContain('<figure class="snippet" data-pd-pos="1"><pre style="color:#fff" data-pd-fit="0">');
    expect(marked).toContain('<pre data-pd-pos="2" data-pd-nofit="">');
    marks.unmark();
    expect(toHtml(section)).toBe(before);
  });

  it("writes a measured size after the block's own style", () => {
    const section = slide();
    const marks = markForFitting([section]);
    marks.unmark();
    applyFit(marks.blocks, [[0, 19.5]]);
    expect(toHtml(section)).toContain('<pre style="color:#fff;font-size:19.5px">');
  });

  it('finds fit=false on the fence a block was rendered from, inside columns and list items too', () => {
    const markdown = [
      '::::columns',
      ':::column',
      '```text fit=false',
      'kept',
      '```',
      ':::',
      ':::column',
      '```text',
      'shrinks',
      '```',
      ':::',
      '::::',
      '',
      '- item',
      '',
      '  ```text fit=false',
      '  kept',
      '  ```',
      '',
    ].join('\n');
    const hast = contentToHast(parseMarkdown(vfileOf(markdown)).children, {
      renderCode: (node) => h('figure', [h('pre', [h('code', node.value)]), h('pre.proof-output', 'output')]),
      assets: new Map(),
    });
    markForFitting([h('section', hast.children as Element['children'])]);
    const marked = [...toHtml(hast).matchAll(/<pre[^>]*>(?:<code>)?(\w+)/g)].map(
      ([tag, text]) => `${text}: ${/data-pd-nofit/.test(tag) ? 'kept' : /data-pd-fit/.test(tag) ? 'fits' : '-'}`,
    );
    expect(marked).toEqual([
      'kept: kept',
      'output: kept',
      'shrinks: fits',
      'output: fits',
      'kept: kept',
      'output: kept',
    ]);
  });
});

describe('fit advice', () => {
  const positions = [{ line: 7, column: 1 }];

  it('says to wrap a line that is too wide, and to split a slide that is too tall', () => {
    const wide = { kind: 'code-wide', pos: 0, slide: 5, line: 3, chars: 97, fitChars: 80, fit: true } as const;
    expect(fitWarning(wide, positions, 18)).toEqual({
      line: 7,
      column: 1,
      message:
        'line 3 of the code block is 97 characters; at the 18 px floor only 80 fit in its box, ' +
        'so it is cut off on the right',
      help: 'Wrap the line at 80 characters, or give the block more room (outside the columns).',
    });
    const tall = { kind: 'tall', pos: -1, slide: 5, tag: 'li', over: 120 } as const;
    expect(fitWarning(tall, positions, 18)).toMatchObject({ line: 5, column: 1 });
    expect(fitWarning(tall, positions, 18).help).toContain('Split the slide with ---');
  });

  it('scales the floor with the slide height', () => {
    expect(fitFloor(720)).toBe(18);
    expect(fitFloor(1080)).toBe(27);
  });
});
