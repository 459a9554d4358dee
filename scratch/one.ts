import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/browser.ts';
import { printSlides } from '../src/render/pdf/print.ts';
const browser = await launchBrowser();
for (let i = 0; i < 2; i++) { const p = await browser.newPage(); const s = performance.now(); await printSlides(p, pathToFileURL('/tmp/x10out/rust-in-kernel-x10/index.html').href, { fragments: 'final', timeoutMs: 120000 }); console.error('total', (performance.now() - s).toFixed(0)); await p.close(); }
await browser.close();
