/** Prints the handout page: paper size from its @page rule, page numbers in the footer. */
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
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: '<div style="width:100%;font-size:8pt;color:#545d68;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    timeout: options.timeoutMs,
  });
}
