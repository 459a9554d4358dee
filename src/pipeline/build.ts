/** Library entry points: check decks, and build them into `dist/`. */
import path from 'node:path';
import { createBrowserSession, type BrowserSession } from '../browser/session.ts';
import { cacheFolder } from '../cache/store.ts';
import { contentOptions, highlightRequests, type DeckRenderContext } from '../transform/content.ts';
import type { HandoutLayout, Paper } from '../render/pdf/handout.ts';
import type { FragmentMode } from '../render/pdf/print.ts';
import type { PdfJob, PdfStageOptions } from './pdf.ts';
import { hasErrors } from '../report/messages.ts';
import type { CodeHighlighter } from '../transform/highlight.ts';
import { prepareHighlighter, type PreparedHighlighter } from '../transform/highlight-cache.ts';
import { fitMayMeasure, runFitStage } from './fit.ts';
import { loadCurled, saveCurled } from './smart-cache.ts';
import { resolveTargets } from './discover.ts';
import { indexDocs } from '../links/resolve.ts';
import { carryOverPrintouts, commitStage, discardStage, openStage, outputError, writeToStage } from './stage.ts';
import {
  renderDecks,
  renderSiteFolder,
  type BuiltDoc,
  type CheckedBuild,
  type RenderContext,
  type Renderer,
} from './renderers.ts';
import { DEFAULT_OUT_DIR } from '../config/defaults.ts';
import { checkAll, type Checked, type CheckResult, type DeckOptions } from './check.ts';

export type { CheckResult, DeckOptions } from './check.ts';

/** Options for {@link buildDecks}. */
export interface BuildOptions extends DeckOptions {
  /** Output folder. @default '<root>/dist' */
  outDir?: string;
  /** Also write `<deck>.pdf` and `<deck>-handout.pdf`. @default true */
  pdf?: boolean;
  /** Fragments in the slide PDF: final state, or one page per step. @default 'final' */
  pdfFragments?: FragmentMode;
  /** Time limit for loading and printing each PDF, in milliseconds. @default 60000 */
  pdfTimeoutMs?: number | undefined;
  /** @default 'notes' */
  handoutLayout?: HandoutLayout;
  /** @default 'A4' */
  paper?: Paper;
  /** Progress of long work (PDFs), for a TTY progress line. */
  onProgress?: PdfStageOptions['onProgress'];
  /** Also write the docs site to `<outDir>/site/`. @default true when building every deck (no `paths`) */
  site?: boolean;
  /** Public URL or path of `dist/site/` (`--base`), for sitemap.xml and 404.html. @default '/' */
  base?: string | undefined;
  /**
   * Keep the PDFs and handout an earlier full build left in a deck's folder when this build makes none
   * (`proofdeck dev` rebuilds without PDFs; the site's PDF links must not start to 404). @default false
   */
  keepPrintouts?: boolean;
  /**
   * Called with the checked, fitted documents once their folders are written (`proofdeck dev` keeps a
   * snapshot of each deck's sections, which its per-slide fast path compares edits with).
   */
  onWritten?: (docs: readonly BuiltDoc[]) => void;
}

/** Result of a build: diagnostics, and the deck folders written (none when anything failed). */
export interface BuildResult extends CheckResult {
  written: string[];
}

async function withSession<T>(options: DeckOptions, work: (browser: BrowserSession) => Promise<T>): Promise<T> {
  const browser = options.browser ?? createBrowserSession();
  try {
    return await work(browser);
  } finally {
    if (!options.browser) await browser.close();
  }
}

/** Parses and checks decks without writing anything. */
export async function checkDecks(options: DeckOptions = {}): Promise<CheckResult> {
  return withSession(options, async (browser) => {
    const { decks, files, snippetResults } = await checkAll(options, browser, 'snippets');
    return { decks, files, snippetResults };
  });
}

const projectRoot = (options: DeckOptions): string => path.resolve(options.root ?? process.cwd());
const fitCache = (options: DeckOptions) => (options.noCache ? undefined : cacheFolder(projectRoot(options), 'fit'));

/** The deck files a build reads (none when the targets are wrong: the build itself reports that). */
function deckFiles(options: DeckOptions): string[] {
  try {
    return resolveTargets(projectRoot(options), options.paths ?? []).sources.map((source) => source.path);
  } catch {
    return [];
  }
}

