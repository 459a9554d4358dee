import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { tempProject } from '../../helpers.ts';

/** Where screenshots are written when SCREENSHOT_DIR is set (to look at them; the test never needs them). */
const SHOTS = process.env.SCREENSHOT_DIR;

const deck = (frontmatter: string) =>
  `---\ntitle: Paced\n${frontmatter}---\n\n## One\n\nFirst.\n\n:::notes\nSay hello.\n:::\n\n## Two\n\nSecond.\n`;

/** What the speaker view's time panel shows once it has connected to the deck. */
interface PacingState {
  notes: string;
  titleShown: boolean;
  pacingShown: boolean;
  pacingClass: string;
  pacingText: string;
}

/** Opens the deck, presses S as a speaker would, and reads reveal.js's speaker view (a popup window). */
async function speakerView(browser: Browser, url: string, shot?: string): Promise<PacingState> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null);
  const popup = new Promise<Page>((resolve) => {
    browser.once('targetcreated', (target) => {
      void target.page().then((opened) => {
        if (opened) resolve(opened);
      });
    });
  });
  await page.keyboard.press('s');
  const notes = await popup;
  await notes.setViewport({ width: 1100, height: 700 });
  // Connected: the notes of the current slide (One, opened by its hash) are shown.
  await notes.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.trim(), {
    timeout: 20_000,
  });
  // Pacing is computed from getConfig a moment after connecting; give it a few timer ticks.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const state = await notes.evaluate(() => {
    const title = document.querySelector<HTMLElement>('.speaker-controls-time .pacing-title');
    const pacing = document.querySelector<HTMLElement>('.speaker-controls-time .pacing');
    const shown = (element: HTMLElement | null) => !!element && getComputedStyle(element).display !== 'none';
    return {
      notes: document.querySelector('.speaker-controls-notes .value')?.textContent?.trim() ?? '',
      titleShown: shown(title),
      pacingShown: shown(pacing),
      pacingClass: pacing?.className ?? '',
      pacingText: pacing?.textContent?.trim() ?? '',
    };
  });
  if (SHOTS && shot) await notes.screenshot({ path: path.join(SHOTS, shot) });
  await notes.close();
  await page.close();
  return state;
}

describe('reveal.js speaker view in a real chromium', () => {
  let browser: Browser;
  let root: string;
  const url = (name: string) => `${pathToFileURL(path.join(root, 'dist', name, 'index.html')).href}#/one`;

  beforeAll(async () => {
    root = tempProject({ paced: deck('totalTime: 600\n'), free: deck('') });
    const result = await buildDecks({ root, pdf: false });
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the pacing timer against totalTime', async () => {
    const state = await speakerView(browser, url('paced'), 'speaker-view-paced.png');
    expect(state.notes).toBe('Say hello.');
    expect(state.titleShown).toBe(true);
    expect(state.pacingShown).toBe(true);
    expect(state.pacingClass).toMatch(/\b(ahead|on-track|behind)\b/);
    // 600 s shared by the title slide and two slides: the end of the second (One) is due at 6:40.
    expect(state.pacingText).toMatch(/^00:06:[0-4]\d$/);
  });

  it('shows no pacing without totalTime', async () => {
    const state = await speakerView(browser, url('free'), 'speaker-view-free.png');
    expect(state.notes).toBe('Say hello.');
    expect(state.pacingShown).toBe(false);
  });
});
