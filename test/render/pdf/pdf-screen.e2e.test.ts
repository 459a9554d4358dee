/**
 * PDF = screen: every slide's first line of text sits at the same place, relative to the page, in the printed PDF
 * (read back with poppler's pdftotext -bbox) and on screen (chromium at the PDF page's size, where reveal.js scales
 * the slide exactly as it prints it). Title, section and `.center` slides are centred in both; margins match.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBrowser, withPage } from '../../../src/browser/browser.ts';
import { runCli, tempProject } from '../../helpers.ts';

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
          const reveal = (
            window as unknown as {
              Reveal: {
                getSlides(): Element[];
                getIndices(s: Element): { h: number; v?: number };
                slide(h: number, v?: number): void;
                configure(options: object): void;
              };
            }
          ).Reveal;
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
});
