import { launchBrowser } from '../src/browser/browser.ts';
const browser = await launchBrowser();
for (let i = 0; i < 2; i++) {
  const page = await browser.newPage();
  await page.goto('file:///tmp/plain.html');
  let s = performance.now();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  console.log('plain print tagged+outline', (performance.now() - s).toFixed(0), pdf.length);
  s = performance.now();
  const pdf2 = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
  console.log('plain print untagged', (performance.now() - s).toFixed(0), pdf2.length);
  await page.close();
}
await browser.close();
