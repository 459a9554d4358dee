/**
 * PDF = screen: every slide's first line of text sits at the same place, relative to the page, in the printed PDF
 * (read back with poppler's pdftotext -bbox) and on screen (chromium at the PDF page's size, where reveal.js scales
 * the slide exactly as it prints it). Title, section and `.center` slides are centred in both; margins match.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBrowser, withPage } from '../../../src/browser/browser.ts';
import { runCli, tempDir, tempProject } from '../../helpers.ts';

const DECK = `---
title: Paper and screen
subtitle: The same slide twice
author: Ada Lovelace
---

# Part one

Why the printout must match the room.

## A plain slide

- first point
- second point

## A centred slide

::slide{.center}

One line, in the middle.

# Part two

## Last slide

The end.
`;

/** What the tests call of reveal.js's API in the page (types only: page functions cannot close over values). */
interface RevealWindow {
  Reveal: {
    getSlides(): Element[];
    getIndices(slide: Element): { h: number; v?: number };
    slide(h: number, v?: number): void;
    configure(options: object): void;
    getTotalSlides(): number;
  };
}

interface Spot {
  /** Left and top of the first text on the page, as fractions of the page width and height. */
  x: number;
  y: number;
}

/** The first word of each PDF page, from pdftotext's word boxes. */
function pdfSpots(file: string): Spot[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const [, width, height, body] = page;
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"/.exec(body ?? '');
    return { x: Number(word?.[1]) / Number(width), y: Number(word?.[2]) / Number(height) };
  });
}

describe('printed slides are laid out as on screen', () => {
  let pdf: string;
  let html: string;

  beforeAll(() => {
    const root = tempProject({ paper: DECK });
    const build = runCli(root, ['build']);
    expect(build.status, build.stderr).toBe(0);
    pdf = path.join(root, 'dist', 'paper', 'paper.pdf');
    html = path.join(root, 'dist', 'paper', 'index.html');
  });

  it('puts the first text of every slide at the same place in the PDF and on screen', async () => {
    const printed = pdfSpots(pdf);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    // PDF points are 1/72 in; CSS pixels 1/96 in.
    const viewport = {
      width: Math.round((Number(size?.[1]) * 4) / 3),
      height: Math.round((Number(size?.[2]) * 4) / 3),
    };
    const screen = await withBrowser((browser) =>
      withPage(browser, async (page) => {
        await page.setViewport(viewport);
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        return page.evaluate(async () => {
          const reveal = (window as unknown as RevealWindow).Reveal;
          reveal.configure({ transition: 'none', backgroundTransition: 'none' });
          const spots: { x: number; y: number }[] = [];
          for (const slide of reveal.getSlides()) {
            const { h, v } = reveal.getIndices(slide);
            reveal.slide(h, v ?? 0);
            await new Promise((resolve) => setTimeout(resolve, 50));
            const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT, (node) =>
              node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
            );
            const range = document.createRange();
            range.selectNodeContents(walker.nextNode() as Node);
            const rect = range.getClientRects()[0] as DOMRect;
            spots.push({ x: rect.left / innerWidth, y: rect.top / innerHeight });
          }
          return spots;
        });
      }),
    );
    expect(printed).toHaveLength(screen.length);
    for (const [index, spot] of screen.entries()) {
      const paper = printed[index] as Spot;
      // Within 1% of the page: a few pixels of font metrics between chromium's screen and PDF text boxes.
      expect(Math.abs(paper.x - spot.x), `slide ${index + 1}: x`).toBeLessThan(0.01);
      expect(Math.abs(paper.y - spot.y), `slide ${index + 1}: y`).toBeLessThan(0.01);
    }
    // The title slide and the section slides are centred, not top-aligned, in both.
    expect(screen[0]?.y).toBeGreaterThan(0.2);
    expect(printed[1]?.y).toBeGreaterThan(0.3);
    expect(printed[3]?.y).toBeGreaterThan(0.3);
    expect(printed[2]?.y).toBeLessThan(0.05);
  });

  it('differs from the screen by anti-aliased pixels only (pdftoppm page vs chromium screenshot)', async () => {
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    const viewport = {
      width: Math.round((Number(size?.[1]) * 4) / 3),
      height: Math.round((Number(size?.[2]) * 4) / 3),
    };
    const pages = tempDir('pdf-pages');
    // 96 dpi: one PDF page pixel per CSS pixel of the screen at the page's size.
    execFileSync('pdftoppm', ['-r', '96', '-png', pdf, path.join(pages, 'page')]);
    const differences = await withBrowser((browser) =>
      withPage(browser, async (page) => {
        await page.setViewport(viewport);
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        // Navigation chrome is screen-only; the slide number is drawn differently (c/t on screen, n on paper).
        await page.addStyleTag({ content: '.controls, .progress, .slide-number { display: none !important; }' });
        const count = await page.evaluate(() => {
          const reveal = (window as unknown as RevealWindow).Reveal;
          reveal.configure({ transition: 'none', backgroundTransition: 'none' });
          return reveal.getTotalSlides();
        });
        const result: number[] = [];
        for (let index = 0; index < count; index++) {
          await page.evaluate((n) => {
            const reveal = (window as unknown as RevealWindow).Reveal;
            const { h, v } = reveal.getIndices(reveal.getSlides()[n] as Element);
            reveal.slide(h, v ?? 0);
          }, index);
          await new Promise((resolve) => setTimeout(resolve, 80));
          const screen = Buffer.from(await page.screenshot({ type: 'png' })).toString('base64');
          const number = String(index + 1).padStart(String(count).length, '0');
          const paper = readFileSync(path.join(pages, `page-${number}.png`)).toString('base64');
          result.push(await page.evaluate(pixelDifference, screen, paper));
        }
        return result;
      }),
    );
    expect(differences).toHaveLength(6);
    // Text is anti-aliased by skia on screen and by poppler on paper: edge pixels differ (≤ 0.9% measured),
    // shapes do not. Before the print layout matched, slides differed by up to 4.8%.
    for (const [index, share] of differences.entries()) expect(share, `slide ${index + 1}`).toBeLessThan(0.015);
  });
});

/**
 * Runs in the page: the share of pixels whose colour differs by more than 48 (of 255) in a channel, comparing
 * the two PNGs (base64) at the screenshot's size; the bottom band with the page number is left out.
 */
async function pixelDifference(screenPng: string, paperPng: string): Promise<number> {
  const load = (data: string) =>
    new Promise<HTMLImageElement>((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = reject;
      image.src = `data:image/png;base64,${data}`;
    });
  const [screen, paper] = await Promise.all([load(screenPng), load(paperPng)]);
  const width = screen.width;
  const height = Math.floor(screen.height * 0.94);
  const pixels = (image: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = screen.width;
    canvas.height = screen.height;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0, screen.width, screen.height);
    return context.getImageData(0, 0, width, height).data;
  };
  const a = pixels(screen);
  const b = pixels(paper);
  let different = 0;
  for (let i = 0; i < a.length; i += 4) {
    const delta = Math.max(
      Math.abs((a[i] ?? 0) - (b[i] ?? 0)),
      Math.abs((a[i + 1] ?? 0) - (b[i + 1] ?? 0)),
      Math.abs((a[i + 2] ?? 0) - (b[i + 2] ?? 0)),
    );
    if (delta > 48) different++;
  }
  return different / (width * height);
}
