import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/browser.ts';
import { loadDeck } from '../../../src/pipeline/load.ts';
import { allSlides } from '../../../src/parse/slides.ts';
import { REPO, projectWithFixture, runCli } from '../../helpers.ts';

const FLAGSHIP = path.join(REPO, 'decks', 'rust-in-kernel');

interface RevealApi {
  getTotalSlides(): number;
  getIndices(): { h: number; v: number };
  next(): void;
  down(): void;
  slide(h: number, v?: number): void;
  getCurrentSlide(): HTMLElement;
}
declare const Reveal: RevealApi;

describe('flagship deck in a real chromium', () => {
  let browser: Browser;
  let url: string;
  let expectedSlides: number;

  beforeAll(async () => {
    const root = projectWithFixture(FLAGSHIP);
    expect(runCli(root, ['build']).status).toBe(0);
    url = pathToFileURL(path.join(root, 'dist', 'rust-in-kernel', 'index.html')).href;
    const { deck } = loadDeck(
      { name: 'rust-in-kernel', path: path.join(FLAGSHIP, 'deck.md') },
      { knownThemes: new Set(['dark', 'light']) },
    );
    expectedSlides = allSlides(deck?.items ?? []).length + 1;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every slide, navigates across and down, has notes, and stays offline and error-free', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    const outside: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('request', (request) => {
      if (!request.url().startsWith('file://') && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof Reveal !== 'undefined' && document.querySelector('.reveal.ready') !== null);

    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(expectedSlides);
    expect(await page.evaluate(() => Reveal.getIndices())).toMatchObject({ h: 0, v: 0 });

    await page.evaluate(() => Reveal.next());
    expect(await page.evaluate(() => Reveal.getIndices().h)).toBe(1);

    const stackIndex = await page.evaluate(() =>
      [...document.querySelectorAll('.reveal .slides > section')].findIndex((section) =>
        section.classList.contains('stack'),
      ),
    );
    expect(stackIndex).toBeGreaterThan(0);
    await page.evaluate((h) => Reveal.slide(h, 0), stackIndex);
    await page.evaluate(() => Reveal.down());
    expect(await page.evaluate(() => Reveal.getIndices())).toMatchObject({ h: stackIndex, v: 1 });
    const visible = await page.evaluate(() => {
      const box = Reveal.getCurrentSlide().getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
    expect(visible).toBe(true);

    const notes = await page.evaluate(() =>
      [...document.querySelectorAll('aside.notes')].map((aside) => aside.textContent?.trim() ?? ''),
    );
    expect(notes.length).toBeGreaterThan(expectedSlides / 2);
    expect(notes.every((text) => text.length > 0)).toBe(true);

    // The timeline is an inline SVG rendered at build time: on its slide it has a real size.
    await page.evaluate(() => Reveal.slide(0));
    const timelineSlide = await page.evaluate(() => {
      const section = document.getElementById('timeline');
      const stack = section?.parentElement;
      const h = [...document.querySelectorAll('.reveal .slides > section')].indexOf(stack as Element);
      const v = [...(stack?.children ?? [])].indexOf(section as Element);
      return { h, v };
    });
    await page.evaluate(({ h, v }) => Reveal.slide(h, v), timelineSlide);
    await page.waitForFunction(() => document.getElementById('timeline')?.classList.contains('present'));
    const size = await page.evaluate(() => {
      const box = document.querySelector('#timeline figure.diagram svg')?.getBoundingClientRect();
      return box ? [box.width, box.height] : [0, 0];
    });
    expect(size[0]).toBeGreaterThan(400);
    expect(size[1]).toBeGreaterThan(150);

    // The footer names the talk on every slide; the driver-layers image is loaded and sized by its column.
    expect(await page.evaluate(() => document.querySelector('.deck-footer')?.textContent)).toBe(
      'Rust in Kernel Development',
    );
    await page.evaluate(() => Reveal.slide(0));
    const image = await page.evaluate(async () => {
      const section = document.getElementById('what-you-can-build-modules-and-drivers') as HTMLElement;
      const stack = section.parentElement as HTMLElement;
      const h = [...document.querySelectorAll('.reveal .slides > section')].indexOf(stack);
      Reveal.slide(h, [...stack.children].indexOf(section));
      const img = section.querySelector('img') as HTMLImageElement;
      await img.decode();
      const column = img.closest('.column')?.getBoundingClientRect().width ?? 0;
      return { loaded: img.naturalWidth > 0, share: img.getBoundingClientRect().width / column };
    });
    expect(image.loaded).toBe(true);
    expect(image.share).toBeGreaterThan(0.9);

    expect(consoleErrors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
