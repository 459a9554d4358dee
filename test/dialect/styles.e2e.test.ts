/**
 * `<style>` blocks in Marp and Slidev decks reach what their tools give them: a Marp `<style>` every slide,
 * `<style scoped>` its slide, `section` meaning the slide (compared with marp-core's own render in chromium);
 * a Slidev slide's `<style>` that slide only. All beat the theme, as the author's CSS does in both tools.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Marp } from '@marp-team/marp-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/browser.ts';
import { runCli, tempProject } from '../helpers.ts';

const MARP = `---
marp: true
---

<style>
h1 { color: rgb(0, 0, 139); }
section.lead h1, section:is(.lead) p { color: rgb(0, 128, 0); }
</style>

# Every slide

---

<style scoped>
section { background-color: rgb(255, 238, 204); }
h1 { color: rgb(200, 0, 0); }
</style>

# Only here

---

<!-- _class: lead -->

# Lead

text
`;

const SLIDEV = `---
highlighter: shiki
---

# First

---
layout: center
---

# Styled

<style>
h1 { color: rgb(200, 0, 0); }

p { color: rgb(0, 0, 139); }
</style>

body

---

# Plain

body
`;

/** h1 colour, paragraph colour and background of each top-level slide section of a page. */
async function looks(browser: Browser, url: string, slides: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const found = await page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].map((section) => {
        const color = (tag: string) => {
          const element = section.querySelector(tag);
          return element ? getComputedStyle(element).color : '-';
        };
        return `${color('h1')} ${color('p')} ${getComputedStyle(section).backgroundColor}`;
      }),
    slides,
  );
  await page.close();
  return found;
}

describe('Marp and Slidev <style> blocks on the built deck', () => {
  let browser: Browser;
  let root: string;
  beforeAll(async () => {
    root = tempProject({ marp: MARP, slidev: SLIDEV });
    const result = runCli(root, ['build', '--no-pdf', '--no-site']);
    expect(result.stderr).not.toMatch(/: error:|not applied/);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const deckUrl = (name: string) => pathToFileURL(path.join(root, 'dist', name, 'index.html')).href;

  it('Marp: the h1 colours and backgrounds marp-core gives each slide', async () => {
    const { html, css } = new Marp().render(MARP);
    const file = path.join(root, 'marp-core.html');
    writeFileSync(file, `<!doctype html><html><head><style>${css}</style></head><body>${html}</body></html>`);
    const theirs = await looks(browser, pathToFileURL(file).href, 'div.marpit > svg > foreignObject > section');
    const ours = await looks(browser, deckUrl('marp'), '.reveal .slides > section');
    const h1 = (rows: string[]) => rows.map((row) => row.split(') ')[0]);
    expect(h1(ours)).toEqual(h1(theirs));
    expect(h1(ours)).toEqual(['rgb(0, 0, 139', 'rgb(200, 0, 0', 'rgb(0, 128, 0']);
    // The scoped background is on the second slide only; the lead slide's paragraph got the global rule.
    expect(ours.map((row) => row.endsWith('rgb(255, 238, 204)'))).toEqual([false, true, false]);
    expect(ours[2]).toContain('rgb(0, 128, 0) rgb(0, 128, 0)');
  });

  it('Slidev: a slide <style> styles that slide only', async () => {
    const ours = await looks(browser, deckUrl('slidev'), '.reveal .slides > section');
    expect(ours).toHaveLength(3);
    expect(ours[1]).toMatch(/^rgb\(200, 0, 0\) rgb\(0, 0, 139\)/);
    for (const other of [ours[0], ours[2]]) expect(other).not.toMatch(/rgb\(200, 0, 0\)|rgb\(0, 0, 139\)/);
  });

  it("Marp gaia's lead class: headings and text centred, lists and quotes not, as in marp-core", async () => {
    const lead =
      '---\nmarp: true\ntheme: gaia\n---\n\n<!-- _class: lead -->\n\n# Title\n\nA line\n\n- one\n\n- two\n\n> quoted\n';
    const project = tempProject({ lead });
    expect(runCli(project, ['build', '--no-pdf', '--no-site']).status).toBe(0);
    const { html, css } = new Marp().render(lead);
    const file = path.join(project, 'marp-core.html');
    writeFileSync(file, `<!doctype html><html><head><style>${css}</style></head><body>${html}</body></html>`);
    const aligns = async (url: string, slide: string) => {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const found = await page.evaluate(
        (selector) =>
          ['h1', ':scope > p', 'li > p', 'blockquote > p'].map((tag) => {
            const element = document.querySelector(selector)?.querySelector(tag);
            return element ? getComputedStyle(element).textAlign : '-';
          }),
        slide,
      );
      await page.close();
      return found;
    };
    const theirs = await aligns(pathToFileURL(file).href, 'div.marpit > svg > foreignObject > section');
    const ours = await aligns(
      pathToFileURL(path.join(project, 'dist', 'lead', 'index.html')).href,
      '.reveal .slides > section',
    );
    const centred = (value: string) => (value === 'center' ? 'center' : 'start');
    expect(theirs.map(centred)).toEqual(['center', 'center', 'start', 'start']);
    expect(ours.map(centred)).toEqual(theirs.map(centred));
  });
});
