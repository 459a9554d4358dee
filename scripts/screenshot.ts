/**
 * Developer aid: screenshots slides of a built deck. Usage: node scripts/screenshot.ts dist/<deck>/index.html
 * out-prefix [h/v ...] [--size 1920x1080] (the window size; default 1280x720)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withBrowser, withPage } from '../src/browser/browser.ts';

const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size');
const [width, height] = (sizeAt === -1 ? '1280x720' : (args.splice(sizeAt, 2)[1] ?? '')).split('x').map(Number);
const [deck, prefix = '/tmp/slide', ...slides] = args;
if (!deck) throw new Error('usage: screenshot.ts <index.html> [prefix] [h/v…]');
const url = pathToFileURL(path.resolve(deck)).href;
await withBrowser((browser) =>
  withPage(browser, async (page) => {
    await page.setViewport({ width: width || 1280, height: height || 720 });
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
