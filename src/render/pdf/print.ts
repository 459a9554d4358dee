/** Prints a built reveal.js deck to PDF in chromium, the way reveal.js documents it (`?print-pdf`). */
import type { Page } from 'puppeteer-core';

/** How fragments appear in the slide PDF. */
export type FragmentMode = 'final' | 'steps';

/** Options for {@link printSlides}. */
export interface PrintSlidesOptions {
  fragments: FragmentMode;
  /** Give up waiting for reveal.js after this long. @default 30000 */
  timeoutMs?: number;
}

/** Rejects with `message` when `promise` takes longer than `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens `url?print-pdf`, waits for reveal's `pdf-ready` event (its initialize() promise resolves before
 * the print layout exists), then prints with the deck's own page size.
 */
export async function printSlides(page: Page, url: string, options: PrintSlidesOptions): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 30_000;
  await page.evaluateOnNewDocument(() => {
    const state = globalThis as unknown as { __pdfReady?: Promise<void> };
    state.__pdfReady = new Promise((resolve) => {
      document.addEventListener('DOMContentLoaded', () => {
        (globalThis as unknown as { Reveal: { on(event: string, listener: () => void): void } }).Reveal.on(
          'pdf-ready',
          () => resolve(),
        );
      });
    });
  });
  const steps = options.fragments === 'steps';
  await page.goto(`${url}?print-pdf&pdfSeparateFragments=${steps}`, { waitUntil: 'load', timeout });
  await withTimeout(
    page.evaluate(() => (globalThis as unknown as { __pdfReady: Promise<void> }).__pdfReady),
    timeout,
    'reveal.js never reported pdf-ready',
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // reveal.js marks every slide but the current one aria-hidden; on paper all are shown, and chromium
  // builds the tagged structure and the outline only from what is not hidden. In the final state a
  // code step-through shows all its lines lit (`pd-final`), not only the last step's.
  await page.evaluate((final) => {
    for (const slide of document.querySelectorAll('.reveal .slides section[aria-hidden]'))
      slide.removeAttribute('aria-hidden');
    if (final) document.documentElement.classList.add('pd-final');
    // The deck's header, footer and logo sit beside the slides, on every slide on screen; reveal.js moves each
    // slide onto its own printed page and leaves them behind, on no page. Each page gets its own copy.
    const overlays = [
      ...document.querySelectorAll('.reveal > .deck-header, .reveal > .deck-footer, .reveal > .deck-logo'),
    ];
    for (const pdfPage of document.querySelectorAll('.reveal .slides .pdf-page'))
      for (const overlay of overlays) pdfPage.append(overlay.cloneNode(true));
    for (const overlay of overlays) overlay.remove();
    // reveal.js numbers printed pages with a bare count (`24`, `24.1` for a fragment step) whatever the deck's
    // format; the default `c/t` reads `24 / 46` on screen, so it does on paper too.
    const reveal = (globalThis as unknown as { Reveal: { getConfig(): { slideNumber?: unknown } } }).Reveal;
    if (reveal.getConfig().slideNumber === 'c/t') {
      const numbers = [...document.querySelectorAll('.reveal .slides .pdf-page .slide-number-pdf')];
      const total = Math.max(0, ...numbers.map((number) => Number.parseInt(number.textContent ?? '', 10) || 0));
      // The screen's markup, so the theme spaces the delimiter alike.
      for (const number of numbers) {
        const parts = [number.textContent ?? '', '/', String(total)].map((text, index) => {
          const span = document.createElement('span');
          span.className = ['slide-number-a', 'slide-number-delimiter', 'slide-number-b'][index] ?? '';
          span.textContent = text;
          return span;
        });
        number.replaceChildren(...parts);
      }
    }
  }, !steps);
  // What does not fit a slide was measured (and reported) before the deck was written: see pipeline/fit.ts.
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout });
}
