/**
 * The fit stage: every deck's slides are laid out in chromium (one page per deck, all slides at once) before
 * the deck is written. Code blocks that do not fit get a smaller font (never below the floor), written into
 * the HTML that deck, PDF and handout share; what still does not fit is a `deck/overflow` warning at its
 * markdown position. Results are cached by everything that changes the layout: an unchanged deck is not
 * measured again, and its warnings are replayed.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { dismissDialogs } from '../browser/browser.ts';
import type { BrowserSession } from '../browser/session.ts';
import { scratchDir } from '../cache/scratch.ts';
import { fileIdentity, sha256 } from '../cache/store.ts';
import { slideSize } from '../model/deck.ts';
import { renderDeck } from '../render/deck/document.ts';
import { applyFit, fitFloor, markForFitting } from '../render/deck/fit.ts';
import { fitWarning } from '../render/deck/fit-advice.ts';
import { measureDeck } from '../render/deck/measure.ts';
import { measureSlides, type MeasureOutput } from '../render/deck/measure-page.ts';
import { renderItems, titleSlide } from '../render/deck/slides.ts';
import { addWarning } from '../report/messages.ts';
import type { OutputFile } from '../runtime/files.ts';
import { joinMeasured, type Leaf, type SlideMeasurement, slideLeaves, splitMeasured } from './fit-slides.ts';
import { CACHE_FORMAT, mayMeasure, readStore, writeStore } from './fit-store.ts';
import type { BuiltDoc } from './renderers.ts';

/** Options of the fit stage. */
export interface FitStageOptions {
  browser: BrowserSession;
  /** Where measurements are cached; `undefined` measures every deck. */
  cacheDir: string | undefined;
}

/** Everything that changes the layout: the page, its stylesheets, the files it loads, and this measuring code. */
function cacheKey(files: readonly OutputFile[], floor: number): string {
  const parts = files.map((file) => {
    if ('copyFrom' in file) return `${file.path}\n${fileIdentity(file.copyFrom) ?? 'missing'}`;
    const text = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('base64');
    return `${file.path}\n${text}`;
  });
  return sha256(JSON.stringify([CACHE_FORMAT, measureSlides.toString(), floor, parts]));
}

/** Writes the marked page beside its runtime and assets (linked, not copied) in a scratch folder. */
function writeScratch(files: readonly OutputFile[]): string {
  const dir = scratchDir('fit');
  for (const file of files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    if ('copyFrom' in file) symlinkSync(path.resolve(file.copyFrom), target);
    else writeFileSync(target, file.content);
  }
  return dir;
}

/** Browsers whose first tab (the blank one chromium opens at launch) was taken: opening a tab takes 0.1–0.3 s. */
const firstTabTaken = new WeakSet<Browser>();

/** The launch's blank tab the first time (after an edit, that is on the way to the written deck), else a new one. */
async function measuringPage(browser: Browser): Promise<Page> {
  if (!firstTabTaken.has(browser)) {
    firstTabTaken.add(browser);
    const [first] = await browser.pages();
    if (first?.url() === 'about:blank') return first;
  }
  return browser.newPage();
}

