import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBrowserSession } from '../../src/browser/session.ts';
import { buildDecks } from '../../src/pipeline/build.ts';
import { previewDeck, snapshotOf, type DeckSnapshot } from '../../src/pipeline/preview.ts';
import { createHighlighterPool } from '../../src/transform/highlight.ts';
import { tempProject } from '../helpers.ts';

// Every kind of section the fast path must render as the build does: a title slide, links to another
// slide, a table, code the fit stage shrinks, a stack of vertical slides, notes, a diagram and a compiled snippet.
const LONG = `print(${'"a long line of code that does not fit the slide at the default size", '.repeat(1)}1)`;
const DECK = `---
title: Preview
---

## First

Alpha with a [link](#third) and "quotes".

## Second

\`\`\`python
${Array.from({ length: 20 }, (_, i) => `${LONG}  # ${i}`).join('\n')}
\`\`\`

# Third

Stack title text.

## Fourth

| a | b |
| - | - |
| one | two |

Note: spoken words.

## Diagram

\`\`\`mermaid
flowchart LR
  A --> B
\`\`\`

## Snippet

\`\`\`c
#include <stdio.h>
int main(void) { puts("hi"); return 0; }
\`\`\`
`;

/** One word edits in each section, and an edit of a heading (which every link's anchor may depend on). */
const EDITS: [string, string][] = [
  ['Alpha with', 'Omega with'],
  ['# 19', '# 91'],
  ['Stack title text.', 'Stack title words.'],
  ['| one |', '| uno |'],
  ['spoken words', 'spoken phrases'],
  ['## Fourth', '## Quarter'],
  ['A --> B', 'A --> C'],
  ['puts("hi")', 'puts("ho")'],
];

describe('previewDeck (the dev fast path)', () => {
  const browser = createBrowserSession();
  const highlighters = createHighlighterPool();
  afterAll(async () => {
    await browser.close();
    highlighters.dispose();
  });

  /** A full build (fit, render, written to dist/), and the deck's snapshot from it. */
  async function build(root: string): Promise<DeckSnapshot> {
    let snapshot: DeckSnapshot | undefined;
    const result = await buildDecks({
      root,
      pdf: false,
      browser,
      highlighters,
      onWritten: (docs) => {
        snapshot = docs[0] ? snapshotOf(docs[0]) : undefined;
      },
    });
    expect(result.written).toEqual(['preview', 'site']);
    if (!snapshot) throw new Error('no snapshot');
    return snapshot;
  }

  it.each(EDITS)('renders only what %s → %s changed, as the full build does', async (from, to) => {
    const root = tempProject({ preview: DECK });
    const file = path.join(root, 'decks', 'preview', 'deck.md');
    const before = await build(root);
    expect(before.html.join('')).toContain('font-size:');
    writeFileSync(file, DECK.replace(from, to));
    const preview = await previewDeck(before, { root, browser, highlighters });
    const after = await build(root);
    if (!preview) throw new Error('no preview');
    expect(preview.snapshot.html).toEqual(after.html);
    const changed = after.html.flatMap((html, index) => (html !== before.html[index] ? [index] : []));
    expect(changed.length).toBeGreaterThan(0);
    expect(preview.sections.map(({ index }) => index)).toEqual(changed);
    expect(preview.count).toBe(after.html.length);
    const written = readFileSync(path.join(root, 'dist', 'preview', 'index.html'), 'utf8');
    for (const { html } of preview.sections) expect(written).toContain(html);
  });

  it('chains: each preview compares with the last one, and the sequence ends as the full build', async () => {
    const root = tempProject({ preview: DECK });
    const file = path.join(root, 'decks', 'preview', 'deck.md');
    let snapshot = await build(root);
    let text = DECK;
    for (const [from, to] of [...EDITS, ['Omega with', 'Alpha with'] as [string, string]]) {
      text = text.replace(from, to);
      writeFileSync(file, text);
      const preview = await previewDeck(snapshot, { root, browser, highlighters });
      if (!preview) throw new Error(`no preview after ${from} → ${to}`);
      snapshot = preview.snapshot;
    }
    expect(snapshot.html).toEqual((await build(root)).html);
  });

  it('has no fast path for an edit with an error, or one that adds a slide', async () => {
    const root = tempProject({ preview: DECK });
    const file = path.join(root, 'decks', 'preview', 'deck.md');
    const before = await build(root);
    writeFileSync(file, DECK.replace('title: Preview', 'title: Preview\ncolour: red'));
    expect(await previewDeck(before, { root, browser, highlighters })).toBeUndefined();
    writeFileSync(file, `${DECK}\n# Fifth\n\nMore.\n`);
    expect(await previewDeck(before, { root, browser, highlighters })).toBeUndefined();
  });
});
