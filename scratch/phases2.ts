import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/browser.ts';
import { printHandout } from '../src/render/pdf/print-handout.ts';
import { printSlides } from '../src/render/pdf/print.ts';
const dir = '/tmp/x10out/rust-in-kernel-x10/';
const browser = await launchBrowser();
const t = () => performance.now();
const url = (f: string) => pathToFileURL(dir + f).href;
for (let i = 0; i < 2; i++) {
  let s = t(); let p = await browser.newPage(); await printSlides(p, url('index.html'), { fragments: 'final', timeoutMs: 120000 }); await p.close(); const a = t() - s;
  s = t(); p = await browser.newPage(); await printHandout(p, url('handout.html'), { timeoutMs: 120000 }); await p.close(); const b = t() - s;
  s = t();
  await Promise.all([(async () => { const q = await browser.newPage(); await printSlides(q, url('index.html'), { fragments: 'final', timeoutMs: 120000 }); await q.close(); })(), (async () => { const q = await browser.newPage(); await printHandout(q, url('handout.html'), { timeoutMs: 120000 }); await q.close(); })()]);
  console.log('slides', a.toFixed(0), 'handout', b.toFixed(0), 'sequential sum', (a + b).toFixed(0), 'parallel', (t() - s).toFixed(0));
}
await browser.close();
