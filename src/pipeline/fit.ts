/**
 * The fit stage: every deck's slides are laid out in chromium (one page per deck, all slides at once) before
 * the deck is written. Code blocks that do not fit get a smaller font (never below the floor), written into
 * the HTML that deck, PDF and handout share; what still does not fit is a `deck/overflow` warning at its
 * markdown position. Results are cached by everything that changes the layout: an unchanged deck is not
 * measured again, and its warnings are replayed.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withPage } from '../browser/browser.ts';
import type { BrowserSession } from '../browser/session.ts';
import { scratchDir } from '../cache/scratch.ts';
import { fileIdentity, readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import { slideSize } from '../model/deck.ts';
import { renderDeck } from '../render/deck/document.ts';
import { applyFit, fitFloor, markForFitting } from '../render/deck/fit.ts';
import { fitWarning } from '../render/deck/fit-advice.ts';
import { measureDeck } from '../render/deck/measure.ts';
import { measureSlides, type MeasureOutput } from '../render/deck/measure-page.ts';
import { renderItems } from '../render/deck/slides.ts';
import { addWarning } from '../report/messages.ts';
import type { OutputFile } from '../runtime/files.ts';
import type { BuiltDoc } from './renderers.ts';

/** Options of the fit stage. */
export interface FitStageOptions {
  browser: BrowserSession;
  /** Where measurements are cached; `undefined` measures every deck. */
  cacheDir: string | undefined;
}

/** Bumped when what a cache entry holds changes shape. */
const CACHE_FORMAT = 2;

/** A cached measurement, or `undefined` when the entry is absent or not one (torn, or of another version). */
function readMeasured(dir: string | undefined, key: string): MeasureOutput | undefined {
  const text = readCacheEntry(dir, key, 'json');
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<MeasureOutput>;
    return Array.isArray(value.sizes) && Array.isArray(value.findings) ? (value as MeasureOutput) : undefined;
  } catch {
    return undefined;
  }
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

/** Lays the deck out in chromium. */
async function measure(doc: BuiltDoc, files: OutputFile[], options: FitStageOptions): Promise<MeasureOutput> {
  const dir = writeScratch(files);
  try {
    const browser = await options.browser.get();
    const size = slideSize(doc.deck.meta.aspectRatio);
    const floor = fitFloor(size.height);
    return await withPage(browser, (page) => measureDeck(page, path.join(dir, 'index.html'), { ...size, floor }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fits one deck: its code blocks get their sizes, its file the warnings. */
async function fitDeck(doc: BuiltDoc, options: FitStageOptions): Promise<void> {
  // The same section objects the deck and handout renderers get from the memo: sizes written here reach both.
  const marks = markForFitting(renderItems(doc.deck.items, doc.content));
  let files: OutputFile[];
  try {
    files = renderDeck(doc.deck, doc.context, doc.content);
  } finally {
    marks.unmark();
  }
  const floor = fitFloor(slideSize(doc.deck.meta.aspectRatio).height);
  const key = cacheKey(files, floor);
  // The measurement is cached, not its words: the warnings are written anew from it every time.
  const cached = readMeasured(options.cacheDir, key);
  let measured: MeasureOutput;
  try {
    measured = cached ?? (await measure(doc, files, options));
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
  }
  if (!cached && options.cacheDir) writeCacheEntry(options.cacheDir, key, 'json', JSON.stringify(measured));
  applyFit(marks.blocks, measured.sizes);
  for (const finding of measured.findings) {
    const warning = fitWarning(finding, marks.positions, floor);
    addWarning(doc.loaded.file, warning.message, warning, 'deck/overflow', warning.help);
  }
}

/** Fits every deck (pages, `kind: page`, are site articles: nothing to fit). */
export async function runFitStage(docs: readonly BuiltDoc[], options: FitStageOptions): Promise<void> {
  for (const doc of docs) if (doc.deck.meta.kind !== 'page') await fitDeck(doc, options);
}
