/**
 * The fit stage's per-slide cache (issue 16, item 4): after an edit only the slides whose markup changed are laid out
 * in chromium again; the deck comes out byte-identical to a build measured from scratch, with the same warnings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/browser.ts';
import { createBrowserSession } from '../../src/browser/session.ts';
import { buildDecks } from '../../src/pipeline/build.ts';
import { tempDir, tempProject } from '../helpers.ts';

const code = (lines: number, width = 40) =>
  Array.from({ length: lines }, (_, index) => `line ${index + 1} `.padEnd(width, 'x')).join('\n');

const deck = (intro: string, edited: string) => `---
title: Per-slide fitting
---

${intro}

## Too wide

\`\`\`text
${code(3, 160)}
\`\`\`

## Shrinks to fit

\`\`\`text
${code(22)}
\`\`\`

## ${edited}

Some prose that does not overflow.

# A section

Its title slide.

## Far too tall

\`\`\`text
${code(40)}
\`\`\`
`;

/** Builds `root` with a real chromium; returns the deck, the warnings, and the slides each measuring page held. */
async function build(root: string, out: string, noCache = false) {
  const pages: number[] = [];
  const browser = createBrowserSession(async () => {
    const launched: Browser = await launchBrowser({ handleSignals: false });
    // Every page the fit stage measures in (a new tab, or the blank one chromium starts with) reports its slides.
    const track = (page: Page): Page => {
      const goto = page.goto.bind(page);
      page.goto = (url, options) => {
        const html = readFileSync(fileURLToPath(url), 'utf8');
        pages.push((html.match(/<section (?!class="stack")/g) ?? []).length);
        return goto(url, options);
      };
      return page;
    };
    const newPage = launched.newPage.bind(launched);
    launched.newPage = async (...args) => track(await newPage(...args));
    const open = launched.pages.bind(launched);
    launched.pages = async (...args) => (await open(...args)).map(track);
    return launched;
  });
  try {
    const result = await buildDecks({ root, pdf: false, outDir: out, noCache, browser });
    const warnings = result.files.flatMap((file) =>
      file.messages.map((message) => `${message.line}: ${message.reason}`),
    );
    const html = readFileSync(path.join(root, out, 'fit', 'index.html'), 'utf8');
    return { html, warnings, pages, launches: browser.launches };
  } finally {
    await browser.close();
  }
}

describe('the fit cache, slide by slide', () => {
  it('measures only the edited slide, and writes what a build from scratch writes', async () => {
    const root = tempProject({ fit: deck('', 'A slide') });
    const first = await build(root, 'dist');
    expect(first.pages).toEqual([6]);
    expect(first.warnings).toHaveLength(2);
    // Unchanged: chromium is not even started (it is started early only for a deck edited since it was measured).
    expect((await build(root, 'dist')).launches).toBe(0);

    // Every slide's lines move (and with them the warnings), and one slide's text changes.
    writeFileSync(path.join(root, 'decks', 'fit', 'deck.md'), deck('\n\n', 'A slide, edited'));
    const edited = await build(root, 'dist');
    expect(edited.pages).toEqual([1]);
    expect(edited.launches).toBe(1);
    const scratch = await build(root, path.relative(root, tempDir('fit-scratch')), true);
    expect(scratch.pages).toEqual([6]);
    expect(edited.html).toBe(scratch.html);
    expect(edited.warnings).toEqual(scratch.warnings);
    expect(edited.warnings).not.toEqual(first.warnings);
  });

  it('caches a deck whose slide holds a <section> of its own as one entry, measured whole', async () => {
    const root = tempProject({ fit: deck('', 'A slide\n\n<section><p>Raw HTML</p></section>') });
    const first = await build(root, 'dist');
    expect(first.pages).toEqual([6]);
    const again = await build(root, 'dist');
    expect(again.launches).toBe(0);
    expect(again.html).toBe(first.html);
    expect(again.warnings).toEqual(first.warnings);
    // An edit elsewhere lays the whole deck out again: its slides have no keys of their own.
    writeFileSync(
      path.join(root, 'decks', 'fit', 'deck.md'),
      deck('\n', 'A slide\n\n<section><p>Raw HTML</p></section>'),
    );
    expect((await build(root, 'dist')).pages).toEqual([6]);
  });
});