/** Checks and renders decks; writes `dist/<deck>/` only when no deck has an error. */
export async function buildDecks(options: BuildOptions = {}): Promise<BuildResult> {
  return withSession(options, async (browser) => {
    const wantPdf = options.pdf !== false;
    // Chromium starts on the other core while this one parses, checks and renders, when the PDFs or the fit stage
    // (a deck edited since its slides were measured) will need it. A failed start is reported where a stage asks
    // for the browser; a build that stops before that never sees it.
    if (wantPdf || fitMayMeasure(deckFiles(options), fitCache(options))) browser.get().catch(() => undefined);
    // load → stages
    // The site lists every deck, so it is only rewritten by a build of all of them.
    const wantSite = options.site ?? ((options.paths ?? []).length === 0 && !options.shard);
    const checked = await checkAll(options, browser, 'decks', wantSite);
    const { decks, files, root, snippetResults } = checked;
    if (hasErrors(files)) return { decks, files, snippetResults, written: [] };
    const highlighter = await highlighterFor(checked, options);
    // PDF code is loaded only by builds that print: start-up time matters for quick rebuilds.
    const pdfStage = wantPdf ? import('./pdf.ts') : undefined;
    const stage = openStage(path.resolve(root, options.outDir ?? DEFAULT_OUT_DIR));
    try {
      const build = checkedBuild(checked, highlighter);
      // → fit: code sizes written into the sections every renderer below shares; overflow warnings
      const smartCache = options.noCache ? undefined : cacheFolder(root, 'smart');
      const curled = loadCurled(smartCache);
      await runFitStage(build.docs, { browser, cacheDir: fitCache(options) });
      // → renderers
      const renderers: Renderer[] = [renderDecks];
      if (wantSite) renderers.push(renderSiteFolder);
      const context: RenderContext = {
        pdf: wantPdf,
        handoutLayout: options.handoutLayout ?? 'notes',
        paper: options.paper ?? 'A4',
        base: options.base ?? checked.config.site?.base,
        title: checked.config.site?.title,
      };
      const folders = (await Promise.all(renderers.map((render) => render(build, context)))).flat();
      saveCurled(smartCache, curled);
      for (const { folder, files: output, print } of folders) {
        writeToStage(stage, folder, output);
        if (options.keepPrintouts && !wantPdf && print) carryOverPrintouts(stage, folder);
      }
      // → PDFs
      if (pdfStage) {
        const jobs: PdfJob[] = folders.flatMap(({ folder, print }) =>
          print ? [{ deck: print.deck, file: print.loaded.file, dir: path.join(stage.dir, folder) }] : [],
        );
        await (await pdfStage).runPdfStage(jobs, {
          browser,
          fragments: options.pdfFragments ?? 'final',
          ...(options.pdfTimeoutMs ? { timeoutMs: options.pdfTimeoutMs } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
      }
      // → commit
      if (hasErrors(files)) {
        discardStage(stage);
        return { decks, files, snippetResults, written: [] };
      }
      const written = folders.map(({ folder }) => folder);
      commitStage(stage, written);
      options.onWritten?.(build.docs);
      return { decks, files, snippetResults, written };
    } catch (error) {
      discardStage(stage);
      throw outputError(error, stage.outDir);
    } finally {
      highlighter.dispose();
    }
  });
}

/** One highlighter for the build, with every block it will highlight looked up in the cache first. */
async function highlighterFor(checked: Checked, options: BuildOptions): Promise<PreparedHighlighter> {
  const requests = checked.decks.flatMap((loaded) => {
    const theme = checked.themeOf(loaded);
    return theme ? highlightRequests(loaded.tree, theme.shiki) : [];
  });
  return prepareHighlighter(requests, {
    cacheDir: options.noCache ? undefined : cacheFolder(checked.root, 'highlight'),
    pool: options.highlighters,
  });
}

/** The checked documents with what their renderers read; content options are built once per document. */
export function checkedBuild(checked: Checked, highlighter: CodeHighlighter): CheckedBuild {
  const index = indexDocs(checked.decks.flatMap((loaded) => (loaded.deck ? [loaded.deck] : [])));
  const docs = checked.decks.flatMap((loaded): BuiltDoc[] => {
    const theme = checked.themeOf(loaded);
    if (!loaded.deck || !theme) return [];
    const context: DeckRenderContext = {
      theme,
      highlighter,
      assets: loaded.assets,
      diagramResults: checked.diagramResults.get(loaded) ?? new Map(),
      tables: loaded.tables,
      snippets: loaded.snippets,
      snippetResults: checked.snippetResults.get(loaded) ?? new Map(),
      self: loaded.deck,
      docs: index,
      badges: loaded.deck.meta.badges ?? checked.config.badges ?? 'compact',
    };
    return [{ loaded, deck: loaded.deck, theme, context, content: contentOptions(context, loaded.deck.items) }];
  });
  return { docs, index };
}
