/** Parse and check one deck: everything `proofdeck check` does, and what `build` renders from. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Root, Yaml } from 'mdast';
import { VFile } from 'vfile';
import { checkDirectives } from '../check/deck/directives.ts';
import { checkEmptySlides } from '../check/deck/empty-slide.ts';
import { checkHtmlAcrossSlides } from '../check/deck/html-across-slides.ts';
import { checkHeadingSkips } from '../check/deck/heading-skip.ts';
import { checkAssetScope } from '../check/deck/asset-scope.ts';
import { checkLineSpecs } from '../check/deck/line-spec.ts';
import { checkMathSyntax } from '../check/deck/math-syntax.ts';
import { checkMissingAssets } from '../check/deck/missing-asset.ts';
import { checkSetextHeadings } from '../check/deck/setext-heading.ts';
import { checkStrayFences, checkUnclosedContainers } from '../check/deck/unclosed-container.ts';
import { bookEdition, findBookToml } from '../config/book-toml.ts';
import { frontmatterKeyPosition, readFrontmatter } from '../config/frontmatter.ts';
import type { ProjectConfig } from '../config/project.ts';
import { deckStylesheets, type ParsedDeck } from '../model/deck.ts';
import { allSlides, slidesFromSource, splitSlides, withHiddenShown, withoutHidden } from '../parse/slides.ts';
import { readDialect, type DialectRead } from '../dialect/read.ts';
import type { DialectFinding, DialectName } from '../dialect/types.ts';
import { inferSlideLevel } from '../dialect/slide-level.ts';
import { addWarning } from '../report/messages.ts';
import { toString } from 'mdast-util-to-string';
import type { DeckItem } from '../model/deck.ts';
import { attachAnchors } from '../links/anchors.ts';
import { planAssets, type AssetPlan } from '../links/assets.ts';
import { checkGeneratedDocLinks } from '../links/generated-docs.ts';
import type { DeckSource } from './discover.ts';
import { loadTimelineRecords } from '../diagram/timeline-data.ts';
import { checkTables } from '../table/check/tables.ts';
import type { TableModel } from '../table/model.ts';
import { extractDiagrams } from '../diagram/extract.ts';
import type { Diagram } from '../model/diagram.ts';
import type { FencedBlock, Snippet } from '../model/snippet.ts';
import { extractBlocks } from '../snippet/extract.ts';
import { DEFAULT_SLIDE_LEVEL } from '../config/defaults.ts';
import { detectDialect, frontmatterData } from '../dialect/detect.ts';
import { translateDialect } from '../dialect/translate.ts';
import { smartMeta } from '../transform/smart-meta.ts';
import { planStylesheets } from '../links/stylesheets.ts';
import type { Translation } from '../dialect/translation.ts';

/** A deck after parsing and checking; `deck` is missing when the frontmatter was unusable. */
export interface LoadedDeck {
  file: VFile;
  tree: Root;
  deck: ParsedDeck | undefined;
  assets: AssetPlan;
  /** Diagrams keyed by the position of their fence or directive. */
  diagrams: Diagram[];
  /** Every GFM table and `:::table`, with its spec and cells (generated ones included). */
  tables: TableModel[];
  /** C, C++ and Rust blocks with their expectations, not yet compiled. */
  snippets: Snippet[];
  /** The book.toml above the file (up to the project root), whose messages hold its problems. */
  bookToml?: VFile;
  /** Every code block of the file (lines in the file the user wrote), with its snippet or why none proves it. */
  blocks: FencedBlock[];
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
  /** Folders outside `root` that images, linked files, includes and data files may also come from. @default [] */
  allow?: readonly string[];
  /** Cache of syntax trees of unchanged files; `undefined` parses every time. */
  parseCacheDir?: string | undefined;
  /** `false`: that cache is read but not written (dev's fast path; the full build after it writes). @default true */
  writeParseCache?: boolean;
  /** `--from`: the dialect every deck is read in, over frontmatter and detection. */
  from?: DialectName | undefined;
  /** The project's default dialect when a file says nothing (config). @default 'proofdeck' */
  defaultDialect?: DialectName | undefined;
  /** Theme of decks whose frontmatter names none (the project config's `theme`). @default 'dark' */
  defaultTheme?: string | undefined;
  /** The project config's `snippets`: default compilers of C blocks and edition of Rust blocks. */
  snippetDefaults?: ProjectConfig['snippets'];
  /** `--frail`: every block that is not proved is an error, whatever the frontmatter and config say. */
  frail?: boolean;
  /** Keep hidden slides in the deck (`--include-hidden`); they are checked either way. @default false */
  includeHidden?: boolean;
}

