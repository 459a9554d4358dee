/** The PDF stage: slide PDF and handout PDF for each staged deck, printed in parallel pages of one browser. */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import type { BrowserSession } from '../browser/session.ts';
import type { ParsedDeck } from '../model/deck.ts';
import { stampMetadata, pdfDate } from '../render/pdf/metadata.ts';
import { printHandout } from '../render/pdf/print-handout.ts';
import { printSlides, type FragmentMode } from '../render/pdf/print.ts';
import { addError, addWarning } from '../report/messages.ts';

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

/** Prints every job; a failure becomes an error on the deck's file, so the build fails and dist/ is kept. */
export async function runPdfStage(jobs: readonly PdfJob[], options: PdfStageOptions): Promise<void> {
  if (jobs.length === 0) return;
  const browser = await options.browser.get();
  const limit = pLimit(Math.max(1, Math.min(availableParallelism(), 4)));
  await Promise.all(
    jobs.map((job) =>
      limit(async () => {
        const started = performance.now();
        options.onProgress?.({ deck: job.deck.name, phase: 'start' });
        const date = pdfDate(job.deck.meta);
        const timeoutMs = options.timeoutMs ?? 60_000;
        let page = await browser.newPage();
        try {
          const slides = await printSlides(page, pathToFileURL(path.join(job.dir, 'index.html')).href, { fragments: options.fragments, timeoutMs });
          writeFileSync(path.join(job.dir, `${job.deck.name}.pdf`), await stampMetadata(slides.pdf, job.deck.meta, job.deck.meta.title, date));
          for (const line of slides.overflows) {
            addWarning(job.file, 'slide content does not fit the page: it is cut off in the PDF', { line: Math.max(line, 1), column: 1 }, 'pdf/overflow', 'Shorten the slide, split it with ---, or move prose into :::notes.');
          }
          await page.close();
          page = await browser.newPage();
          const handout = await printHandout(page, pathToFileURL(path.join(job.dir, 'handout.html')).href, { timeoutMs });
          writeFileSync(path.join(job.dir, `${job.deck.name}-handout.pdf`), await stampMetadata(handout, job.deck.meta, `${job.deck.meta.title} (handout)`, date));
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          addError(job.file, `PDF export of deck "${job.deck.name}" failed: ${reason}`, undefined, 'pdf/export', 'Run again; if it persists, check that chromium starts (chromium --headless --version).');
        } finally {
          await page.close().catch(() => undefined);
        }
        options.onProgress?.({ deck: job.deck.name, phase: 'done', ms: performance.now() - started });
      }),
    ),
  );
}
