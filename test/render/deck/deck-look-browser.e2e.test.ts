import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { tempProject } from '../../helpers.ts';

interface RevealApi {
  getTotalSlides(): number;
  getConfig(): { totalTime?: number };
  hasPlugin(id: string): boolean;
  slide(h: number): void;
}
declare const Reveal: RevealApi;

/** Where screenshots are written when SCREENSHOT_DIR is set (to look at them; the test never needs them). */
const SHOTS = process.env.SCREENSHOT_DIR;

const DECK = `---
title: The look of a deck
css: style.css
totalTime: 1200
footer: On every page
---

## "Quotes" -- and dashes...

\`\`\`rust title="src/main.rs"
fn main() {
    println!("hello -- world...");
}
\`\`\`

<img src="pic.png" alt="a red square" width="120">

## Left out

::slide{hidden}

Nobody sees this.

## Last
`;

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof Reveal !== 'undefined' && document.querySelector('.reveal.ready') !== null);
  return page;
}

describe('per-deck look in a real chromium', () => {
  let browser: Browser;
  let url: string;
  let root: string;

  beforeAll(async () => {
    root = tempProject({ look: DECK });
    const dir = path.join(root, 'decks', 'look');
    writeFileSync(path.join(dir, 'style.css'), '.reveal h2 { color: rgb(200, 30, 90); }\n');
    // A 1×1 red PNG.
    writeFileSync(
      path.join(dir, 'pic.png'),
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const result = await buildDecks({ root });
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    url = pathToFileURL(path.join(root, 'dist', 'look', 'index.html')).href;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('applies the deck stylesheet after the theme, shows the raw <img> and the code caption', async () => {
    const page = await open(browser, url);
    // Wait for the slide transition, so the screenshot shows the slide in place.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          document.querySelector('.reveal')?.addEventListener('slidetransitionend', () => resolve(), { once: true });
          Reveal.slide(1);
        }),
    );
    const look = await page.evaluate(() => {
      const heading = document.querySelector('section.present h2');
      const image = document.querySelector<HTMLImageElement>('section.present img');
      const caption = document.querySelector('section.present .code-file-name');
      return {
        color: heading ? getComputedStyle(heading).color : '',
        heading: heading?.textContent,
        image: image
          ? { loaded: image.complete && image.naturalWidth === 1, src: image.getAttribute('src') }
          : undefined,
        caption: caption?.textContent,
        captionHeight: caption?.getBoundingClientRect().height ?? 0,
      };
    });
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'look-slide.png') });
    expect(look.color).toBe('rgb(200, 30, 90)');
    expect(look.heading).toBe('“Quotes” – and dashes…');
    expect(look.image).toEqual({ loaded: true, src: expect.stringMatching(/^assets\/pic\.[0-9a-f]{10}\.png$/) });
    expect(look.caption).toBe('src/main.rs');
    expect(look.captionHeight).toBeGreaterThan(10);
    await page.close();
  });

  it('leaves the hidden slide out and gives reveal.js the pacing target', async () => {
    const page = await open(browser, url);
    const state = await page.evaluate(() => ({
      total: Reveal.getTotalSlides(),
      totalTime: Reveal.getConfig().totalTime,
      text: document.querySelector('.reveal .slides')?.textContent ?? '',
    }));
    // Title slide, the first slide and the last: the hidden one is not in the page at all.
    expect(state.total).toBe(3);
    expect(state.totalTime).toBe(1200);
    expect(state.text).not.toContain('Nobody sees this');
    await page.close();
  });

  it('zooms in on a modifier-click with the zoom plugin', async () => {
    const page = await open(browser, url);
    expect(await page.evaluate(() => Reveal.hasPlugin('zoom'))).toBe(true);
    const before = await page.evaluate(() => document.body.style.transform);
    // reveal.js's zoom uses Alt-click, Ctrl-click on Linux (where Alt-drag moves windows).
    const key = (await page.evaluate(() => /Linux/.test(navigator.platform))) ? 'Control' : 'Alt';
    await page.keyboard.down(key);
    await page.mouse.click(640, 360);
    await page.keyboard.up(key);
    await page.waitForFunction(() => /scale\(2\)/.test(document.body.style.transform), { timeout: 5000 });
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'look-zoomed.png') });
    expect(before).not.toMatch(/scale\(2\)/);
    await page.close();
  });

  it('prints the PDFs with the deck stylesheet and without the hidden slide', () => {
    const out = path.join(root, 'dist', 'look');
    const pages = (file: string) =>
      Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(out, file)], { encoding: 'utf8' }))?.[1]);
    expect(pages('look.pdf')).toBe(3);
    // The footer is on every printed page, as on every slide on screen, and so is the slide number as the
    // screen writes it (`c/t`), not reveal.js's bare print count.
    for (const page of ['1', '2', '3']) {
      const text = execFileSync('pdftotext', ['-f', page, '-l', page, path.join(out, 'look.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('On every page');
      expect(text).toMatch(new RegExp(`^${page} ?/ ?3$`, 'm'));
    }
    expect(execFileSync('pdftotext', [path.join(out, 'look-handout.pdf'), '-'], { encoding: 'utf8' })).not.toContain(
      'Nobody sees this',
    );
    expect(readFileSync(path.join(out, 'handout.html'), 'utf8')).toMatch(
      /handout\.css"><link rel="stylesheet" href="assets\/style\.[0-9a-f]{10}\.css">/,
    );
    // Page 2 as a PPM: the heading's colour comes from style.css.
    const args = ['-f', '2', '-l', '2', '-r', '30'];
    if (SHOTS) execFileSync('pdftoppm', [...args, '-png', path.join(out, 'look.pdf'), path.join(SHOTS, 'look-pdf')]);
    const ppm = execFileSync('pdftoppm', [...args, path.join(out, 'look.pdf')]);
    let pink = 0;
    for (let i = ppm.length % 3; i + 2 < ppm.length; i += 3)
      if (
        Math.abs((ppm[i] ?? 0) - 200) < 20 &&
        Math.abs((ppm[i + 1] ?? 0) - 30) < 20 &&
        Math.abs((ppm[i + 2] ?? 0) - 90) < 20
      )
        pink++;
    expect(pink).toBeGreaterThan(20);
  });

  it('shows the code caption on the site as a tab on top of the block', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.join(root, 'dist', 'site', 'look', 'index.html')).href, { waitUntil: 'load' });
    const tab = await page.evaluate(() => {
      const caption = document.querySelector('.code-file-name');
      const block = caption?.parentElement?.querySelector('pre');
      if (!caption || !block) return undefined;
      const a = caption.getBoundingClientRect();
      const b = block.getBoundingClientRect();
      return {
        text: caption.textContent,
        gap: b.top - a.bottom,
        left: a.left - b.left,
        font: getComputedStyle(caption).fontFamily,
      };
    });
    if (SHOTS) {
      const box = await (await page.$('.code-file'))?.boundingBox();
      if (box)
        await page.screenshot({
          path: path.join(SHOTS, 'look-site-caption.png'),
          clip: { ...box, x: box.x - 10, y: box.y - 10, width: box.width + 20, height: box.height + 20 },
        });
    }
    expect(tab).toMatchObject({ text: 'src/main.rs', left: 0 });
    expect(Math.abs(tab?.gap ?? 99)).toBeLessThan(2);
    expect(tab?.font).toMatch(/JetBrains Mono/);
    await page.close();
  });
});
