import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/browser.ts';
const dir = '/tmp/x10out/rust-in-kernel-x10/';
const browser = await launchBrowser();
const variants: Record<string, string> = {
  none: '',
  shadow: 'const s=document.createElement("style"); s.textContent="*{box-shadow:none!important;text-shadow:none!important}"; document.head.append(s)',
  filter: 'const s=document.createElement("style"); s.textContent="*{filter:none!important}"; document.head.append(s)',
  opacity: 'const s=document.createElement("style"); s.textContent="*{opacity:1!important}"; document.head.append(s)',
  bgimage: 'const s=document.createElement("style"); s.textContent="*{background-image:none!important}"; document.head.append(s)',
  radius: 'const s=document.createElement("style"); s.textContent="*{border-radius:0!important}"; document.head.append(s)',
};
for (const [name, code] of Object.entries(variants)) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => { (globalThis as any).__pdfReady = new Promise((r) => document.addEventListener('DOMContentLoaded', () => (globalThis as any).Reveal.on('pdf-ready', () => r(undefined)))); });
  await page.goto(pathToFileURL(dir + 'index.html').href + '?print-pdf', { waitUntil: 'load', timeout: 120000 });
  await page.evaluate(() => (globalThis as any).__pdfReady);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (code) await page.evaluate(code);
  const s = performance.now();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 120000 });
  console.log(name.padEnd(10), (performance.now() - s).toFixed(0), 'ms', pdf.length);
  await page.close();
}
await browser.close();
