import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { contrast, tempProject } from '../../helpers.ts';

/** Where screenshots are written when SCREENSHOT_DIR is set (to look at them; the test never needs them). */
const SHOTS = process.env.SCREENSHOT_DIR;

const DECK = `---
title: Rust's "safe" subset -- a tour...
subtitle: It's not magic
author: O'Neil
---

## A picture

![The driver's *layers*, top to bottom](layers.svg){width=50%}
`;

/** A 600×300 drawing, so the image has a real size on the slide. */
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">' +
  '<rect width="600" height="300" fill="#3a6ea5"/></svg>\n';

interface RevealApi {
  slide(h: number): void;
}
declare const Reveal: RevealApi;

async function open(browser: Browser, url: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof Reveal !== 'undefined' && document.querySelector('.reveal.ready') !== null);
  return page;
}

/** The figure on the current slide: image and caption boxes (slide pixels), caption style. */
function figureLayout() {
  const slide = document.querySelector('section.present');
  const image = slide?.querySelector('figure > img');
  const caption = slide?.querySelector('figure > figcaption');
  if (!slide || !image || !caption) return undefined;
  const box = (element: Element) => {
    const rect = element.getBoundingClientRect();
    const scale = slide.getBoundingClientRect().width / (slide as HTMLElement).offsetWidth;
    const origin = slide.getBoundingClientRect();
    return {
      top: (rect.top - origin.top) / scale,
      bottom: (rect.bottom - origin.top) / scale,
      centre: (rect.left + rect.width / 2 - origin.left) / scale,
    };
  };
  const style = getComputedStyle(caption);
  const background = getComputedStyle(document.querySelector('.reveal') ?? document.body).backgroundColor;
  return {
    image: box(image),
    caption: box(caption),
    slideHeight: (slide as HTMLElement).offsetHeight,
    text: caption.textContent,
    fontSize: Number.parseFloat(style.fontSize),
    color: style.color,
    background,
    visible: style.visibility === 'visible' && Number(style.opacity) > 0,
  };
}

describe('implicit figures and the title slide in a real chromium and the PDF', () => {
  let browser: Browser;
  let root: string;
  let url: string;

  beforeAll(async () => {
    root = tempProject({ fig: DECK });
    writeFileSync(path.join(root, 'decks', 'fig', 'layers.svg'), SVG);
    const result = await buildDecks({ root });
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    url = pathToFileURL(path.join(root, 'dist', 'fig', 'index.html')).href;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    it(`shows the caption centred under the image, legible, at ${width}×${height}`, async () => {
      const page = await open(browser, url, width, height);
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            document.querySelector('.reveal')?.addEventListener('slidetransitionend', () => resolve(), { once: true });
            Reveal.slide(1);
          }),
      );
      const layout = await page.evaluate(figureLayout);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `figure-${width}.png`) });
      await page.close();
      expect(layout?.text).toBe('The driver’s layers, top to bottom');
      if (!layout) return;
      expect(layout.visible).toBe(true);
      expect(layout.caption.top).toBeGreaterThanOrEqual(layout.image.bottom - 1);
      expect(layout.caption.top - layout.image.bottom).toBeLessThan(30);
      expect(layout.caption.bottom).toBeLessThanOrEqual(layout.slideHeight);
      expect(Math.abs(layout.caption.centre - layout.image.centre)).toBeLessThan(2);
      expect(layout.fontSize).toBeGreaterThanOrEqual(16);
      expect(contrast(layout.color, layout.background)).toBeGreaterThanOrEqual(4.5);
    });

  it('smartens the title slide as the body, in the deck, its <title>, the PDF and the site', () => {
    const html = readFileSync(path.join(root, 'dist', 'fig', 'index.html'), 'utf8');
    expect(html).toContain('<h1>Rust’s “safe” subset – a tour…</h1>');
    expect(html).toContain('<title>Rust’s “safe” subset – a tour…</title>');
    expect(html).toContain('It’s not magic');
    const pdf = execFileSync('pdftotext', [path.join(root, 'dist', 'fig', 'fig.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf).toContain('Rust’s “safe” subset – a tour…');
    expect(pdf).toContain('O’Neil');
    const handout = execFileSync('pdftotext', [path.join(root, 'dist', 'fig', 'fig-handout.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(handout).toContain('Rust’s “safe” subset');
    const site = readFileSync(path.join(root, 'dist', 'site', 'fig', 'index.html'), 'utf8');
    expect(site).toContain('<h1>Rust’s “safe” subset – a tour…</h1>');
  });

  it('prints the caption in the PDF and shows it on the site', async () => {
    const pdf = execFileSync('pdftotext', [path.join(root, 'dist', 'fig', 'fig.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf.replace(/\s+/g, ' ')).toContain('The driver’s layers, top to bottom');
    if (SHOTS)
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '2',
        '-l',
        '2',
        path.join(root, 'dist', 'fig', 'fig.pdf'),
        path.join(SHOTS, 'figure-pdf'),
      ]);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.join(root, 'dist', 'site', 'fig', 'index.html')).href, { waitUntil: 'load' });
    const site = await page.evaluate(() => {
      const image = document.querySelector('.doc figure > img')?.getBoundingClientRect();
      const caption = document.querySelector('.doc figure > figcaption');
      const box = caption?.getBoundingClientRect();
      return image && box && caption
        ? { below: box.top >= image.bottom - 1, text: caption.textContent, align: getComputedStyle(caption).textAlign }
        : undefined;
    });
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'figure-site.png') });
    await page.close();
    expect(site).toEqual({ below: true, text: 'The driver’s layers, top to bottom', align: 'center' });
  });
});
