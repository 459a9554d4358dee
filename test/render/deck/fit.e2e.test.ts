/**
 * Code that fits (issue 15, item 1): the build lays every slide out in chromium, shrinks code blocks down to the
 * 18 px floor, writes the size into the deck and the handout, and reports what still does not fit with its cause.
 * The shrunk blocks are then checked in reveal.js's own screen view, not in the measuring layout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBrowser, withPage } from '../../../src/browser/browser.ts';
import { REPO, runCli, tempDir, tempProject } from '../../helpers.ts';

const lines = (count: number, text: string) =>
  Array.from({ length: count }, (_, index) => `${text} ${index + 1}`).join('\n');
const LINE_140 = `int table[] = { ${'12345, '.repeat(17)}0 };`.padEnd(140, ' ').replace(/ +$/, '').padEnd(140, '/');
const LINE_97 = `let words = [${'"word", '.repeat(10)}"end"]; // ${'x'.repeat(97)}`.slice(0, 97);

const DECK = `---
title: Fitting code
---

## Wide in a column

::::columns
:::column
Prose beside the code.
:::
:::column
\`\`\`text
${LINE_140}
\`\`\`
:::
::::

## Tall enough to shrink

\`\`\`text
${lines(22, 'a line of the block that shrinks to fit, number')}
\`\`\`

## The same, kept as written

\`\`\`text fit=false
${lines(22, 'a line of the block that shrinks to fit, number')}
\`\`\`

## Far too tall

\`\`\`text
${lines(40, 'a line of a block too tall for any slide, number')}
\`\`\`

## Ninety-seven characters

\`\`\`text
${LINE_97}
\`\`\`
`;

/** The font size written on each `<pre>` of a page, in order (`undefined`: the theme's size). */
function preSizes(html: string): (number | undefined)[] {
  return [...html.matchAll(/<pre\b[^>]*>/g)].map((match) => {
    const size = /font-size:([\d.]+)px/.exec(match[0]);
    return size ? Number(size[1]) : undefined;
  });
}

describe('code blocks fit their slide', () => {
  let root: string;
  let stderr: string;
  let html: string;

  beforeAll(() => {
    expect([LINE_140.length, LINE_97.length]).toEqual([140, 97]);
    root = tempProject({ fit: DECK });
    const build = runCli(root, ['build']);
    expect(build.status, build.stderr).toBe(0);
    stderr = build.stderr;
    html = readFileSync(path.join(root, 'dist', 'fit', 'index.html'), 'utf8');
  });

  it('reports a line too wide for its column at the fence, with the advice to wrap it', () => {
    expect(stderr).toContain(
      'decks/fit/deck.md:12:1: warning: line 1 of the code block is 140 characters; at the 18 px floor only',
    );
    expect(stderr).toMatch(/help: Wrap the line at \d+ characters, or give the block more room/);
  });

  it('shrinks a block to fit its slide, never below 18 px, and leaves fit=false blocks alone', () => {
    const [wide, shrunk, kept, tall, line97] = preSizes(html);
    // The 140-character line would need ~7 px: the block keeps its size and is reported instead.
    expect(wide).toBeUndefined();
    expect(shrunk).toBeGreaterThanOrEqual(18);
    expect(shrunk).toBeLessThan(21.6);
    expect(kept).toBeUndefined();
    expect(tall).toBeUndefined();
    expect(line97).toBeGreaterThanOrEqual(18);
    expect(line97).toBeLessThan(21.6);
  });

  it('reports a block too tall even at the floor, and an overflowing fit=false block: split the slide', () => {
    expect(stderr).toMatch(
      /deck\.md:47:1: warning: the code block has 22 lines; at its size \(fit=false\) only \d+ show/,
    );
    expect(stderr).toMatch(
      /deck\.md:74:1: warning: the code block has 40 lines; even at the 18 px floor only \d+ show/,
    );
    expect(stderr).toContain('help: Split the slide with ---');
    expect(stderr).toContain('0 errors, 3 warnings');
  });

  it('writes the same sizes into the handout the PDF is printed from', () => {
    const handout = readFileSync(path.join(root, 'dist', 'fit', 'handout.html'), 'utf8');
    expect(preSizes(handout)).toEqual(preSizes(html));
  });

  it('fits in reveal.js on screen: no line cut off, nothing below the slide', async () => {
    const url = pathToFileURL(path.join(root, 'dist', 'fit', 'index.html')).href;
    const slides = await withBrowser((browser) =>
      withPage(browser, async (page) => {
        await page.setViewport({ width: 1280, height: 720 });
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return page.evaluate(async () => {
          const reveal = (window as unknown as { Reveal: { slide(h: number): void; getSlides(): HTMLElement[] } })
            .Reveal;
          const result: { clipped: boolean; below: number }[] = [];
          for (const [index, slide] of reveal.getSlides().entries()) {
            reveal.slide(index);
            await new Promise((resolve) => setTimeout(resolve, 50));
            const pre = slide.querySelector('pre');
            const edge = slide.getBoundingClientRect().bottom;
            const bottom = Math.max(...[...slide.children].map((child) => child.getBoundingClientRect().bottom));
            result.push({ clipped: pre ? pre.scrollWidth > pre.clientWidth + 1 : false, below: bottom - edge });
          }
          return result;
        });
      }),
    );
    // Title, wide (reported), shrunk, kept (reported), tall (reported), 97 characters.
    expect(slides.map((slide) => slide.clipped)).toEqual([false, true, false, false, false, false]);
    expect(slides.map((slide) => slide.below > 1)).toEqual([false, false, false, true, true, false]);
  });

  it('writes byte-identical HTML when measured again without the cache', () => {
    const again = runCli(root, ['build', '--no-pdf', '--no-cache']);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'dist', 'fit', 'index.html'), 'utf8')).toBe(html);
    const cached = runCli(root, ['build', '--no-pdf']);
    expect(cached.stderr).toContain('0 errors, 3 warnings');
    expect(readFileSync(path.join(root, 'dist', 'fit', 'index.html'), 'utf8')).toBe(html);
  });
});

describe('the flagship deck', () => {
  it('has no slide that overflows', () => {
    const out = tempDir('fit-flagship');
    const build = runCli(REPO, ['build', 'decks/rust-in-kernel', '--no-pdf', '--out', out]);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).not.toContain('deck/overflow');
  });
});

describe('fit=false inside containers', () => {
  // Each block would shrink to fit; fit=false keeps it as written, wherever the fence sits.
  const block = `\`\`\`text fit=false\n${lines(22, 'short line')}\n\`\`\``;
  const deck = `---
title: Opt-outs
---

## In a column

::::columns
:::column
${block}
:::
:::column
Prose beside the code.
:::
::::

## In a list

- An item with code:

${block.replace(/^/gm, '  ')}
`;

  it('keeps the size of a fit=false block in a column or a list item, and reports it', () => {
    const root = tempProject({ optouts: deck });
    const build = runCli(root, ['build', '--no-pdf']);
    expect(build.status, build.stderr).toBe(0);
    const html = readFileSync(path.join(root, 'dist', 'optouts', 'index.html'), 'utf8');
    expect(preSizes(html)).toEqual([undefined, undefined]);
    // A block too tall is reported at the slide's top-level block that holds it: the column, the list.
    expect(build.stderr).toMatch(/deck\.md:8:1: warning: the code block has 22 lines; at its size \(fit=false\)/);
    expect(build.stderr).toMatch(/deck\.md:41:1: warning: the code block has 22 lines; at its size \(fit=false\)/);
  });
});
