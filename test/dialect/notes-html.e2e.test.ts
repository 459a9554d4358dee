/**
 * reveal-md's `Note:` notes keep raw HTML as reveal.js's markdown plugin does (marked, HTML passed
 * through): proofdeck's built notes against the plugin's, in chromium, on a deck with inline and block
 * HTML, a comment and markdown inside an HTML block.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/browser.ts';
import { frontmatterRange } from '../../src/dialect/detect.ts';
import { REVEAL_MD_DEFAULTS } from '../../src/dialect/reveal.ts';
import { REPO, runCli, tempProject } from '../helpers.ts';

const DECK = `---
title: Talk
from: reveal-md
---

# One

Hello

Note: inline <b>bold</b>, <span style="color:red">red</span> and <kbd>Ctrl</kbd><br>next
<div class="tip">
a *block* div
</div>

<details><summary>More</summary>

hidden **md**

</details>

<!-- a comment -->

---

# Two

Note:
<ul>
<li>raw <i>list</i></li>
</ul>
`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** reveal.js's markdown plugin on the deck body, with reveal-md's separators. */
function pluginPage(dir: string): string {
  const body = DECK.slice(frontmatterRange(DECK)?.end ?? 0);
  const dist = pathToFileURL(path.join(REPO, 'node_modules', 'reveal.js', 'dist')).href;
  const separators =
    ` data-separator="${escapeHtml(REVEAL_MD_DEFAULTS.separator)}"` +
    ` data-separator-vertical="${escapeHtml(REVEAL_MD_DEFAULTS.verticalSeparator)}"`;
  const file = path.join(dir, 'plugin.html');
  writeFileSync(
    file,
    `<!doctype html><html><head><meta charset="utf-8"></head><body><div class="reveal"><div class="slides">
<section data-markdown${separators}><textarea data-template>\n${escapeHtml(body)}</textarea></section></div></div>
<script src="${dist}/reveal.js"></script><script src="${dist}/plugin/markdown.js"></script>
<script src="${dist}/plugin/notes.js"></script>
<script>Reveal.initialize({ plugins: [RevealMarkdown, RevealNotes] });</script></body></html>`,
  );
  return pathToFileURL(file).href;
}

/** Every slide's notes as HTML, blank lines between blocks ignored (marked keeps them, hast does not). */
async function notesOf(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null, { timeout: 20_000 });
  const notes = await page.evaluate(() => [...document.querySelectorAll('aside.notes')].map((n) => n.innerHTML));
  await page.close();
  return notes.map((html) => html.replace(/\n{2,}/g, '\n').trim());
}

describe('Note: notes keep raw HTML like reveal.js’s markdown plugin', () => {
  let browser: Browser;
  let root: string;
  beforeAll(async () => {
    root = tempProject({ talk: DECK });
    const result = runCli(root, ['build', '--no-pdf', '--no-site']);
    expect(result.stderr).not.toMatch(/: error:/);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the same notes HTML on every slide', async () => {
    const ours = await notesOf(browser, pathToFileURL(path.join(root, 'dist', 'talk', 'index.html')).href);
    const plugin = await notesOf(browser, pluginPage(root));
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(plugin);
    expect(readFileSync(path.join(root, 'dist', 'talk', 'index.html'), 'utf8')).toContain('<kbd>Ctrl</kbd><br>next');
  });
});
