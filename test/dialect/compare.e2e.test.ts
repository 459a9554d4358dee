/**
 * proofdeck's slide tree against the real tools, on the fixture decks of test/fixtures/dialects/:
 * pandoc (`pandoc -t revealjs`, Debian's package) for pandoc/Quarto decks, and reveal.js's own markdown plugin
 * (node_modules/reveal.js/dist/plugin/markdown.js, run by Reveal.initialize in chromium) for reveal.js and
 * reveal-md decks. Compared: horizontal positions × vertical slides, notes per slide, fragments per slide.
 * Also: the browser's slide count of every built fixture deck equals the build's.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/browser.ts';
import { loadDeck } from '../../src/pipeline/load.ts';
import { frontmatterData, frontmatterRange } from '../../src/dialect/detect.ts';
import { REVEAL_DEFAULTS, REVEAL_MD_DEFAULTS } from '../../src/dialect/reveal.ts';
import { allSlides } from '../../src/parse/slides.ts';
import { FIXTURES, REPO, runCli, tempProject } from '../helpers.ts';
import { measure, shape, type Structure } from './structure.ts';

const DIALECTS = ['pandoc', 'reveal-md', 'reveal'] as const;
type Dialect = (typeof DIALECTS)[number];

/**
 * Fixtures whose count differs from the tool's on purpose, and why. The expected structure is then the
 * tool's with the stated change, so the test still fails on any other difference.
 */
const DIFFERENCES: Record<string, { why: string; adjust: (tool: Structure) => Structure }> = {
  'revealmd-code-fence': {
    why:
      'reveal.js 6 slidify (which reveal-md runs) splits at a `---` line inside a fenced code block, cutting the ' +
      'two-document YAML example into two slides; proofdeck never splits a code block, so it stays on one slide.',
    adjust: (tool) => [tool[0] ?? [], ...tool.slice(2)],
  },
};

function fixtures(dialect: Dialect): string[] {
  const dir = path.join(FIXTURES, 'dialects', dialect);
  return readdirSync(dir)
    .filter((name) => /\.(md|qmd)$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

const stem = (file: string) => path.basename(file).replace(/\.(md|qmd)$/, '');

interface RevealApi {
  getTotalSlides(): number;
}
declare const Reveal: RevealApi;

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null, { timeout: 20_000 });
  return page;
}

/** pandoc's own slides: `pandoc -t revealjs`, level 2 for Quarto decks, `-i` for Quarto's `incremental: true`. */
function pandocHtml(file: string): string {
  const data = frontmatterData(readFileSync(file, 'utf8'));
  const format = data.format;
  const quarto = file.endsWith('.qmd') || format !== undefined;
  const nested =
    format && typeof format === 'object' ? (format as { revealjs?: { incremental?: unknown } }).revealjs : {};
  const args = ['-f', 'markdown', '-t', 'revealjs', ...(quarto ? ['--slide-level=2'] : [])];
  if (nested?.incremental === true || data.incremental === true) args.push('-i');
  const result = spawnSync('pandoc', [...args, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pandoc failed on ${file}: ${result.stderr}`);
  return result.stdout;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A page running reveal.js's markdown plugin on the deck body, with the separators the tool would use. */
function revealPage(file: string, dialect: 'reveal' | 'reveal-md', dir: string): string {
  const source = readFileSync(file, 'utf8');
  const data = frontmatterData(source);
  const body = source.slice(frontmatterRange(source)?.end ?? 0);
  const defaults = dialect === 'reveal' ? REVEAL_DEFAULTS : REVEAL_MD_DEFAULTS;
  const option = (key: string, fallback: string | undefined) =>
    typeof data[key] === 'string' ? (data[key] as string) : fallback;
  const separator = option('separator', defaults.separator);
  const vertical = option('verticalSeparator', defaults.verticalSeparator);
  const dist = pathToFileURL(path.join(REPO, 'node_modules', 'reveal.js', 'dist')).href;
  const attributes = [
    separator && dialect === 'reveal-md' ? ` data-separator="${escapeHtml(separator)}"` : '',
    separator && dialect === 'reveal' && data.separator ? ` data-separator="${escapeHtml(separator)}"` : '',
    vertical ? ` data-separator-vertical="${escapeHtml(vertical)}"` : '',
  ].join('');
  const head = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${dist}/reveal.css">`;
  const html = `${head}</head>
<body><div class="reveal"><div class="slides"><section data-markdown${attributes}><textarea data-template>
${escapeHtml(body)}</textarea></section></div></div>
<script src="${dist}/reveal.js"></script><script src="${dist}/plugin/markdown.js"></script>
<script src="${dist}/plugin/notes.js"></script>
<script>Reveal.initialize({ plugins: [RevealMarkdown, RevealNotes] });</script></body></html>`;
  const page = path.join(dir, `${stem(file)}.reveal.html`);
  writeFileSync(page, html);
  return pathToFileURL(page).href;
}

describe.each(DIALECTS)('%s fixtures against the real tool', (dialect) => {
  let browser: Browser;
  let root: string;
  const built = new Map<string, Structure>();

  beforeAll(async () => {
    root = tempProject();
    mkdirSync(path.join(root, 'decks'), { recursive: true });
    cpSync(path.join(FIXTURES, 'dialects', dialect), path.join(root, 'decks'), { recursive: true });
    const paths = fixtures(dialect).map((file) => path.join('decks', path.basename(file)));
    const result = runCli(root, ['build', '--no-pdf', '--no-site', '--from', dialect, ...paths]);
    expect(result.stderr).not.toMatch(/: error:/);
    expect(result.status).toBe(0);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(fixtures(dialect).map((file) => [stem(file), file]))(
    '%s: same slides, stacks, notes and fragments',
    async (name, file) => {
      const deckUrl = pathToFileURL(path.join(root, 'dist', name, 'index.html')).href;
      const page = await open(browser, deckUrl);
      const ours = await measure(page);
      built.set(name, ours);
      // The browser reaches every slide the build made (nothing fell out of .slides).
      const { deck } = loadDeck({ name, path: file }, { knownThemes: new Set(['dark', 'light']), from: dialect });
      const expected = allSlides(deck?.items ?? []).length + (deck?.meta.titleSlide ? 1 : 0);
      expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(expected);
      await page.close();

      let tool: Structure;
      if (dialect === 'pandoc') {
        const toolPage = await browser.newPage();
        await toolPage.setContent(`<div class="reveal"><div class="slides">${pandocHtml(file)}</div></div>`);
        tool = await measure(toolPage);
        await toolPage.close();
      } else {
        const toolPage = await open(browser, revealPage(file, dialect, root));
        tool = await measure(toolPage);
        await toolPage.close();
      }
      const difference = DIFFERENCES[name];
      const reference = difference ? difference.adjust(tool) : tool;
      expect(ours, `${name}: proofdeck ${shape(ours)} vs ${dialect} ${shape(tool)}`).toEqual(reference);
    },
  );
});
