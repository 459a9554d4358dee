import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/browser.ts';
const dir = '/tmp/x10out/rust-in-kernel-x10/';
const browser = await launchBrowser();
const t = () => performance.now();
async function slides(opts: { tagged: boolean; outline: boolean }) {
  const page = await browser.newPage();
  let s = t();
  await page.evaluateOnNewDocument(() => { (globalThis as any).__pdfReady = new Promise((r) => document.addEventListener('DOMContentLoaded', () => (globalThis as any).Reveal.on('pdf-ready', () => r(undefined)))); });
  await page.goto(pathToFileURL(dir + 'index.html').href + '?print-pdf', { waitUntil: 'load', timeout: 120000 });
  const load = t() - s; s = t();
  await page.evaluate(() => (globalThis as any).__pdfReady);
  const ready = t() - s; s = t();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: opts.tagged, outline: opts.outline, timeout: 120000 });
  const print = t() - s;
  console.log(JSON.stringify(opts), 'load', load.toFixed(0), 'pdf-ready', ready.toFixed(0), 'print', print.toFixed(0), 'bytes', pdf.length);
  await page.close();
}
await slides({ tagged: true, outline: true });
await slides({ tagged: true, outline: true });
await slides({ tagged: false, outline: true });
await slides({ tagged: false, outline: false });
await slides({ tagged: true, outline: false });
await browser.close();
