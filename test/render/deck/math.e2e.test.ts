import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { withBrowser } from '../../../src/browser/browser.ts';
import { buildDecks } from '../../../src/pipeline/build.ts';
import { FIXTURES, tempProject } from '../../helpers.ts';

describe('math', () => {
  const root = tempProject({ talk: readFileSync(path.join(FIXTURES, 'math', 'syntax', 'ok.md'), 'utf8') });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is typeset at build time in deck and site, with KaTeX fonts that load offline', async () => {
    const result = await buildDecks({ root, pdf: false });
    expect(result.written).toEqual(['talk', 'site']);
    const deck = readFileSync(path.join(root, 'dist', 'talk', 'index.html'), 'utf8');
    expect(deck).toContain('class="katex"');
    expect(deck).toContain('<math');
    expect(deck).toContain('class="math-display"');
    expect(deck).not.toContain('$E = mc^2$');
    expect(deck).toContain('it cost $5 and $10.');
    expect(readFileSync(path.join(root, 'dist', 'site', 'talk', 'index.html'), 'utf8')).toContain('class="katex"');
    const loaded = await withBrowser(async (browser) => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(root, 'dist', 'talk', 'index.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page.evaluate(
        () => [...document.fonts].filter((font) => font.family.includes('KaTeX') && font.status === 'loaded').length,
      );
    });
    expect(loaded).toBeGreaterThan(0);
  });
});
