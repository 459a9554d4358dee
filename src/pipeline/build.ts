/** Library entry points: check decks, and build them into `dist/`. */
import path from 'node:path';
import type { VFile } from 'vfile';
import { createBrowserSession, type BrowserSession } from '../browser/session.ts';
import { cacheFolder } from '../cache/store.ts';
import { discoverThemes, type Theme } from '../config/themes.ts';
import { allowedFolders, loadProjectConfig, type ProjectConfig } from '../config/project.ts';
import type { DiagramResult } from '../model/diagram.ts';
import { contentOptions, highlightRequests, type DeckRenderContext } from '../transform/content.ts';
import type { HandoutLayout, Paper } from '../render/pdf/handout.ts';
import type { FragmentMode } from '../render/pdf/print.ts';
import type { PdfJob, PdfStageOptions } from './pdf.ts';
import { hasErrors } from '../report/messages.ts';
import type { CodeHighlighter, HighlighterPool } from '../transform/highlight.ts';
import { prepareHighlighter, type PreparedHighlighter } from '../transform/highlight-cache.ts';
import { defaultDiagramCache, runDiagramStage } from './diagrams.ts';
import { runSnippetStage, type SnippetSession } from './snippets.ts';
import { runFitStage } from './fit.ts';
import { checkLinks } from '../links/check.ts';
import { indexDocs } from '../links/resolve.ts';
import type { Snippet, SnippetResult } from '../model/snippet.ts';
import { UsageError } from '../model/errors.ts';
import type { DialectName } from '../dialect/types.ts';
import { inShard, type Shard } from '../model/shard.ts';
import { resolveTargets } from './discover.ts';
import { loadDeck, type LoadedDeck } from './load.ts';
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

/** Options shared by {@link checkDecks} and {@link buildDecks}. */
export interface DeckOptions {
  /** Project folder holding `decks/`, `themes/` and `diagrams/`. @default process.cwd() */
  root?: string;
  /** Deck folders or markdown files; empty means every deck under `decks/`. @default [] */
  paths?: readonly string[];
  /** Theme for every deck, overriding the frontmatter. */
  theme?: string | undefined;
  /** Skip every cache (snippets, diagrams). @default false */
  noCache?: boolean;
  /** Browser to use; by default one is launched on first need and closed at the end. */
  browser?: BrowserSession;
  /** Highlighters kept between builds (`proofdeck dev`); by default one is made and disposed per build. */
  highlighters?: HighlighterPool;
  /** Also ask every external link (`--check-external`); dead ones are `links/external` warnings. @default false */
  checkExternal?: boolean;
  /** Compilers and sandbox kept between builds (`proofdeck dev`); by default found anew. */
  snippetSession?: SnippetSession;
  /** `--allow-path`: folders outside the project that images, includes and data files may come from. */
  allowPaths?: readonly string[] | undefined;
  /** `--unsafe-no-sandbox`: without bubblewrap, run snippets with limits only instead of exit code 3. */
  unsafeNoSandbox?: boolean;
  /** `--from`: read every deck in this dialect, over frontmatter `from:` and detection. */
  from?: DialectName | undefined;
  /** Dialect of decks that say nothing about theirs (project config). @default 'proofdeck' */
  defaultDialect?: DialectName | undefined;
  /**
   * This CI job's share (`--shard i/n`). A check proves every n-th snippet and reports the deck-level
   * findings of every n-th deck (plus the snippets those decks' tables cite); a build builds every n-th
   * deck and no site. Joining the shards' JSON reports (`merge-reports`) gives the full report.
   */
  shard?: Shard | undefined;
  /** `--frail`: every fenced block that is not proved is an error `snippet/unproved`. @default false */
  frail?: boolean;
  /** `--include-hidden`: hidden slides are built too (a rehearsal copy). @default false */
  includeHidden?: boolean;
}

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
}

/** Checked decks, their diagnostics, and every snippet's verdict (by deck). */
export interface CheckResult {
  decks: LoadedDeck[];
  files: VFile[];
  snippetResults: Map<LoadedDeck, Map<string, SnippetResult>>;
}

/** Result of a build: diagnostics, and the deck folders written (none when anything failed). */
export interface BuildResult extends CheckResult {
  written: string[];
}

interface Checked extends CheckResult {
  root: string;
  config: ProjectConfig;
  themeOf: (deck: LoadedDeck) => Theme | undefined;
  diagramResults: Map<LoadedDeck, Map<string, DiagramResult>>;
}

