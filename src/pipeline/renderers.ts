/**
 * The renderers of a build behind one interface: each takes the checked build and returns the folders it
 * writes (`dist/<folder>/…`). The deck renderer also says which folders hold a deck to print as PDF.
 */
import type { Theme } from '../config/themes.ts';
import type { DocIndex } from '../links/resolve.ts';
import type { ParsedDeck } from '../model/deck.ts';
import { renderDeck } from '../render/deck/document.ts';
import { type DeckRenderContext, withDiagramAlternates } from '../transform/content.ts';
import { renderHandout, type HandoutLayout, type Paper } from '../render/pdf/handout.ts';
import type { SiteDoc } from '../render/site/site-input.ts';
import type { OutputFile } from '../runtime/files.ts';
import type { ContentOptions } from '../transform/slide.ts';
import type { LoadedDeck } from './load.ts';

/** One document of the build, checked, with everything its renderers read. */
export interface BuiltDoc {
  loaded: LoadedDeck;
  deck: ParsedDeck;
  theme: Theme;
  context: DeckRenderContext;
  /** How its slides become HTML (built once per document; the site derives its variant from it). */
  content: ContentOptions;
}

/** What every renderer reads: the build's documents and the index links between them resolve against. */
export interface CheckedBuild {
  docs: readonly BuiltDoc[];
  index: DocIndex;
}

/** Build-wide choices the renderers follow. */
export interface RenderContext {
  /** PDFs are printed: the handout page is written, and the site links the PDFs. */
  pdf: boolean;
  handoutLayout: HandoutLayout;
  paper: Paper;
  /** Public URL or path of `dist/site/`. */
  base: string | undefined;
  /** Site title (the config file's `site.title`). */
  title?: string | undefined;
}

/** A folder of `dist/` and its files; `print` marks a deck folder whose HTML the PDF stage prints. */
interface RenderedFolder {
  folder: string;
  files: OutputFile[];
  print?: BuiltDoc;
}

export type Renderer = (build: CheckedBuild, context: RenderContext) => Promise<RenderedFolder[]>;

/** Deck and handout page of every deck (pages, `kind: page`, are only site articles). */
export const renderDecks: Renderer = async (build, context) =>
  build.docs
    .filter((doc) => doc.deck.meta.kind !== 'page')
    .map((doc) => {
      // The handout page is what the handout PDF is printed from; without PDFs it is not made.
      const handout = context.pdf
        ? [
            {
              path: 'handout.html',
              content: renderHandout(doc.deck.meta, doc.deck.items, doc.content, {
                layout: context.handoutLayout,
                paper: context.paper,
              }),
            },
          ]
        : [];
      return {
        folder: doc.deck.name,
        files: [...renderDeck(doc.deck, doc.context, doc.content), ...handout],
        print: doc,
      };
    });

/** The docs site: every deck and page as an article, search, and the verification page. */
export const renderSiteFolder: Renderer = async (build, context) => {
  // Site code is loaded only by builds that make the site: start-up time matters for quick rebuilds.
  const [{ renderSite }, { siteTables }] = await Promise.all([
    import('../render/site/site.ts'),
    import('../render/site/tables.ts'),
  ]);
  const docs: SiteDoc[] = build.docs.map((doc) => ({
    deck: doc.deck,
    content: siteContent(withDiagramAlternates(doc.content, doc.context)),
    theme: doc.theme,
    snippets: doc.loaded.snippets,
    snippetResults: doc.context.snippetResults ?? new Map(),
  }));
  const tables = build.docs.flatMap((doc) => siteTables(doc.deck.name, doc.loaded.tables));
  return [
    { folder: 'site', files: renderSite({ docs, tables, pdf: context.pdf, base: context.base, title: context.title }) },
  ];
};

/** The site resolves links between documents itself, so its content keeps them as written (own memo too). */
function siteContent(content: ContentOptions): ContentOptions {
  const { rewriteLink: _deckLinks, ...rest } = content;
  return { ...rest, memo: new WeakMap() };
}
