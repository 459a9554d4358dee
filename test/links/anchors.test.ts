import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Heading, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { anchorIds } from '../../src/links/anchors.ts';
import { loadDeck } from '../../src/pipeline/load.ts';
import { tempDir } from '../helpers.ts';

const DECK = `---
title: Anchors
---

## Setup

Text.

### Details

::: notes
### Details
:::

## Details

:::columns
::::column
### Setup
::::
:::
`;

/** Every heading of the loaded deck's slides (content, then notes), as `text → anchor`. */
function headingAnchors(markdown: string): { found: string[]; ids: string[] } {
  const file = path.join(tempDir('anchors'), 'deck.md');
  writeFileSync(file, markdown);
  const { deck } = loadDeck({ name: 'anchors', path: file }, { knownThemes: new Set(['dark']) });
  if (!deck) throw new Error('the deck did not load');
  const found: string[] = [];
  for (const item of deck.items)
    for (const slide of item.kind === 'slide' ? [item.slide] : item.slides)
      for (const node of [...slide.content, ...slide.notes])
        visit(node as Nodes, 'heading', (heading: Heading) => {
          found.push(`${toString(heading)} → ${heading.data?.anchor ?? '(none)'}`);
        });
  return { found, ids: [...anchorIds(deck)].sort() };
}

describe('heading anchors', () => {
  it('sit on each heading node once loaded: a slide title has its slide id, others a unique slug', () => {
    const { found, ids } = headingAnchors(DECK);
    expect(found).toEqual([
      'Setup → setup',
      'Details → details-1',
      'Details → details-2',
      'Details → details',
      'Setup → setup-1',
    ]);
    // What links may point at: the same ids.
    expect(ids).toEqual(['details', 'details-1', 'details-2', 'setup', 'setup-1']);
  });
});
