/** Renders mermaid diagrams to SVG in one headless chromium page, in one batch, with a cache in front. */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { BrowserSession } from '../browser/session.ts';
import { scratchDir } from '../cache/scratch.ts';
import type { Diagram, DiagramResult } from '../model/diagram.ts';
import { fontFiles } from '../runtime/files.ts';
import { diagramCacheKey, readCachedSvg, writeCachedSvg } from './cache.ts';
import { scopeSvgIds } from './svg.ts';

const require = createRequire(import.meta.url);
const MERMAID_JS = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (
  JSON.parse(readFileSync(path.join(path.dirname(MERMAID_JS), '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** Mermaid configuration derived from the deck theme. */
type MermaidConfig = Record<string, unknown>;

/** Options for {@link renderDiagrams}. */
export interface RenderDiagramOptions {
  browser: BrowserSession;
  config: MermaidConfig;
  /** Cache folder; `undefined` disables the cache. */
  cacheDir: string | undefined;
}

interface PageResult {
  svg?: string;
  message?: string;
  name?: string;
  line?: number;
  column?: number;
}

/** Renders every diagram; cached ones without a browser, the rest in one page of the shared browser. */
export async function renderDiagrams(
  diagrams: readonly Diagram[],
  options: RenderDiagramOptions,
): Promise<Map<string, DiagramResult>> {
  const results = new Map<string, DiagramResult>();
  const keyOf = (diagram: Diagram) =>
    diagramCacheKey({ text: diagram.text, id: diagram.id, mermaidVersion: MERMAID_VERSION, config: options.config });
  const pending: Diagram[] = [];
  for (const diagram of diagrams) {
    const cached = options.cacheDir ? readCachedSvg(options.cacheDir, keyOf(diagram)) : undefined;
    if (cached !== undefined) results.set(diagram.id, { ok: true, svg: cached, cached: true });
    else pending.push(diagram);
  }
  if (pending.length === 0) return results;
  const rendered = await renderInPage(pending, options);
  pending.forEach((diagram, index) => {
    const result = rendered[index] ?? { message: 'no result from the browser' };
    if (result.svg !== undefined) {
      const svg = scopeSvgIds(result.svg, diagram.id);
      if (options.cacheDir) writeCachedSvg(options.cacheDir, keyOf(diagram), svg);
      results.set(diagram.id, { ok: true, svg, cached: false });
      return;
    }
    results.set(diagram.id, { ok: false, message: result.message ?? 'mermaid failed', ...position(result) });
  });
  return results;
}

/** jison grammars say "line N" (1-based), langium ones "line N, column M". */
function position(result: PageResult): { sourceLine?: number; sourceColumn?: number } {
  const match = /line (\d+)(?:, column (\d+))?/.exec(result.message ?? '');
  const out: { sourceLine?: number; sourceColumn?: number } = {};
  if (match?.[1]) out.sourceLine = Number(match[1]);
  if (match?.[2]) out.sourceColumn = Number(match[2]);
  return out;
}

/** A page with the deck fonts loaded, so label widths are measured with the fonts the deck shows. */
function writeRenderPage(dir: string): string {
  for (const font of fontFiles()) {
    const target = path.join(dir, path.basename(font.path));
    if ('copyFrom' in font) copyFileSync(font.copyFrom, target);
    else writeFileSync(target, font.content);
  }
  const page = path.join(dir, 'render.html');
  writeFileSync(
    page,
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="fonts.css"><script src="` +
      `${pathToFileURL(MERMAID_JS).href}"></script></head><body><p style="font-family:'Source Sans ` +
      `3'">fonts</p></body></html>`,
  );
  return page;
}

/** One page per browser with mermaid and the fonts loaded, kept for the browser's life (`proofdeck dev`). */
const warmPages = new WeakMap<Browser, Promise<Page>>();
/** Batches take turns on a browser's page. */
const turns = new WeakMap<Browser, Promise<unknown>>();

/**
 * Loading mermaid (~3 MB) and the fonts is most of a cold render; a dev session renders again in the page it
 * already has, so a diagram edit costs the render alone. The page's folder goes when the browser does.
 */
function warmPage(browser: Browser): Promise<Page> {
  const existing = warmPages.get(browser);
  if (existing) return existing;
  const created = (async () => {
    const dir = scratchDir('mermaid');
    browser.once('disconnected', () => rmSync(dir, { recursive: true, force: true }));
    const page = await browser.newPage();
    page.once('close', () => warmPages.delete(browser));
    await page.goto(pathToFileURL(writeRenderPage(dir)).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  })();
  warmPages.set(browser, created);
  created.catch(() => warmPages.delete(browser));
  return created;
}

async function renderInPage(diagrams: readonly Diagram[], options: RenderDiagramOptions): Promise<PageResult[]> {
  const browser = await options.browser.get();
  const previous = turns.get(browser) ?? Promise.resolve();
  const mine = previous
    .catch(() => undefined)
    .then(async () => renderBatch(await warmPage(browser), diagrams, options));
  turns.set(browser, mine);
  return await mine;
}

async function renderBatch(
  page: Page,
  diagrams: readonly Diagram[],
  options: RenderDiagramOptions,
): Promise<PageResult[]> {
  const jobs = diagrams.map((diagram) => ({ id: diagram.id, text: diagram.text }));
  return await page.evaluate(
    async (batch, config) => {
      interface Mermaid {
        initialize(config: unknown): void;
        render(id: string, text: string): Promise<{ svg: string }>;
      }
      const mermaid = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
      mermaid.initialize({ ...config, startOnLoad: false, securityLevel: 'strict', deterministicIds: true });
      const out: PageResult[] = [];
      for (const job of batch) {
        try {
          out.push({ svg: (await mermaid.render(job.id, job.text)).svg });
        } catch (error) {
          const e = error as { message?: string; name?: string };
          out.push({ message: String(e.message ?? error), name: String(e.name ?? 'Error') });
          document.getElementById(job.id)?.remove();
          document.getElementById(`d${job.id}`)?.remove();
        }
      }
      return out;
    },
    jobs,
    options.config,
  );
}
