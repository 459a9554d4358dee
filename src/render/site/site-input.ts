/** What the docs site is rendered from: the checked decks and pages, with what proved their claims. */
import type { Theme } from '../../config/themes.ts';
import type { ParsedDeck } from '../../model/deck.ts';
import type { Snippet, SnippetResult } from '../../model/snippet.ts';
import type { ContentOptions } from '../../transform/slide.ts';

/** One deck, or one page (`meta.kind === 'page'`), as the site renders it. */
export interface SiteDoc {
  deck: ParsedDeck;
  /** The same content options the deck is rendered with, so code, badges, diagrams and assets match. */
  content: ContentOptions;
  /** The deck's theme: diagrams are drawn in its palette, so the site shows them on its background. */
  theme?: Theme;
  /** Snippets of this document: their expectation and position for the verification page. @default [] */
  snippets?: readonly Snippet[];
  /** Verdicts by snippet id. @default empty */
  snippetResults?: ReadonlyMap<string, SnippetResult>;
}

/** A checked table, for the verification page. */
export interface SiteTable {
  /** Name of the deck or page it belongs to. */
  deck: string;
  id: string;
  title?: string;
  /** Element id of the table in the document's article, when it has one. */
  anchor?: string;
  ok: boolean;
  /** What was checked, or what failed. */
  messages: readonly string[];
}

/** A compiler and its version, as shown on the verification page. */
export interface ToolVersion {
  tool: string;
  version: string;
}

/** Input of {@link renderSite}. */
export interface SiteInput {
  docs: readonly SiteDoc[];
  /** Site name in the header and on the home page. @default 'Talks' */
  title?: string | undefined;
  /**
   * Public URL (or absolute path) of `dist/site/`, used only where a URL must be absolute: sitemap.xml and 404.html.
   * @default '/'
   */
  base?: string | undefined;
  /** Whether `<deck>.pdf` and `<deck>-handout.pdf` were built, so the site links them. @default true */
  pdf?: boolean | undefined;
  /** Toolchain versions; by default those seen in the snippet runs. */
  toolchains?: readonly ToolVersion[];
  /** Checked tables. @default [] */
  tables?: readonly SiteTable[];
}
