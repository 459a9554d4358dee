import type { Element } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { contentToHast } from '../../src/transform/slide.ts';
import { vfileOf } from '../helpers.ts';

const MARKDOWN = '## Slide\n\n:::columns\n::::column\ntext\n::::\n:::\n\n```c\nint x;\n```\n';

describe('contentToHast', () => {
  it('keeps the markdown position on what custom handlers make (containers, code)', () => {
    const tree = parseMarkdown(vfileOf(MARKDOWN));
    const hast = contentToHast(tree.children, {
      renderCode: () => h('pre.custom', 'code'),
      assets: new Map(),
    });
    const lines = new Map<string, number | undefined>();
    visit(hast, 'element', (node: Element) => {
      const name = [node.tagName, ...((node.properties.className as string[] | undefined) ?? [])].join('.');
      if (!lines.has(name)) lines.set(name, node.position?.start.line);
    });
    expect(lines.get('div.columns')).toBe(3);
    expect(lines.get('div.column')).toBe(4);
    expect(lines.get('pre.custom')).toBe(9);
  });
});
