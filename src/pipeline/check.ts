/** The check half of the pipeline: load every deck, run the deck rules, links, snippets and diagrams. */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { BrowserSession } from '../browser/session.ts';
import { cacheFolder } from '../cache/store.ts';
import { discoverThemes, type Theme } from '../config/themes.ts';
import { allowedFolders, loadProjectConfig, type ProjectConfig } from '../config/project.ts';
import type { DiagramResult } from '../model/diagram.ts';
import type { HighlighterPool } from '../transform/highlight.ts';
import { defaultDiagramCache, runDiagramStage } from './diagrams.ts';
import { runSnippetStage, type SnippetSession } from './snippets.ts';
import { checkLinks } from '../links/check.ts';
import type { Snippet, SnippetResult } from '../model/snippet.ts';
import { UsageError } from '../model/errors.ts';
import type { DialectName } from '../dialect/types.ts';
import { inShard, type Shard } from '../model/shard.ts';
import { resolveTargets } from './discover.ts';
import { loadDeck, type LoadedDeck } from './load.ts';

/** Options shared by `checkDecks` and `buildDecks` (build.ts). */
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
  /** `false`: parse trees are cached in memory only (dev's fast path: the full build after it writes). @default true */
  writeParseCache?: boolean;
}

/** Checked decks, their diagnostics, and every snippet's verdict (by deck). */
export interface CheckResult {
  decks: LoadedDeck[];
  files: VFile[];
  snippetResults: Map<LoadedDeck, Map<string, SnippetResult>>;
}

/** What `buildDecks` needs of a check beyond its result. */
export interface Checked extends CheckResult {
  root: string;
  config: ProjectConfig;
  themeOf: (deck: LoadedDeck) => Theme | undefined;
  diagramResults: Map<LoadedDeck, Map<string, DiagramResult>>;
}

/** Every check, in pipeline order: parse and deck rules, then diagrams (which may need the browser). */
export async function checkAll(
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
    writeParseCache: options.writeParseCache !== false,
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

/** The built-in theme of the other appearance (a dark deck's diagrams are drawn light too, and the reverse). */
function otherAppearance(themes: ReadonlyMap<string, Theme>, theme: Theme): Theme | undefined {
  const other = themes.get(theme.appearance === 'dark' ? 'light' : 'dark');
  return other?.appearance !== theme.appearance ? other : undefined;
}
