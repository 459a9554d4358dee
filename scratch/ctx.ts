import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/browser.ts';
import { printHandout } from '../src/render/pdf/print-handout.ts';
import { printSlides } from '../src/render/pdf/print.ts';
const dir = '/tmp/x10out/rust-in-kernel-x10/';
const url = (f: string) => pathToFileURL(dir + f).href;
const b = await launchBrowser();
for (let i = 0; i < 2; i++) {
  const s = performance.now();
  const [c1, c2] = await Promise.all([b.createBrowserContext(), b.createBrowserContext()]);
  await Promise.all([(async () => { const q = await c1.newPage(); await printSlides(q, url('index.html'), { fragments: 'final', timeoutMs: 120000 }); console.log(' slides', (performance.now() - s).toFixed(0)); await q.close(); })(), (async () => { const q = await c2.newPage(); await printHandout(q, url('handout.html'), { timeoutMs: 120000 }); console.log(' handout', (performance.now() - s).toFixed(0)); await q.close(); })()]);
  await c1.close(); await c2.close();
  console.log('one browser, two contexts', (performance.now() - s).toFixed(0));
}
await b.close();
