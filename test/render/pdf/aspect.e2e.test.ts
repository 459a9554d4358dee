/**
 * Every slide shape (16:9, 16:10, 4:3) is the same shape in the deck, the slide PDF and the handout frames; the
 * handout opened in a browser shows sheets of paper; a centred slide's underlined heading keeps its own width;
 * slide numbers take reveal.js's formats.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBrowser, withPage } from '../../../src/browser/browser.ts';
import { runCli, tempProject } from '../../helpers.ts';

const deck = (ratio: string, numbers = 'true') => `---
title: Shapes
aspectRatio: "${ratio}"
slideNumbers: ${numbers}
---

## Centred

::slide{.center}

A line.

Note: Notes with \`inline code\` in them.
`;

const RATIOS = { '16:9': 16 / 9, '16:10': 16 / 10, '4:3': 4 / 3 } as const;

function pageRatio(pdf: string): number {
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  return Number(size?.[1]) / Number(size?.[2]);
}

describe('slide shapes', () => {
  let root: string;

  beforeAll(() => {
    root = tempProject({ wide: deck('16:9'), laptop: deck('16:10', '"h.v"'), square: deck('4:3', '"c"') });
    const build = runCli(root, ['build']);
    expect(build.status, build.stderr).toBe(0);
  });

  it('gives the slide PDF pages the deck shape', () => {
    for (const [name, ratio] of [
      ['wide', '16:9'],
      ['laptop', '16:10'],
      ['square', '4:3'],
    ] as const) {
      // reveal.js prints each slide on a page with its margin around it, in the slide's proportions.
      expect(pageRatio(path.join(root, 'dist', name, `${name}.pdf`))).toBeCloseTo(RATIOS[ratio], 1);
    }
  });

  it('draws handout frames and the deck in the deck shape; handout.html shows paper sheets', async () => {
    await withBrowser((browser) =>
      withPage(browser, async (page) => {
        await page.setViewport({ width: 1280, height: 900 });
        for (const [name, ratio] of [
          ['wide', '16:9'],
          ['laptop', '16:10'],
          ['square', '4:3'],
        ] as const) {
          await page.goto(pathToFileURL(path.join(root, 'dist', name, 'handout.html')).href, { waitUntil: 'load' });
          const handout = await page.evaluate(() => {
            const frame = document.querySelector('.frame')?.getBoundingClientRect() as DOMRect;
            const slide = document.querySelector('.frame section')?.getBoundingClientRect() as DOMRect;
            const sheet = document.querySelector('.page') as HTMLElement;
            const code = document.querySelector('.notes code') as HTMLElement;
            const text = code.parentElement as HTMLElement;
            return {
              frame: frame.width / frame.height,
              slide: slide.width / slide.height,
              sheetWidth: sheet.getBoundingClientRect().width,
              sheetBackground: getComputedStyle(sheet).backgroundColor,
              bodyBackground: getComputedStyle(document.body).backgroundColor,
              codeFont: getComputedStyle(code).fontFamily,
              codeSize: Number.parseFloat(getComputedStyle(code).fontSize),
              textSize: Number.parseFloat(getComputedStyle(text).fontSize),
            };
          });
          expect(handout.frame).toBeCloseTo(RATIOS[ratio], 1);
          expect(handout.slide).toBeCloseTo(RATIOS[ratio], 1);
          // An A4 sheet (210 mm = 794 px) on a grey desk, with the deck's monospace in the notes, no larger than text.
          expect(handout.sheetWidth).toBeCloseTo(794, -1);
          expect(handout.sheetBackground).toBe('rgb(255, 255, 255)');
          expect(handout.bodyBackground).not.toBe('rgb(255, 255, 255)');
          expect(handout.codeFont).toMatch(/^"?JetBrains Mono/);
          expect(handout.codeSize).toBeLessThan(handout.textSize);

          await page.goto(`${pathToFileURL(path.join(root, 'dist', name, 'index.html')).href}#/centred`, {
            waitUntil: 'load',
          });
          const shown = await page.evaluate(() => {
            const slide = document.querySelector('section#centred') as HTMLElement;
            const heading = slide.querySelector('h2') as HTMLElement;
            return {
              ratio: slide.offsetWidth / slide.offsetHeight,
              heading: heading.getBoundingClientRect().width / slide.getBoundingClientRect().width,
              number: document.querySelector('.slide-number')?.textContent?.replace(/\s+/g, ''),
            };
          });
          expect(shown.ratio).toBeCloseTo(RATIOS[ratio], 1);
          // The underline spans the heading's words, not the slide.
          expect(shown.heading).toBeLessThan(0.5);
          // reveal.js's slide number formats: c/t by default, `h.v` and `c` when the frontmatter says so.
          expect(shown.number).toBe({ wide: '2/2', laptop: '2', square: '2' }[name]);
        }
      }),
    );
  });
});
