import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/browser.ts';
const browser = await launchBrowser();
for (let i = 0; i < 2; i++) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.goto(pathToFileURL('/tmp/x10out/rust-in-kernel-x10/handout.html').href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const client = await page.createCDPSession();
  let s = performance.now();
  const r = await client.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true, transferMode: 'ReturnAsBase64' });
  const a = performance.now() - s; s = performance.now();
  const buf = Buffer.from(r.data, 'base64');
  console.log('printToPDF base64', a.toFixed(0), 'decode', (performance.now() - s).toFixed(0), buf.length);
  s = performance.now();
  const p2 = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  console.log('page.pdf', (performance.now() - s).toFixed(0), p2.length);
  await ctx.close();
}
await browser.close();