/** Reads, parses and checks a deck. Content problems become messages on the returned file. */
export function loadDeck(source: DeckSource, options: LoadOptions): LoadedDeck {
  const original = readFileSync(source.path, 'utf8');
  // Marp and Slidev are translated into native markdown first (the text `proofdeck convert` prints).
  // The source too: a deck that only its syntax marks as Marp or Slidev (`![bg]`, a `layout:` block) is translated.
  const named = detectDialect(source.path, frontmatterData(original), {
    from: options.from,
    fallback: options.defaultDialect ?? 'proofdeck',
    source: original,
  });
  const translation = translateDialect(named, original, source.path, { knownThemes: options.knownThemes });
  const file = new VFile({
    path: source.path,
    cwd: options.cwd ?? process.cwd(),
    value: translation?.markdown ?? original,
  });
  const read = readDialect(file, {
    from: translation ? 'proofdeck' : options.from,
    fallback: options.defaultDialect,
    cacheDir: options.parseCacheDir,
    writeCache: options.writeParseCache !== false,
  });
  const { tree, dialect } = read;
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const meta = readFrontmatter(yaml, file, {
    knownThemes: options.knownThemes,
    ...(options.defaultTheme ? { defaultTheme: options.defaultTheme } : {}),
    ...(options.themeOverride ? { themeOverride: options.themeOverride } : {}),
    dialect,
    fallbackTitle: firstHeadingText(tree),
  });
  checkSetextHeadings(tree, file, { allowTitles: dialect.name !== 'proofdeck' });
  checkUnclosedContainers(tree, file, { slideLevel: meta?.slideLevel ?? DEFAULT_SLIDE_LEVEL });
  checkStrayFences(tree, file);
  checkHeadingSkips(tree, file);
  checkMathSyntax(tree, file);
  checkLineSpecs(tree, file);
  checkDirectives(tree, file, { foreignDivs: dialect.name === 'pandoc' });
  const logo = meta?.logo ? [{ url: meta.logo, position: frontmatterKeyPosition(yaml, 'logo') }] : [];
  const css = deckStylesheets(meta ?? {}).map((url) => ({ url, position: frontmatterKeyPosition(yaml, 'css') }));
  const deckDir = path.dirname(source.path);
  // A book's chapters may name any file of the book, wherever the command runs from.
  const allow = [...(options.allow ?? []), ...(source.book ? [source.book.root] : [])];
  const scope = { root: options.root ?? deckDir, allow, source: String(file.value) };
  const assets = planAssets(tree, deckDir, scope, [...logo, ...css]);
  planStylesheets(assets, deckDir, [scope.root, ...allow], css);
  checkMissingAssets(assets, file);
  checkAssetScope(assets, file);
  checkGeneratedDocLinks(assets, file);
  const tables = checkTables(tree, file, { deckDir, allow });
  // Rust edition: block attribute, else frontmatter, else the book.toml above the file, else the config.
  const book = findBookToml(deckDir, source.book?.root ?? options.root ?? deckDir);
  const edition = meta?.edition ?? (book ? bookEdition(book) : undefined) ?? options.snippetDefaults?.edition;
  const { snippets, blocks } = extractBlocks(tree, file, {
    root: source.book?.root ?? options.root ?? deckDir,
    allow,
    ...(options.snippetDefaults?.cc ? { cc: options.snippetDefaults.cc } : {}),
    ...(edition ? { edition } : {}),
    // Chapters in different folders may share a file name (`part-1/intro.md`, `part-2/intro.md`).
    ...(source.book ? { idPrefix: slugOf(source.name) } : {}),
    proofs: options.frail ? 'all' : (meta?.proofs ?? options.snippetDefaults?.proofs ?? 'optional'),
  });
  const diagrams = extractDiagrams(tree, file, {
    deckDir,
    diagramsDir: options.diagramsDir ?? path.resolve(deckDir, '..', '..', 'diagrams'),
    loadRecords: (written) => loadTimelineRecords(deckDir, written, allow),
  });
  const items = deckItems(read, meta?.slideLevel);
  for (const slide of allSlides(items)) {
    dialect.transformSlide?.(slide, read.context);
    if (meta?.background && !slide.attributes.background && !slide.attributes.backgroundImage)
      slide.attributes.background = meta.background;
  }
  reportFindings(read.findings, file);
  if (meta && startsWithOwnTitle(items, meta.title)) meta.titleSlide = false;
  checkEmptySlides(items, file);
  checkHtmlAcrossSlides(items, file);
  const definitions = tree.children.filter((node): node is Definition => node.type === 'definition');
  const deck = meta
    ? {
        name: source.name,
        path: source.path,
        // Smartened after startsWithOwnTitle, which compares the title as written with the first heading's text.
        meta: smartMeta({ ...meta, dialect: named }),
        items: options.includeHidden ? withHiddenShown(items) : withoutHidden(items),
        definitions,
      }
    : undefined;
  if (deck) attachAnchors(deck);
  const bookToml = book ? { bookToml: book.file } : {};
  if (!translation) return { file, tree, deck, assets, diagrams, tables, snippets, blocks, ...bookToml };
  // Blocks of a translated deck (Marp, Slidev) point into the file the user wrote, like its messages.
  const mapped = blocks.map((block) => ({ ...block, line: translation.lineMap[block.line - 1] ?? block.line }));
  const loaded = { tree, deck, assets, diagrams, tables, snippets, blocks: mapped, ...bookToml };
  return { file: backToSource(file, original, translation), ...loaded };
}

