/**
 * Link reference definitions in a Marp deck hold for the whole deck, as in marp-core: markdown-it parses the
 * file before marpit cuts it into slides, so `[docs]` on slide 1 links to `[docs]: …` written on slide 3.
 */
import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { translateMarp } from '../../src/dialect/marp-deck.ts';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const DECK = `---
marp: true
---

# Where to read more

The [handbook] and the [style guide][guide] say more.

---

# Second

Nothing to link here.

---

# Sources

[handbook]: https://example.org/handbook
[guide]: https://example.org/style "House style"
`;

/** Every link's text and target, in order. */
function proofdeckLinks(markdown: string): string[] {
  const links: string[] = [];
  const tree = parseMarkdown(new VFile({ path: '/talk/deck.md', value: markdown }));
  visit(tree, (node) => {
    if (node.type === 'linkReference' || node.type === 'link') {
      const text = 'children' in node ? node.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
      const target =
        node.type === 'link'
          ? node.url
          : tree.children.find((d) => d.type === 'definition' && d.identifier === node.identifier);
      links.push(`${text} → ${typeof target === 'string' ? target : target?.type === 'definition' ? target.url : ''}`);
    }
  });
  return links;
}

describe('Marp link reference definitions', () => {
  it('resolve on every slide, as marp-core resolves them', () => {
    const { html } = new Marp().render(DECK);
    const marp = [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[2]} → ${m[1]}`);
    expect(marp).toEqual(['handbook → https://example.org/handbook', 'style guide → https://example.org/style']);
    expect(proofdeckLinks(translateMarp(DECK, '/talk/deck.md').markdown)).toEqual(marp);
  });
});
