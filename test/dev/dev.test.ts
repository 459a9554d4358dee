import { request } from 'node:http';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/browser.ts';
import { startDev, type DevServer } from '../../src/dev/server.ts';
import { tempProject } from '../helpers.ts';

const DECK = `---
title: Live
---

## First

Alpha.

## Second

Original text.
`;

/** A raw GET, so paths reach the server exactly as written (no client-side normalisation). */
function rawGet(url: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('proofdeck dev', () => {
  let root: string;
  let server: DevServer;
  let browser: Browser;
  const deckFile = () => path.join(root, 'decks', 'live', 'deck.md');

  beforeAll(async () => {
    root = tempProject({ live: DECK });
    writeFileSync(path.join(root, 'decks', 'solo.md'), DECK.replace('Live', 'Solo'));
    server = await startDev({ root, port: 0 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reloads the edited deck on the same slide, shows an error overlay, and clears it when fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}live/index.html#/2`, { waitUntil: 'load' });
    await page.waitForFunction(() =>
      document.querySelector('.reveal .slides section.present')?.textContent?.includes('Original text.'),
    );

    const rebuilt = server.nextBuild();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    writeFileSync(deckFile(), DECK.replace('Original text.', 'Edited text.'));
    expect((await rebuilt).ok).toBe(true);
    await page.waitForFunction(() =>
      document.querySelector('.reveal .slides section.present')?.textContent?.includes('Edited text.'),
    );
    expect(page.url()).toMatch(/#\/second$/);
    // Updated in place: no manual reload, and not even a page load.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    const broken = server.nextBuild();
    writeFileSync(deckFile(), DECK.replace('title: Live', 'title: Live\ncolour: red'));
    expect((await broken).ok).toBe(false);
    await page.waitForSelector('#proofdeck-dev-overlay');
    const overlayText = await page.$eval('#proofdeck-dev-overlay', (el) => el.textContent);
    expect(overlayText).toContain('unknown frontmatter key "colour"');
    expect(overlayText).toContain('[frontmatter/unknown-key]');
    expect(readFileSync(path.join(root, 'dist', 'live', 'index.html'), 'utf8')).toContain('Edited text.');

    const fixed = server.nextBuild();
    writeFileSync(deckFile(), DECK.replace('Original text.', 'Fixed text.'));
    expect((await fixed).ok).toBe(true);
    await page.waitForFunction(() =>
      document.querySelector('.reveal .slides section.present')?.textContent?.includes('Fixed text.'),
    );
    expect(await page.$('#proofdeck-dev-overlay')).toBeNull();
    await page.close();
  });

  it('rebuilds a single-file deck (decks/<name>.md) when it is saved', async () => {
    const rebuilt = server.nextBuild();
    writeFileSync(
      path.join(root, 'decks', 'solo.md'),
      DECK.replace('Live', 'Solo').replace('Original text.', 'Solo edit.'),
    );
    expect((await rebuilt).ok).toBe(true);
    expect(readFileSync(path.join(root, 'dist', 'solo', 'index.html'), 'utf8')).toContain('Solo edit.');
  });

  it('serves files inside dist/ and refuses every path that leaves it', async () => {
    symlinkSync('/etc', path.join(root, 'dist', 'etc-link'));
    expect(await rawGet(server.url, '/live/index.html')).toBe(200);
    expect(await rawGet(server.url, '/live/')).toBe(200);
    for (const attempt of [
      '/../package.json',
      '/live/../../decks/live/deck.md',
      '/%2e%2e/decks/live/deck.md',
      '/live/..%2f..%2fdecks%2flive%2fdeck.md',
      '/..%5c..%5cetc%5cpasswd',
      '/etc-link/passwd',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect([403, 404], attempt).toContain(await rawGet(server.url, attempt));
    }
  });

  it('replaces only the slides an edit changed, from the second edit on', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}live/index.html#/second`, { waitUntil: 'load' });
    const edit = async (text: string) => {
      const rebuilt = server.nextBuild();
      writeFileSync(deckFile(), DECK.replace('Original text.', text));
      expect((await rebuilt).ok).toBe(true);
      await page.waitForFunction(
        (expected) => document.querySelector('.reveal .slides section.present')?.textContent?.includes(expected),
        {},
        text,
      );
    };
    await edit('First swap.');
    const mark = () =>
      page.evaluate(() => {
        const [first, second] = document.querySelectorAll<HTMLElement & { kept?: boolean }>(
          '.reveal .slides > section',
        );
        if (first) first.kept = true;
        if (second) second.kept = true;
      });
    await mark();
    await edit('Second swap.');
    const kept = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement & { kept?: boolean }>('.reveal .slides > section')].map(
        (section) => section.kept === true,
      ),
    );
    // The title and first slides are the same elements; the edited one is new, and shown.
    expect(kept).toEqual([true, true, false]);
    expect(page.url()).toMatch(/#\/second$/);
    await page.close();
  });

  it('shows a one-slide edit through the fast path before the full build, replacing only that slide', async () => {
    const settled = server.nextBuild();
    writeFileSync(deckFile(), DECK);
    await settled;
    const page = await browser.newPage();
    await page.goto(`${server.url}live/index.html#/second`, { waitUntil: 'load' });
    await page.evaluate(() => {
      const sections = document.querySelectorAll<HTMLElement & { kept?: boolean }>('.reveal .slides > section');
      for (const section of sections) section.kept = true;
      const updates: string[] = [];
      Object.assign(window, { updates });
      document.addEventListener('proofdeck:updated', (event) => {
        updates.push((event as CustomEvent<{ via?: string } | null>).detail?.via ?? 'unknown');
      });
    });
    const rebuilt = server.nextBuild();
    writeFileSync(deckFile(), DECK.replace('Original text.', 'Fast text.'));
    await page.waitForFunction(() =>
      document.querySelector('.reveal .slides section.present')?.textContent?.includes('Fast text.'),
    );
    const state = await page.evaluate(() => ({
      updates: [...(window as unknown as { updates: string[] }).updates],
      kept: [...document.querySelectorAll<HTMLElement & { kept?: boolean }>('.reveal .slides > section')].map(
        (section) => section.kept === true,
      ),
    }));
    // The first update is the fast path's: only the edited slide's element is new.
    expect(state.updates[0]).toBe('slides');
    expect(state.kept).toEqual([true, true, false]);
    expect(page.url()).toMatch(/#\/second$/);
    expect((await rebuilt).ok).toBe(true);
    expect(readFileSync(path.join(root, 'dist', 'live', 'index.html'), 'utf8')).toContain('Fast text.');
    // The full build's reload that follows changes nothing the fast path showed, even on the page's first edit.
    await page.waitForFunction(() => (window as unknown as { updates: string[] }).updates.includes('reload'));
    const after = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement & { kept?: boolean }>('.reveal .slides > section')].map(
        (section) => section.kept === true,
      ),
    );
    expect(after).toEqual([true, true, false]);
    await page.close();
  });
});

