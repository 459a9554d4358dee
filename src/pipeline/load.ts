/** Parse and check one deck: everything `proofdeck check` does, and what `build` renders from. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Root, Yaml } from 'mdast';
import { VFile } from 'vfile';
import { checkDirectives } from '../check/deck/directives.ts';
import { checkEmptySlides } from '../check/deck/empty-slide.ts';
import { checkHeadingSkips } from '../check/deck/heading-skip.ts';
import { checkLineSpecs } from '../check/deck/line-spec.ts';
import { checkMissingAssets } from '../check/deck/missing-asset.ts';
import { checkSetextHeadings } from '../check/deck/setext-heading.ts';
import { checkStrayFences, checkUnclosedContainers } from '../check/deck/unclosed-container.ts';
import { readFrontmatter } from '../config/frontmatter.ts';
import type { ProjectConfig } from '../config/project.ts';
import type { ParsedDeck } from '../model/deck.ts';
import { parseMarkdown } from '../parse/parser.ts';
import { splitSlides } from '../parse/slides.ts';
import { planAssets, type AssetPlan } from '../links/assets.ts';
import type { DeckSource } from './discover.ts';
import { loadTimelineRecords } from '../diagram/timeline-data.ts';
import { checkTables } from '../table/check/tables.ts';
import type { TableModel } from '../table/model.ts';
import { extractDiagrams } from '../diagram/extract.ts';
import type { Diagram } from '../model/diagram.ts';
import type { Snippet } from '../model/snippet.ts';
import { extractSnippets } from '../snippet/extract.ts';
import { DEFAULT_SLIDE_LEVEL } from '../config/defaults.ts';

/** A deck after parsing and checking; `deck` is missing when the frontmatter was unusable. */
export interface LoadedDeck {
  file: VFile;
  tree: Root;
  deck: ParsedDeck | undefined;
  assets: AssetPlan;
  /** Diagrams keyed by the position of their fence or directive. */
  diagrams: Map<string, Diagram>;
  /** Every GFM table and `:::table`, with its spec and cells (generated ones included). */
  tables: TableModel[];
  /** C, C++ and Rust blocks with their expectations, not yet compiled. */
  snippets: Snippet[];
}

/** Options for {@link loadDeck}. */
export interface LoadOptions {
  /** Themes that exist, to check the frontmatter's `theme`. */
  knownThemes: ReadonlySet<string>;
  /** `--theme`: overrides every deck's frontmatter theme. */
  themeOverride?: string | undefined;
  /** Folder the diagnostics' paths are printed relative to. @default process.cwd() */
  cwd?: string;
  /** Folder `::diagram{file=…}` names are resolved in. @default '<deck folder>/../../diagrams' */
  diagramsDir?: string;
  /** Project root: snippet includes must stay inside it. @default the deck's folder */
  root?: string;
  /** Cache of syntax trees of unchanged files; `undefined` parses every time. */
  parseCacheDir?: string | undefined;
  /** Theme of decks whose frontmatter names none (the project config's `theme`). @default 'dark' */
  defaultTheme?: string | undefined;
  /** The project config's `snippets`: default compilers of C blocks and edition of Rust blocks. */
  snippetDefaults?: ProjectConfig['snippets'];
}

/** Reads, parses and checks a deck. Content problems become messages on the returned file. */
export function loadDeck(source: DeckSource, options: LoadOptions): LoadedDeck {
  const file = new VFile({
    path: source.path,
    cwd: options.cwd ?? process.cwd(),
    value: readFileSync(source.path, 'utf8'),
  });
  const tree = parseMarkdown(file, { cacheDir: options.parseCacheDir });
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const meta = readFrontmatter(yaml, file, {
    knownThemes: options.knownThemes,
    ...(options.defaultTheme ? { defaultTheme: options.defaultTheme } : {}),
    ...(options.themeOverride ? { themeOverride: options.themeOverride } : {}),
  });
  checkSetextHeadings(tree, file);
  checkUnclosedContainers(tree, file, { slideLevel: meta?.slideLevel ?? DEFAULT_SLIDE_LEVEL });
  checkStrayFences(tree, file);
  checkHeadingSkips(tree, file);
  checkLineSpecs(tree, file);
  checkDirectives(tree, file);
  const assets = planAssets(tree, path.dirname(source.path));
  checkMissingAssets(assets, file);
  const deckDir = path.dirname(source.path);
  const tables = checkTables(tree, file, { deckDir });
  const snippets = extractSnippets(tree, file, {
    root: options.root ?? deckDir,
    ...(options.snippetDefaults?.cc ? { cc: options.snippetDefaults.cc } : {}),
    ...(options.snippetDefaults?.edition ? { edition: options.snippetDefaults.edition } : {}),
  });
  const diagrams = extractDiagrams(tree, file, {
    deckDir,
    diagramsDir: options.diagramsDir ?? path.resolve(deckDir, '..', '..', 'diagrams'),
    loadRecords: (written) => loadTimelineRecords(deckDir, written),
  });
  const items = splitSlides(tree, { slideLevel: meta?.slideLevel ?? DEFAULT_SLIDE_LEVEL });
  checkEmptySlides(items, file);
  const definitions = tree.children.filter((node): node is Definition => node.type === 'definition');
  const deck = meta ? { name: source.name, path: source.path, meta, items, definitions } : undefined;
  return { file, tree, deck, assets, diagrams, tables, snippets };
}
