/**
 * Issue 14's findings, one test each, on decks built by the real CLI: dialect syntax is read, never printed
 * on a slide, and what proofdeck cannot honour is a positioned warning.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/pipeline/load.ts';
import type { DeckItem } from '../../src/model/deck.ts';
import { FIXTURES, runCli, tempProject } from '../helpers.ts';

const DECKS: Record<string, string> = {
  'native-divs': `---
title: Native deck, pandoc divs
---

## Notes and lists

::: incremental
- one
- two
:::

::: notes
Only for the speaker.
:::

## Columns

::: columns
::: {.column width="40%"}
Left side
:::
::: {.column width="60%"}
Right side
:::
:::
`,
  'native-attributes': `---
title: Native deck, pandoc attributes
---

## Dark slide {#dark background="#222" .smaller}

Text on dark.

## Pauses

First.

. . .

Second.

## Images

![A dot](bg.png){width=50%}

![Stretched](bg.png){.r-stretch}
`,
  'reveal-md-deck': `---
title: reveal-md deck
separator: "^\\r?\\n---\\r?\\n$"
verticalSeparator: "^\\r?\\n----\\r?\\n$"
---

Main title
==========

---

# A level one heading

Not a stack of its own.

----

## Below

note: lower-case notes are hidden.

---

## Thumbs

Nice :+1:
`,
  'reveal-blank': `---
dialect: reveal
separator: "^\\n\\n\\n"
verticalSeparator: "^\\n\\n"
---

## One


## One below



## Two
`,
  'no-title': `---
theme: dark
---

## First slide

No title in the frontmatter.
`,
  'no-frontmatter': `## Just slides

No frontmatter at all.
`,
  'own-title': `---
title: My talk
---

# My talk

A title slide of its own.

## Next

Body.
`,
  'title-off': `---
title: Titled
titleSlide: false
---

## Only slide

Text.
`,
  'quarto-keys': `---
title: Quarto keys
format:
  revealjs:
    slide-number: true
    chalkboard: true
footer: "A footer line"
logo: bg.png
filters:
  - lightbox
---

## Slide

::: {.panel-tabset}
A tabset proofdeck does not lay out.
:::
`,
};

let root: string;
let stderr: string;
let status: number;

function html(name: string): string {
  return readFileSync(path.join(root, 'dist', name, 'index.html'), 'utf8');
}

/** The text a viewer sees on the slides: notes, scripts and tags removed. */
function visibleText(name: string): string {
  return html(name)
    .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

function items(name: string, file = `${name}.md`): DeckItem[] {
  const { deck } = loadDeck(
    { name, path: path.join(root, 'decks', file) },
    { knownThemes: new Set(['dark', 'light']) },
  );
  return deck?.items ?? [];
}

const shape = (list: DeckItem[]) => list.map((item) => (item.kind === 'slide' ? 1 : item.slides.length));

beforeAll(() => {
  root = tempProject();
  const decks = path.join(root, 'decks');
  mkdirSync(decks, { recursive: true });
  for (const [name, markdown] of Object.entries(DECKS)) writeFileSync(path.join(decks, `${name}.md`), markdown);
  copyFileSync(path.join(FIXTURES, 'dialects', 'pandoc', 'bg.png'), path.join(decks, 'bg.png'));
  copyFileSync(path.join(FIXTURES, 'dialects', 'pandoc', 'quarto-deck.qmd'), path.join(decks, 'quarto.qmd'));
  const paths = [...Object.keys(DECKS).map((name) => `decks/${name}.md`), 'decks/quarto.qmd'];
  const result = runCli(root, ['build', '--no-pdf', '--no-site', ...paths]);
  stderr = result.stderr;
  status = result.status;
});

describe('issue 14 findings', () => {
  it('builds every deck with exit 0 and no errors', () => {
    expect(stderr).not.toMatch(/: error:/);
    expect(status).toBe(0);
  });

  it('reads pandoc divs with a space or braces in native decks: no ::: text, notes off the slide', () => {
    const text = visibleText('native-divs');
    expect(text).not.toContain(':::');
    expect(text).not.toContain('Only for the speaker');
    expect(html('native-divs')).toContain('<aside class="notes">');
    expect(html('native-divs')).toMatch(/<li class="fragment">one<\/li>/);
    expect(html('native-divs')).toMatch(/<div class="column" style="width: 40%">/);
    expect(html('native-divs')).toMatch(/<div class="column" style="width: 60%">/);
  });

  it('turns heading attributes into slide attributes, not heading text', () => {
    const page = html('native-attributes');
    expect(page).toMatch(/<section id="dark"[^>]*class="smaller"[^>]*data-background-color="#222"/);
    expect(visibleText('native-attributes')).not.toContain('{');
  });

  it('makes `. . .` a pause and image attributes attributes', () => {
    const page = html('native-attributes');
    expect(visibleText('native-attributes')).not.toContain('. . .');
    expect(page).toMatch(/<div class="fragment">\s*<p>Second\.<\/p>/);
    expect(page).toMatch(/<img src="assets\/bg\.[0-9a-f]+\.png" alt="A dot" style="width: 50%">/);
    // reveal.js stretches only direct children of the slide, so the paragraph around the image goes (and a
    // stretched image is no figure, as in pandoc's output; the one before it is).
    expect(page).toMatch(/<\/figure>\s*<img src="assets\/bg\.[0-9a-f]+\.png" alt="Stretched" class="r-stretch">/);
  });

  it('reads reveal-md separators: ---- is vertical, # does not start a stack, note: is a note, === a title', () => {
    expect(shape(items('reveal-md-deck'))).toEqual([1, 2, 1]);
    const text = visibleText('reveal-md-deck');
    expect(text).not.toMatch(/note:/i);
    expect(text).not.toContain('====');
    expect(html('reveal-md-deck')).toContain('<h1>Main title</h1>');
    expect(text).toContain('👍');
    expect(html('reveal-md-deck')).not.toContain('class="title-slide"');
  });

  it("honours reveal.js's blank-line separators", () => {
    expect(shape(items('reveal-blank'))).toEqual([2, 1]);
  });

  it('accepts a frontmatter without title, and a file without frontmatter, with no invented title slide', () => {
    expect(html('no-title')).not.toContain('title-slide');
    expect(html('no-title')).toContain('<title>First slide</title>');
    expect(html('no-frontmatter')).not.toContain('title-slide');
    expect(visibleText('no-frontmatter')).not.toContain('no-frontmatter');
  });

  it('makes a title slide only when wanted', () => {
    expect(html('own-title')).not.toContain('class="title-slide"');
    expect(html('title-off')).not.toContain('class="title-slide"');
    expect(html('quarto')).toContain('class="title-slide"');
  });

  it('accepts .qmd and maps Quarto keys; what it cannot honour is a positioned warning', () => {
    const page = html('quarto-keys');
    expect(page).toContain('<div class="deck-footer">A footer line</div>');
    expect(page).toMatch(/<img class="deck-logo" src="assets\/bg\.[0-9a-f]+\.png"/);
    expect(stderr).toContain('decks/quarto-keys.md:6:5: warning:');
    expect(stderr).toMatch(/quarto-keys\.md:9:1: warning: .*filters/);
    expect(stderr).toMatch(/quarto-keys\.md:15:1: warning: div class \.panel-tabset/);
    expect(visibleText('quarto-keys')).not.toContain(':::');
    expect(html('quarto')).toContain('<div class="deck-footer">Kernel Recipes 2026</div>');
  });
});