/** Every check, in pipeline order: parse and deck rules, then diagrams (which may need the browser). */
async function checkAll(
  options: DeckOptions,
  browser: BrowserSession,
  split: 'snippets' | 'decks',
  site = false,
): Promise<Checked> {
  const root = path.resolve(options.root ?? process.cwd());
  const themes = discoverThemes(root);
  if (options.theme && !themes.has(options.theme)) {
    throw new UsageError(`unknown theme "${options.theme}" (available: ${[...themes.keys()].join(', ')})`);
  }
  const { shard } = options;
  const targets = resolveTargets(root, options.paths ?? []);
  const allSources = targets.sources;
  if (allSources.length === 0 && targets.files.length === 0)
    throw new UsageError(`no decks found under ${path.join(root, 'decks')}`);
  const sources = split === 'decks' ? allSources.filter((_, position) => inShard(position, shard)) : allSources;
  const project = loadProjectConfig(root, new Set(themes.keys()));
  const load = {
    knownThemes: new Set(themes.keys()),
    themeOverride: options.theme,
    cwd: process.cwd(),
    diagramsDir: path.join(root, 'diagrams'),
    root,
    allow: allowedFolders(root, project.config, options.allowPaths),
    parseCacheDir: options.noCache ? undefined : cacheFolder(root, 'parse'),
    from: options.from,
    defaultDialect: options.defaultDialect,
    defaultTheme: project.config.theme,
    snippetDefaults: project.config.snippets,
    frail: options.frail === true,
    includeHidden: options.includeHidden === true,
  };
  const decks = sources.map((source) => loadDeck(source, load));
  const external = checkLinks(decks.flatMap(({ file, tree, deck }) => (deck ? [{ file, tree, deck }] : [])));
  if (options.checkExternal) await (await import('../links/external.ts')).checkExternalLinks(external);
  const themeOf = (deck: LoadedDeck) => themes.get(deck.deck?.meta.theme ?? '');
  const cacheDir = options.noCache ? undefined : defaultDiagramCache(root);
  const owned = new Set(split === 'snippets' ? decks.filter((_, position) => inShard(position, shard)) : decks);
  const select = split === 'snippets' && shard ? shardSnippets(decks, shard) : undefined;
  // A deck's own findings belong to the shard that owns it; the others report only their snippets.
  for (const deck of decks) if (!owned.has(deck)) deck.file.messages.length = 0;
  // Snippets (compilers) and diagrams (chromium) use different resources: run them side by side.
  const [snippetResults, diagramResults] = await Promise.all([
    runSnippetStage(decks, {
      root,
      noCache: options.noCache ?? false,
      session: options.snippetSession,
      unsafeNoSandbox: options.unsafeNoSandbox === true,
      select,
      owns: (deck) => owned.has(deck),
    }),
    runDiagramStage([...owned], themeOf, {
      browser,
      cacheDir,
      // The site follows the reader's colour scheme: its diagrams are drawn for both.
      ...(site ? { alternateOf: (theme: Theme) => otherAppearance(themes, theme) } : {}),
    }),
  ]);
  // The config file's problems are reported with the decks' and stop the build like them.
  // So are the problems of a book.toml that gave decks their Rust edition (once, however many chapters use it).
  const books = new Map(
    decks.flatMap((deck) => (deck.bookToml?.messages.length ? [[deck.bookToml.path, deck.bookToml]] : [])),
  );
  const files = [
    ...(project.file ? [project.file] : []),
    ...targets.files,
    ...books.values(),
    ...decks.map((deck) => deck.file),
  ];
  return { root, decks, files, themeOf, diagramResults, snippetResults, config: project.config };
}

/** What a snippet costs to prove, roughly: C runs once per compiler; Rust snippets share one merged crate. */
const costClass = (snippet: Snippet): string => `${snippet.lang}:${(snippet.compilers ?? []).join('+')}`;

/**
 * The snippets a check shard proves: all decks' snippets in deck and source order, grouped (stably) by
 * cost class, dealt round-robin. Grouping keeps a periodic corpus (C, Rust, C, Rust…) from sending every
 * C snippet to one shard. Each snippet is proved by exactly one shard, which also checks its citations.
 */
function shardSnippets(decks: readonly LoadedDeck[], shard: Shard): (snippet: Snippet) => boolean {
  const all = decks.flatMap((deck) => deck.snippets);
  const classes = [...new Set(all.map(costClass))];
  const ordered = classes.flatMap((kind) => all.filter((snippet) => costClass(snippet) === kind));
  const chosen = new Set(ordered.filter((_, position) => inShard(position, shard)));
  return (snippet) => chosen.has(snippet);
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

/** Checks and renders decks; writes `dist/<deck>/` only when no deck has an error. */
export async function buildDecks(options: BuildOptions = {}): Promise<BuildResult> {
  return withSession(options, async (browser) => {
    const wantPdf = options.pdf !== false;
    // Chromium starts on the other core while this one parses, checks and renders. A failed start is
    // reported where the PDF stage asks for the browser; a build that stops before that never sees it.
    if (wantPdf) browser.get().catch(() => undefined);
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
      const cacheDir = options.noCache ? undefined : cacheFolder(root, 'fit');
      await runFitStage(build.docs, { browser, cacheDir });
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
    return theme ? highlightRequests(loaded.tree, loaded.snippets, theme.shiki) : [];
  });
  return prepareHighlighter(requests, {
    cacheDir: options.noCache ? undefined : cacheFolder(checked.root, 'highlight'),
    pool: options.highlighters,
  });
}

/** The checked documents with what their renderers read; content options are built once per document. */
function checkedBuild(checked: Checked, highlighter: CodeHighlighter): CheckedBuild {
  const index = indexDocs(checked.decks.flatMap((loaded) => (loaded.deck ? [loaded.deck] : [])));
  const docs = checked.decks.flatMap((loaded): BuiltDoc[] => {
    const theme = checked.themeOf(loaded);
    if (!loaded.deck || !theme) return [];
    const context: DeckRenderContext = {
      theme,
      highlighter,
      assets: loaded.assets,
      diagrams: loaded.diagrams,
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

/** The built-in theme of the other appearance (a dark deck's diagrams are drawn light too, and the reverse). */
function otherAppearance(themes: ReadonlyMap<string, Theme>, theme: Theme): Theme | undefined {
  const other = themes.get(theme.appearance === 'dark' ? 'light' : 'dark');
  return other?.appearance !== theme.appearance ? other : undefined;
}
