import path from 'node:path';
import vm from 'node:vm';
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorIds } from '../../../src/links/anchors.ts';
import type { OutputFile } from '../../../src/runtime/files.ts';
import { renderSite } from '../../../src/render/site/site.ts';
import type { SiteInput } from '../../../src/render/site/site-input.ts';
import { SITE_FIXTURE, siteInputFor } from './fixture.ts';

const GOLDEN = path.join(SITE_FIXTURE, 'expected');
const PAGES = [
  'index.html',
  'alpha/index.html',
  'beta/index.html',
  'guide/index.html',
  'verification.html',
  '404.html',
  'sitemap.xml',
];

let input: SiteInput;
let files: OutputFile[];
let dispose: () => void;

beforeAll(async () => {
  ({ input, dispose } = await siteInputFor());
  files = renderSite(input);
});

afterAll(() => dispose());

function text(sitePath: string, from: readonly OutputFile[] = files): string {
  const file = from.find((candidate) => candidate.path === sitePath);
  if (!file || !('content' in file)) throw new Error(`no generated file ${sitePath}`);
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}

/** One block element per line, so golden diffs are reviewable; `<pre>` blocks are left as they are. */
function readable(html: string): string {
  const tags =
    'head|body|header|footer|main|nav|article|section|div|p|h[1-6]|ul|ol|li|figure|table|thead|tbody|tr|' +
    'meta|link|script|title|pre';
  const block = new RegExp(String.raw`(<(?:${tags})[\s>])`, 'g');
  return html
    .split(/(<pre[\s\S]*?<\/pre>)/)
    .map((part) => (part.startsWith('<pre') ? part : part.replace(block, '\n$1')))
    .join('');
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('docs site HTML', () => {
  it.each(PAGES)('matches the golden %s', async (page) => {
    await expect(readable(text(page))).toMatchFileSnapshot(path.join(GOLDEN, page));
  });

  it('is byte-identical when rendered again', () => {
    const again = renderSite(input);
    expect(again.map((file) => file.path)).toEqual(files.map((file) => file.path));
    expect(again).toEqual(files);
  });

  it('lays out one folder per document, the runtime, search index, sitemap and 404', () => {
    const paths = files.map((file) => file.path).filter((file) => !file.startsWith('_proofdeck/fonts/'));
    expect(paths).toEqual([
      '404.html',
      '_proofdeck/minisearch.js',
      '_proofdeck/site.css',
      '_proofdeck/site.js',
      expect.stringMatching(/^alpha\/assets\/gradient\.[0-9a-f]{10}\.png$/),
      'alpha/index.html',
      'beta/index.html',
      'guide/index.html',
      'index.html',
      'search-index.js',
      'sitemap.xml',
      'verification.html',
    ]);
    expect(files.some((file) => file.path === '_proofdeck/fonts/fonts.css')).toBe(true);
  });

  it('uses only relative URLs on every page but the 404, which uses the base', () => {
    for (const page of PAGES.filter((page) => page.endsWith('.html') && page !== '404.html')) {
      const external = hrefs(text(page)).filter((url) => /^(?:[a-z]+:|\/)/i.test(url));
      expect(
        external.filter((url) => url !== 'https://docs.kernel.org/' && url !== 'data:,'),
        page,
      ).toEqual([]);
    }
    const notFound = hrefs(text('404.html'));
    expect(notFound.filter((url) => !url.startsWith('#'))).toSatisfy((urls: string[]) =>
      urls.every((url) => url.startsWith('/talks/site/') || url === 'data:,'),
    );
    expect(text('sitemap.xml')).toContain('<loc>/talks/site/alpha/</loc>');
    expect(text('sitemap.xml')).not.toContain('404');
  });

  it('opens each slide in the deck at its reveal.js position (the title slide is 0)', () => {
    const alpha = text('alpha/index.html');
    expect(alpha).toContain('href="../../alpha/index.html#/1/0" aria-label="Present slide: Use-after-free"');
    expect(alpha).toContain('href="../../alpha/index.html#/1/1" aria-label="Present slide: Why it matters"');
    expect(alpha).toContain('href="../../alpha/index.html#/1/3" aria-label="Present slide 1.3"');
    expect(text('beta/index.html')).toContain(
      'href="../../beta/index.html#/2/0" aria-label="Present slide: Borrowing"',
    );
    expect(text('guide/index.html')).not.toContain('class="present"');
  });

  it('links the slide and handout PDFs only when they were built', () => {
    expect(text('alpha/index.html')).toContain('href="../../alpha/alpha-handout.pdf"');
    const withoutPdf = renderSite({ ...input, pdf: false });
    expect(text('alpha/index.html', withoutPdf)).not.toContain('.pdf');
    expect(text('index.html', withoutPdf)).not.toContain('.pdf');
  });

  it('points links between decks and pages at their articles, not at copied markdown', () => {
    expect(hrefs(text('alpha/index.html'))).toEqual(
      expect.arrayContaining(['../beta/index.html#ownership', '../guide/index.html#install', '#use-after-free']),
    );
    expect(hrefs(text('guide/index.html'))).toEqual(
      expect.arrayContaining(['../alpha/index.html#use-after-free', '../beta/index.html']),
    );
    expect(files.some((file) => file.path.endsWith('.md'))).toBe(false);
  });

  it('turns reveal.js links into slide anchors and evidence marks into snippet anchors', () => {
    expect(hrefs(text('alpha/index.html'))).toContain('#the-pipeline');
    expect(text('beta/index.html')).toMatch(/<a class="evidence" href="#snippet-moved"/);
  });

  it('copies deck images beside the article under their hashed names', () => {
    const image = files.find((file) => file.path.startsWith('alpha/assets/'));
    expect(image && 'copyFrom' in image ? image.copyFrom : '').toBe(
      path.join(SITE_FIXTURE, 'decks', 'alpha', 'gradient.png'),
    );
    expect(text('alpha/index.html')).toContain(`src="${image?.path.replace('alpha/', '')}"`);
  });

  it('gives every anchor the link check accepts to exactly one element', () => {
    for (const doc of input.docs) {
      const html = text(`${doc.deck.name}/index.html`);
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
      expect(new Set(ids).size, doc.deck.name).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining([...anchorIds(doc.deck)]));
    }
  });

  it('gives each proved snippet an anchor the verification page links to', () => {
    expect(text('alpha/index.html')).toContain('id="snippet-uaf"');
    expect(text('verification.html')).toContain('href="alpha/index.html#snippet-uaf"');
  });

  it('lists every snippet with its expectation, outcome and toolchains, and every table', () => {
    const page = text('verification.html');
    for (const expected of [
      'AddressSanitizer reports heap-use-after-free',
      'rejected by the compiler (E0382)',
      'rustc 1.95.0: compile error',
      'gcc 12.2.0: detected: heap-use-after-free',
      'Bug · C · Rust',
      'key column “Bug” unique',
      '1 cell proved by a snippet',
      '<strong>3</strong> of 3 snippets verified',
    ]) {
      expect(page).toContain(expected);
    }
    expect(text('guide/index.html')).toContain('All 3 code snippets and 1 table verified at build time.');
  });

  it('rejects two documents that would share a folder', () => {
    const [first] = input.docs;
    if (!first) throw new Error('fixture has no documents');
    expect(() => renderSite({ ...input, docs: [...input.docs, first] })).toThrow(/share the name "(alpha|beta|guide)"/);
  });
});

