import type { Element } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { contentToHast } from '../../src/transform/slide.ts';
import { checkDirectives } from '../../src/check/deck/directives.ts';
import { checkUnclosedContainers } from '../../src/check/deck/unclosed-container.ts';
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

  it('renders Quarto callouts as titled boxes: title attribute, first heading, or the kind', () => {
    const markdown = [
      ':::callout-note',
      '## A titled note',
      'Body.',
      ':::',
      '',
      ':::callout-warning{title="Careful"}',
      'Do not.',
      ':::',
      '',
      ':::callout-tip',
      'Plain.',
      ':::',
      '',
    ].join('\n');
    const file = vfileOf(markdown);
    const tree = parseMarkdown(file);
    checkDirectives(tree, file);
    checkUnclosedContainers(tree, file);
    // The heading inside the callout is its title, not a slide heading its missing `:::` swallowed.
    expect(file.messages).toEqual([]);
    const html = toHtml(contentToHast(tree.children, { renderCode: () => h('pre'), assets: new Map() }));
    expect(html).toContain(
      '<div class="callout callout-note"><div class="callout-title">A titled note</div><div class="callout-body">',
    );
    expect(html).toContain('<div class="callout callout-warning"><div class="callout-title">Careful</div>');
    expect(html).toContain('<div class="callout callout-tip"><div class="callout-title">Tip</div>');
  });
});
