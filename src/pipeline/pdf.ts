/** The PDF stage: slide PDF and handout PDF for each staged deck, printed in parallel pages of one browser. */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import type { Browser, Page } from 'puppeteer-core';
import { dismissDialogs } from '../browser/browser.ts';
import type { BrowserSession } from '../browser/session.ts';
import type { ParsedDeck } from '../model/deck.ts';
import { stampMetadata, pdfDate } from '../render/pdf/metadata.ts';
import { printHandout } from '../render/pdf/print-handout.ts';
import { printSlides, type FragmentMode } from '../render/pdf/print.ts';
import { addError } from '../report/messages.ts';

/** Options of the PDF stage. */
export interface PdfStageOptions {
  browser: BrowserSession;
  fragments: FragmentMode;
  /** Called when a deck starts and finishes, for progress output. */
  onProgress?: (event: { deck: string; phase: 'start' | 'done'; ms?: number }) => void;
  timeoutMs?: number;
}

/** A deck whose HTML (index.html, handout.html) is already in `dir`. */
export interface PdfJob {
  deck: ParsedDeck;
  file: VFile;
  dir: string;
}

/**
 * Prints in a page of a browser context of its own, always closing both. Pages of one context that load
 * file:// URLs share one renderer process, which prints them one after the other (measured: slides and
 * handout of a 451-slide deck side by side took 6.9 s in one context, 4.3 s in two on 2 cores).
 */
async function inPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    dismissDialogs(page);
    return await work(page);
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** The slide PDF and the handout PDF of one deck, printed side by side in two pages. */
async function printDeck(browser: Browser, job: PdfJob, options: PdfStageOptions): Promise<void> {
  const date = pdfDate(job.deck.meta);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const url = (file: string) => pathToFileURL(path.join(job.dir, file)).href;
  await Promise.all([
    inPage(browser, async (page) => {
      const slides = await printSlides(page, url('index.html'), { fragments: options.fragments, timeoutMs });
      writeFileSync(
        path.join(job.dir, `${job.deck.name}.pdf`),
        stampMetadata(slides, job.deck.meta, job.deck.meta.title, date),
      );
    }),
    inPage(browser, async (page) => {
      const handout = await printHandout(page, url('handout.html'), { timeoutMs });
      writeFileSync(
        path.join(job.dir, `${job.deck.name}-handout.pdf`),
        stampMetadata(handout, job.deck.meta, `${job.deck.meta.title} (handout)`, date),
      );
    }),
  ]);
}

/** Prints every job; a failure becomes an error on the deck's file, so the build fails and dist/ is kept. */
export async function runPdfStage(jobs: readonly PdfJob[], options: PdfStageOptions): Promise<void> {
  if (jobs.length === 0) return;
  const browser = await options.browser.get();
  // Each deck uses two pages at once; bound the decks by cores.
  const limit = pLimit(Math.max(1, Math.min(Math.floor(availableParallelism() / 2), 4)));
  await Promise.all(
    jobs.map((job) =>
      limit(async () => {
        const started = performance.now();
        options.onProgress?.({ deck: job.deck.name, phase: 'start' });
        try {
          await printDeck(browser, job, options);
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          addError(
            job.file,
            `PDF export of deck "${job.deck.name}" failed: ${reason}`,
            // The whole deck failed to print: point at its first line, so editors and CI can place it.
            { line: 1, column: 1 },
            'pdf/export',
            'Run again; if it persists, check that chromium starts (chromium --headless --version).',
          );
        }
        options.onProgress?.({ deck: job.deck.name, phase: 'done', ms: performance.now() - started });
      }),
    ),
  );
}
