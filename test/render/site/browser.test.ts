import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import type { OutputFile } from '../../../src/runtime/files.ts';
import { renderSite } from '../../../src/render/site/site.ts';
import { tempProject } from '../../helpers.ts';
import { SITE_FIXTURE, siteInputFor } from './fixture.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}
declare const axe: { run(options: object): Promise<{ violations: AxeViolation[] }> };
declare const Reveal: { isReady(): boolean; getIndices(): { h: number; v: number }; getCurrentSlide(): HTMLElement };

function writeFiles(dir: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    if ('copyFrom' in file) copyFileSync(file.copyFrom, target);
    else writeFileSync(target, file.content);
  }
}

describe('docs site in a real chromium', () => {
  let browser: Browser;
  let dist: string;
  const url = (sitePath: string) => pathToFileURL(path.join(dist, 'site', sitePath)).href;

  beforeAll(async () => {
    const root = tempProject();
    cpSync(path.join(SITE_FIXTURE, 'decks'), path.join(root, 'decks'), { recursive: true });
    dist = path.join(root, 'dist');
    const built = await buildDecks({ root, paths: ['decks/alpha', 'decks/beta'], pdf: false });
    expect(built.files.flatMap((file) => file.messages.filter((message) => message.fatal)).map(String)).toEqual([]);
    const { input, dispose } = await siteInputFor(root);
    writeFiles(path.join(dist, 'site'), renderSite({ ...input, pdf: false }));
    dispose();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page that records console errors and every request that is not a local file. */
  async function openPage(): Promise<{ page: Page; errors: string[]; outside: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    page.on('pageerror', (error) => void errors.push(String(error)));
    page.on('request', (request) => void (!/^(file|data):/.test(request.url()) && outside.push(request.url())));
    await page.setViewport({ width: 1280, height: 900 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    return { page, errors, outside };
  }

  it('finds a slide by a word of its code, follows navigation and presents a slide at its place', async () => {
    const { page, errors, outside } = await openPage();
    await page.goto(url('index.html'), { waitUntil: 'load' });
    await page.type('#search-input', 'malloc');
    await page.waitForSelector('#search-results a');
    const first = await page.$eval('#search-results a', (link) => ({
      href: link.getAttribute('href'),
      title: link.querySelector('.result-title')?.textContent,
    }));
    expect(first).toEqual({ href: 'alpha/index.html#use-after-free', title: 'Use-after-free' });
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(`${url('alpha/index.html')}#use-after-free`);

    await Promise.all([page.waitForNavigation(), page.click('nav.sidebar a[href="../beta/index.html"]')]);
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('Ownership in Rust');
    await Promise.all([page.waitForNavigation(), page.click('a.pager-next')]);
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('Memory bugs in C');
    expect(await page.$eval('a[aria-current="page"]', (link) => link.textContent)).toBe('Memory bugs in C');

    const present = await page.$eval(
      'a.present[aria-label="Present slide: Why it matters"]',
      (link) => (link as HTMLAnchorElement).href,
    );
    expect(existsSync(new URL(present.split('#')[0] ?? '').pathname)).toBe(true);
    await page.goto(present, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
    expect(await page.evaluate(() => ({ ...Reveal.getIndices(), id: Reveal.getCurrentSlide().id }))).toMatchObject({
      h: 1,
      v: 1,
      id: 'why-it-matters',
    });

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('follows the system theme, and remembers a chosen one across pages', async () => {
    const { page, errors } = await openPage();
    const state = () =>
      page.evaluate(() => ({
        theme: document.documentElement.dataset.theme ?? null,
        pressed: document.querySelector('.theme-toggle')?.getAttribute('aria-pressed'),
        background: getComputedStyle(document.body).backgroundColor,
      }));
    // Colours may animate: poll until the page settles on the expected state (or report the last one).
    const settlesOn = async (expected: Awaited<ReturnType<typeof state>>) => {
      let last = await state();
      for (let i = 0; i < 40 && JSON.stringify(last) !== JSON.stringify(expected); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        last = await state();
      }
      expect(last).toEqual(expected);
    };
    await page.goto(url('guide/index.html'), { waitUntil: 'load' });
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: 'load' });
    await settlesOn({ theme: null, pressed: 'false', background: 'rgb(255, 255, 255)' });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await page.waitForFunction(() => document.querySelector('.theme-toggle')?.getAttribute('aria-pressed') === 'true');
    await settlesOn({ theme: null, pressed: 'true', background: 'rgb(15, 18, 23)' });

    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.click('.theme-toggle');
    await settlesOn({ theme: 'dark', pressed: 'true', background: 'rgb(15, 18, 23)' });
    await page.goto(url('index.html'), { waitUntil: 'load' });
    await settlesOn({ theme: 'dark', pressed: 'true', background: 'rgb(15, 18, 23)' });
    await page.click('.theme-toggle');
    expect((await state()).theme).toBe('light');
    await page.evaluate(() => localStorage.clear());
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious accessibility violations in the %s theme (axe-core)',
    async (theme) => {
      const { page, errors, outside } = await openPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
      const found: string[] = [];
      for (const sitePath of [
        'index.html',
        'alpha/index.html',
        'beta/index.html',
        'guide/index.html',
        'verification.html',
      ]) {
        await page.goto(url(sitePath), { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        if (sitePath === 'index.html') {
          await page.type('#search-input', 'rust');
          await page.waitForSelector('#search-results a');
        }
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(
          async () => (await axe.run({ resultTypes: ['violations'], preload: false })).violations,
        );
        for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(
            `${sitePath}: ${violation.id} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
          );
        }
      }
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    },
  );
});
