/** Lays out a marked deck page in chromium, every slide at once, and runs the fitting pass in it. */
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { measureSlides, type MeasureOutput } from './measure-page.ts';

/** The slide box reveal.js lays a deck out in (its `width`/`height`), and the code font floor. */
export interface MeasureOptions {
  width: number;
  height: number;
  floor: number;
  /** @default 30000 */
  timeoutMs?: number;
}

/**
 * Every slide as reveal.js shows it on screen (its box, its padding, all fragments visible), stacked one under
 * the other so one layout measures them all. The deck's own scripts do not run: reveal.js would hide all
 * slides but one, and nothing the page's scripts do may change what is measured.
 */
function measuringCss({ width, height }: MeasureOptions): string {
  const slide = '.reveal .slides > section, .reveal .slides > section > section';
  return `html, body { overflow: visible !important; height: auto !important; margin: 0 !important; }
.reveal { width: ${width}px !important; height: auto !important; overflow: visible !important; }
.reveal .slides { position: static !important; width: ${width}px !important; height: auto !important;
  inset: auto !important; transform: none !important; zoom: 1 !important; margin: 0 !important; }
${slide} { display: block; position: relative !important; inset: auto !important; width: ${width}px !important;
  height: ${height}px !important; transform: none !important; opacity: 1 !important; visibility: visible !important;
  transition: none !important; }
/* Each slide is a layout of its own: a font size tried on one slide re-lays out that slide, not the deck. */
${slide} { contain: layout size style; }
.reveal .slides > section.stack { height: auto !important; contain: none; }
.reveal .fragment { opacity: 1 !important; visibility: visible !important; transform: none !important; }
.reveal .controls, .reveal .progress, .reveal .slide-number, .deck-header, .deck-footer, .deck-logo {
  display: none !important; }`;
}

/** Loads `file` (a deck page written with fit marks) in `page` and measures it. */
export async function measureDeck(page: Page, file: string, options: MeasureOptions): Promise<MeasureOutput> {
  const timeout = options.timeoutMs ?? 30_000;
  await page.setJavaScriptEnabled(false);
  // Layout is measured offline: a remote image (its box is its alt text then) must not hold the page's load.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (/^(file|data):/.test(request.url())) void request.continue();
    else void request.abort();
  });
  await page.setViewport({ width: options.width, height: options.height });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout });
  await page.addStyleTag({ content: measuringCss(options) });
  // Code fonts decide every width: measure only once they are in.
  await page.evaluate(() => {
    // A layout first, so the fonts the slides use are requested before waiting for them.
    void document.body.offsetHeight;
    return document.fonts.ready.then(() => undefined);
  });
  return page.evaluate(measureSlides, { floor: options.floor });
}