/**
 * The user's file with every message of the translated text moved to the line it came from, and the
 * dialect's own warnings added, so diagnostics point into the file the user wrote.
 */
function backToSource(translated: VFile, original: string, translation: Translation): VFile {
  const file = new VFile({ path: translated.path, cwd: translated.cwd, value: original });
  for (const warning of translation.warnings)
    addWarning(file, warning.reason, { line: warning.line, column: warning.column }, warning.ruleId, warning.hint);
  for (const message of translated.messages) {
    if (message.line !== undefined) {
      const line = translation.lineMap[message.line - 1] ?? message.line;
      message.line = line;
      message.place = { line, column: message.column ?? 1 };
    }
    file.messages.push(message);
  }
  return file;
}

/** Slides as the dialect cuts them: from its source ranges, or by headings and `---` on the tree. */
function deckItems(read: DialectRead, slideLevel: number | undefined): DeckItem[] {
  if (read.sourceSlides)
    return slidesFromSource(
      read.sourceSlides.map(({ range, content, notes }) => ({
        line: lineOf(read.context.source, range.start),
        horizontal: range.horizontal,
        content,
        notes,
      })),
      { htmlCommentNotes: read.dialect.notes?.htmlComments },
    );
  const { frontmatter } = read;
  // Quarto (`format: revealjs`, `.qmd`) always uses level 2; plain pandoc infers it from the headings.
  const fixed = 'slideLevel' in frontmatter || 'slide-level' in frontmatter || 'format' in frontmatter;
  const quarto = fixed || /\.qmd$/i.test(read.path);
  const level =
    read.dialect.inferSlideLevel && !quarto ? inferSlideLevel(read.tree) : (slideLevel ?? DEFAULT_SLIDE_LEVEL);
  return splitSlides(read.tree, { slideLevel: level, headingStacks: read.dialect.headingStacks ?? true });
}

/** `Part-1/Intro` → `part-1-intro`: the prefix of a book chapter's derived snippet ids. */
const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'chapter';

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** The text of the first heading: the deck's title when the frontmatter names none. */
function firstHeadingText(tree: Root): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading');
  return heading ? toString(heading) : undefined;
}

/** The first slide is already a title slide: it starts with a `#` heading reading the deck's title. */
function startsWithOwnTitle(items: readonly DeckItem[], title: string): boolean {
  const first = items[0];
  const slide = first?.kind === 'slide' ? first.slide : first?.slides[0];
  const heading = slide?.content.find((node) => node.type === 'heading');
  return heading?.type === 'heading' && heading.depth === 1 && toString(heading).trim() === title.trim();
}

function reportFindings(findings: readonly DialectFinding[], file: VFile): void {
  for (const finding of findings)
    addWarning(
      file,
      finding.message,
      { line: finding.line, column: finding.column },
      finding.rule ?? 'dialect/unsupported',
      finding.hint,
    );
}
