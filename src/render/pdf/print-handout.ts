/**
 * Prints the handout page: paper size and margins from its @page rule (pageStyle in handout.ts), page numbers from
 * handout.css.
 */
import type { Page } from 'puppeteer-core';

/** Prints `handout.html` to PDF bytes. */
export async function printHandout(page: Page, url: string, options: { timeoutMs: number }): Promise<Uint8Array> {
  await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    timeout: options.timeoutMs,
  });
}
