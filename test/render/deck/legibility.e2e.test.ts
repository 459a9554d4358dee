import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { withBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { tempProject, contrast } from '../../helpers.ts';

const deck = (theme: string) => `---
title: Legible
theme: ${theme}
---

## Steps

\`\`\`rust {1|2}
let first = 1; // a comment
let second = "text";
\`\`\`

## Proof

\`\`\`rust
fn main() {}
\`\`\`

## Table

| Name | Count | Mid |
|:-----|------:|:---:|
| a    |     1 |  x  |
`;

describe.each(['dark', 'light'])('the %s theme on screen', (theme) => {
  const root = tempProject({ talk: deck(theme) });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps dimmed lines and proof badges legible and honours table column alignment', async () => {
    await buildDecks({ root, pdf: false, site: false });
    const url = pathToFileURL(path.join(root, 'dist', 'talk', 'index.html')).href;
    const found = await withBrowser(async (browser) => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${url}#/steps`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('.reveal pre .line.dim') !== null);
      const dim = await page.$$eval('.reveal section.present pre .line.dim', (lines) => {
        const pre = lines[0]?.closest('pre');
        const background = pre ? getComputedStyle(pre).backgroundColor : '';
        // What the eye gets: the text colour blended over the background by the line's opacity.
        const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        const bg = rgb(background);
        return lines.flatMap((line) => {
          const alpha = Number(getComputedStyle(line).opacity);
          return [line, ...line.querySelectorAll('span')].map((node) => {
            const fg = rgb(getComputedStyle(node).color);
            const seen = fg.slice(0, 3).map((c, i) => Math.round(alpha * c + (1 - alpha) * (bg[i] ?? 0)));
            return [`rgb(${seen.join(', ')})`, background];
          });
        });
      });
      await page.goto(`${url}#/proof`, { waitUntil: 'load' });
      const badge = await page.$eval('.reveal section.present .badge', (element) => {
        const style = getComputedStyle(element);
        return { size: Number.parseFloat(style.fontSize), colour: style.color, background: style.backgroundColor };
      });
      await page.goto(`${url}#/table`, { waitUntil: 'load' });
      const aligns = await page.$$eval('.reveal section.present td', (cells) =>
        cells.map((cell) => getComputedStyle(cell).textAlign),
      );
      return { dim, aligns, badge };
    });
    expect(found.dim.length).toBeGreaterThan(0);
    for (const [colour, background] of found.dim) {
      expect(contrast(colour ?? '', background ?? ''), `${colour} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(found.aligns).toEqual(['left', 'right', 'center']);
    // The proof must be legible from the back of the room: ≥ 16 px on a 1280×720 slide, ≥ 4.5:1.
    expect(found.badge.size).toBeGreaterThanOrEqual(16);
    expect(contrast(found.badge.colour, found.badge.background)).toBeGreaterThanOrEqual(4.5);
  });
});