/** Lays the deck out in chromium. */
async function measure(doc: BuiltDoc, files: OutputFile[], options: FitStageOptions): Promise<MeasureOutput> {
  const dir = writeScratch(files);
  try {
    const browser = await options.browser.get();
    const size = slideSize(doc.deck.meta.aspectRatio);
    const floor = fitFloor(size.height);
    const page = await measuringPage(browser);
    dismissDialogs(page);
    try {
      return await measureDeck(page, path.join(dir, 'index.html'), { ...size, floor });
    } finally {
      await page.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The deck page holding only the items of `leaves` (a stack whole), and the title slide if it is among them. */
function pageOf(doc: BuiltDoc, leaves: readonly Leaf[]): OutputFile[] {
  const items = new Set(leaves.map((leaf) => leaf.item));
  const meta = { ...doc.deck.meta, titleSlide: items.has(-1) };
  const deck = { ...doc.deck, meta, items: doc.deck.items.filter((_item, index) => items.has(index)) };
  return renderDeck(deck, doc.context, doc.content);
}

/**
 * Measures the slides whose key is not in `store`, adding them to it; returns the deck's whole measurement and the
 * store keys it was made from. The page holds only the slides to measure: each slide is a layout of its own. Without
 * slide keys (a slide holding a `<section>` of its own), the whole deck is one entry, keyed by its whole page.
 */
async function measureMissing(
  doc: BuiltDoc,
  leaves: readonly Leaf[] | undefined,
  store: Map<string, SlideMeasurement>,
  options: FitStageOptions,
): Promise<{ output: MeasureOutput; keys: string[] }> {
  if (leaves) {
    const missing = leaves.filter((leaf) => !store.has(leaf.key));
    const items = new Set(missing.map((leaf) => leaf.item));
    const measured = leaves.filter((leaf) => items.has(leaf.item));
    // A finding no slide owns (cannot happen with unique lines) falls back to the whole deck below.
    const split = missing.length > 0 ? splitMeasured(await measure(doc, pageOf(doc, measured), options), measured) : [];
    if (split) {
      for (const [leaf, slide] of split) store.set(leaf.key, slide);
      return { output: joinMeasured(leaves, store), keys: leaves.map((leaf) => leaf.key) };
    }
  }
  const files = renderDeck(doc.deck, doc.context, doc.content);
  const key = cacheKey(files, fitFloor(slideSize(doc.deck.meta.aspectRatio).height));
  const output = store.get(key) ?? (await measure(doc, files, options));
  store.set(key, output);
  return { output, keys: [key] };
}

function* entryOf(store: ReadonlyMap<string, SlideMeasurement>, key: string): Generator<[string, SlideMeasurement]> {
  const slide = store.get(key);
  if (slide) yield [key, slide];
}

/** Fits one deck: its code blocks get their sizes, its file the warnings. */
async function fitDeck(doc: BuiltDoc, options: FitStageOptions): Promise<void> {
  const floor = fitFloor(slideSize(doc.deck.meta.aspectRatio).height);
  // The same section objects the deck and handout renderers get from the memo: sizes written here reach both.
  const sections = renderItems(doc.deck.items, doc.content);
  const marks = markForFitting(sections);
  const title = doc.deck.meta.titleSlide;
  const file = doc.loaded.file.path;
  const stale = mayMeasure(options.cacheDir, file);
  const store = readStore(options.cacheDir, file);
  const before = new Set(store.keys());
  let measured: MeasureOutput;
  let keys: string[];
  try {
    // The page around the slides: its head, stylesheets, runtime and assets.
    const frame = cacheKey(pageOf(doc, []), floor);
    const leaves = options.cacheDir
      ? slideLeaves([...(title ? [titleSlide(doc.deck.meta)] : []), ...sections], title, frame)
      : undefined;
    ({ output: measured, keys } = await measureMissing(doc, leaves, store, options));
  } catch (error) {
    // A deck that cannot be laid out is still written, unfitted; the author learns why.
    const reason = error instanceof Error ? error.message : String(error);
    addWarning(
      doc.loaded.file,
      `the slides could not be laid out to fit: ${reason}`,
      { line: 1, column: 1 },
      'deck/overflow',
    );
    return;
  } finally {
    marks.unmark();
  }
  if (options.cacheDir) {
    // The measurement is cached, not its words: the warnings are written anew from it every time.
    const current = new Map(keys.flatMap((key) => [...entryOf(store, key)]));
    if (stale || current.size !== before.size || [...current.keys()].some((key) => !before.has(key)))
      writeStore(options.cacheDir, file, current);
  }
  applyFit(marks.blocks, measured.sizes);
  for (const finding of measured.findings) {
    const warning = fitWarning(finding, marks.positions, floor);
    addWarning(doc.loaded.file, warning.message, warning, 'deck/overflow', warning.help);
  }
}

/** Fits every deck (pages, `kind: page`, are site articles: nothing to fit). */
export async function runFitStage(docs: readonly BuiltDoc[], options: FitStageOptions): Promise<void> {
  for (const doc of docs) {
    if (doc.deck.meta.kind !== 'page') await fitDeck(doc, options);
    // An empty entry, so that chromium is not started early for a page that has nothing to measure.
    else if (options.cacheDir && mayMeasure(options.cacheDir, doc.loaded.file.path))
      writeStore(options.cacheDir, doc.loaded.file.path, new Map());
  }
}

/** Whether building these deck files may lay slides out (see {@link mayMeasure}): chromium is then started early. */
export const fitMayMeasure = (files: readonly string[], cacheDir: string | undefined): boolean =>
  files.some((file) => mayMeasure(cacheDir, file));
