/**
 * Developer aid: screenshots slides of a built deck. Usage: node scripts/screenshot.ts dist/<deck>/index.html
 * out-prefix [h/v ...]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withBrowser, withPage } from '../src/browser/browser.ts';

const [deck, prefix = '/tmp/slide', ...slides] = process.argv.slice(2);
if (!deck) throw new Error('usage: screenshot.ts <index.html> [prefix] [h/v…]');
const url = pathToFileURL(path.resolve(deck)).href;
await withBrowser((browser) =>
  withPage(browser, async (page) => {
    await page.setViewport({ width: 1280, height: 720 });
    for (const slide of slides.length > 0 ? slides : ['0/0']) {
      await page.goto(`${url}#/${slide}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 900)));
      const file = `${prefix}-${slide.replace('/', '-')}.png`;
      await page.screenshot({ path: file });
      process.stdout.write(`${file}\n`);
    }
  }),
);