describe('search index', () => {
  let engine: MiniSearch;

  beforeAll(() => {
    const context: { window: Record<string, unknown> } = { window: {} };
    vm.runInNewContext(text('search-index.js'), context);
    const data = context.window.proofdeckSearchIndex as { index: AsPlainObject; options: Options };
    engine = MiniSearch.loadJS(data.index, data.options);
  });

  const urls = (results: SearchResult[]) => results.map((result) => result.url as string);

  it('finds slide text, code and speaker notes, linking to the slide', () => {
    expect(urls(engine.search('allocator'))[0]).toBe('alpha/index.html#why-it-matters');
    expect(urls(engine.search('malloc'))[0]).toBe('alpha/index.html#use-after-free');
    expect(urls(engine.search('AddressSanitizer'))).toContain('alpha/index.html#use-after-free');
    expect(urls(engine.search('E0382'))[0]).toBe('beta/index.html#ownership');
  });

  it('finds documents by title and abstract, and pages too', () => {
    expect(urls(engine.search('borrow checker'))[0]).toBe('beta/index.html');
    expect(urls(engine.search('apt-get'))).toContain('guide/index.html#install');
  });

  it('matches prefixes and small typos', () => {
    expect(urls(engine.search('sanitiz'))).toContain('alpha/index.html');
    expect(urls(engine.search('alocator'))).toContain('alpha/index.html#why-it-matters');
  });
});
