import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { tempProject } from '../../helpers.ts';

const WIDE = `---
title: Wide things
---

## A wide table

| Kernel version | Released | Rust toolchain minimum | bindgen minimum | Notes about the release |
|---|---|---|---|---|
| 6.1 | 2022-12-11 | 1.62.0 | 0.56.0 | Initial merge of the Rust infrastructure into mainline Linux |

See https://www.kernel.org/doc/html/latest/rust/quick-start.html#requirements-building for details.

\`\`\`text
a very long line of code that would otherwise widen the whole page on a small phone screen, on and on
\`\`\`
`;

describe('the docs site on every screen', () => {
  let root: string;
  beforeAll(async () => {
    root = tempProject({ wide: WIDE });
    await buildDecks({ root, pdf: false });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([390, 768, 1280])(
    'never scrolls the page sideways at %i px, and search results stay on screen',
    async (width) => {
      const measured = await withBrowser(async (browser) => {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 844 });
        const pages = ['index.html', 'wide/index.html', 'verification.html'];
        const widths: number[] = [];
        for (const file of pages) {
          await page.goto(pathToFileURL(path.join(root, 'dist', 'site', file)).href, { waitUntil: 'load' });
          widths.push(await page.evaluate(() => document.documentElement.scrollWidth));
        }
        await page.focus('#search-input');
        await page.keyboard.type('kernel');
        await page.waitForSelector('.search-panel:not([hidden])');
        const panel = await page.$eval('.search-panel', (element) => {
          const box = element.getBoundingClientRect();
          return { left: box.left, right: box.right };
        });
        return { widths, panel };
      });
      for (const scrollWidth of measured.widths) expect(scrollWidth).toBeLessThanOrEqual(width);
      expect(measured.panel.left).toBeGreaterThanOrEqual(0);
      expect(measured.panel.right).toBeLessThanOrEqual(width);
    },
  );
});
