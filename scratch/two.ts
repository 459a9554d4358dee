import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/browser.ts';
import { printHandout } from '../src/render/pdf/print-handout.ts';
import { printSlides } from '../src/render/pdf/print.ts';
const dir = '/tmp/x10out/rust-in-kernel-x10/';
const url = (f: string) => pathToFileURL(dir + f).href;
const [b1, b2] = await Promise.all([launchBrowser(), launchBrowser()]);
for (let i = 0; i < 2; i++) {
  const s = performance.now();
  await Promise.all([(async () => { const q = await b1.newPage(); await printSlides(q, url('index.html'), { fragments: 'final', timeoutMs: 120000 }); console.log(' slides', (performance.now() - s).toFixed(0)); await q.close(); })(), (async () => { const q = await b2.newPage(); await printHandout(q, url('handout.html'), { timeoutMs: 120000 }); console.log(' handout', (performance.now() - s).toFixed(0)); await q.close(); })()]);
  console.log('two browsers parallel', (performance.now() - s).toFixed(0));
}
await b1.close(); await b2.close();
