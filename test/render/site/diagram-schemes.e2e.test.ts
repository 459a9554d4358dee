/**
 * Site diagrams follow the reader's colour scheme: a dark deck's diagram is drawn light too, the page shows the
 * drawing that matches its scheme (system preference or the toggle).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBrowser, withPage } from '../../../src/browser/browser.ts';
import { runCli, tempProject } from '../../helpers.ts';

const DECK = `---
title: Schemes
theme: dark
---

## Flow

\`\`\`mermaid
flowchart LR
  Parse --> Check --> Render
\`\`\`
`;

/** Which drawings show, and the luminance of the shown drawing's first node fill (0 dark … 1 light). */
async function shown(page: Page): Promise<{ visible: string[]; fill: number }> {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll<HTMLElement>('figure.diagram .diagram-svg')]
      .filter((div) => getComputedStyle(div).display !== 'none')
      .map((div) => div.dataset.appearance ?? '');
    const drawing = document.querySelector<HTMLElement>(`figure.diagram .diagram-svg[data-appearance="${visible[0]}"]`);
    const shape = drawing?.querySelector('.node rect, .node path, .node polygon') as SVGElement | null;
    const [r = 0, g = 0, b = 0] = (getComputedStyle(shape as Element).fill.match(/\d+/g) ?? []).map(Number);
    return { visible, fill: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 };
  });
}

describe('site diagrams in light and dark', () => {
  let article: string;

  beforeAll(() => {
    const root = tempProject({ schemes: DECK });
    const build = runCli(root, ['build', '--no-pdf']);
    expect(build.status, build.stderr).toBe(0);
    article = path.join(root, 'dist', 'site', 'schemes', 'index.html');
  });

  it('draws the diagram for both schemes on the site, once on the slides', () => {
    const html = readFileSync(article, 'utf8');
    expect(html.match(/data-appearance="(light|dark)"/g)).toEqual([
      'data-appearance="dark"',
      'data-appearance="light"',
    ]);
    const deck = readFileSync(path.join(path.dirname(article), '..', '..', 'schemes', 'index.html'), 'utf8');
    expect(deck).not.toContain('data-appearance');
  });

  it('shows the drawing that matches the system scheme and the toggle', async () => {
    await withBrowser((browser) =>
      withPage(browser, async (page) => {
        await page.setViewport({ width: 1280, height: 900 });
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          await page.goto(pathToFileURL(article).href, { waitUntil: 'load' });
          const result = await shown(page);
          expect(result.visible).toEqual([scheme]);
          if (scheme === 'light') expect(result.fill).toBeGreaterThan(0.6);
          else expect(result.fill).toBeLessThan(0.4);
        }
        // The reader's toggle wins over the system preference.
        await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
        expect((await shown(page)).visible).toEqual(['light']);
      }),
    );
  });
});