describe('proofdeck dev after the fast path', () => {
  it('builds a burst of edits once, after the last one settled, and writes the last one', async () => {
    const root = tempProject({ live: DECK });
    const lines: string[] = [];
    // A long settle time, so the second edit surely lands within the first one's.
    const server = await startDev({
      root,
      port: 0,
      settleMs: 3000,
      printoutDelayMs: 0,
      log: (line) => lines.push(line),
    });
    const browser = await launchBrowser();
    let open = true;
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}live/index.html#/second`, { waitUntil: 'load' });
      const built = server.nextBuild();
      lines.length = 0;
      for (const text of ['Burst one.', 'Burst two.']) {
        writeFileSync(path.join(root, 'decks', 'live', 'deck.md'), DECK.replace('Original text.', text));
        await page.waitForFunction(
          (expected) => document.querySelector('.reveal .slides section.present')?.textContent?.includes(expected),
          {},
          text,
        );
      }
      expect((await built).ok).toBe(true);
      expect(readFileSync(path.join(root, 'dist', 'live', 'index.html'), 'utf8')).toContain('Burst two.');
      expect(lines.filter((line) => line.startsWith('updated 1 slide'))).toHaveLength(2);
      // close() waits for every queued build: the second edit's found nothing left to build.
      open = false;
      await server.close();
      expect(lines.filter((line) => line.startsWith('rebuilt'))).toHaveLength(1);
    } finally {
      await browser.close();
      if (open) await server.close();
    }
  });
});
