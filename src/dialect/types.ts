/**
 * The dialect framework: how a deck written for another tool (reveal.js, reveal-md, Marp, Slidev, pandoc/Quarto)
 * is read the way that tool reads it. A dialect is a small object of optional hooks; the loader
 * (src/dialect/read.ts) runs them in a fixed order and keeps every position pointing into the original file.
 */
import type { RootContent } from 'mdast';
import type { DialectName, Slide } from '../model/deck.ts';

export { DIALECTS, type DialectName } from '../model/deck.ts';

/** Replace `source.slice(start, end)` by `text` before parsing; positions are mapped back afterwards. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/** One slide cut out of the source by a dialect's separators (offsets into the original source). */
export interface SourceSlide {
  start: number;
  end: number;
  /** `false`: a vertical slide below the previous one (same horizontal position). */
  horizontal: boolean;
  /** Speaker notes cut out of the slide by a notes separator (reveal's `Note:`): parsed on their own. */
  notes?: { start: number; end: number };
}

/** A problem a dialect hook found: becomes a positioned warning (or error) on the deck's file. */
export interface DialectFinding {
  /** 1-based line and column in the original file. */
  line: number;
  column: number;
  message: string;
  hint: string;
  /** @default 'dialect/unsupported' */
  rule?: 'dialect/unsupported' | 'dialect/unknown-key';
}

/** Frontmatter after a dialect mapped its own keys onto proofdeck's. */
export interface MappedFrontmatter {
  /** Keys proofdeck's schema validates (title, theme, transition, slideNumbers, footer, …). */
  data: Record<string, unknown>;
  /** Keys of the dialect proofdeck does not honour: reported as warnings at the key, never errors. */
  ignored: { key: string; reason: string }[];
}

/** What every hook receives besides its main argument. */
export interface DialectContext {
  /** The original source text of the file. */
  source: string;
  /** Raw frontmatter data (before mapping), `{}` when there is none. */
  frontmatter: Readonly<Record<string, unknown>>;
  /** Collects findings; positions must point into the original file. */
  report: (finding: DialectFinding) => void;
}

/** One dialect. Every hook is optional; an absent hook means "as proofdeck does it". */
export interface Dialect {
  readonly name: DialectName;
  /**
   * Same-meaning rewrites of the source before micromark sees it (pandoc `::: notes` → `:::notes`).
   * Edits must not overlap; positions of the parsed tree are mapped back to the original text.
   */
  rewrite?(source: string, context: DialectContext): SourceEdit[];
  /**
   * Source-level slide splitting (reveal.js, reveal-md, Marp, Slidev): each returned range is parsed on its
   * own, like those tools do, and its positions shifted into the file. `bodyStart` is the offset after the
   * frontmatter. Absent: proofdeck splits the parsed tree by headings and `---` (pandoc, native).
   */
  splitSource?(source: string, bodyStart: number, context: DialectContext): SourceSlide[];
  /** Whether headings above the slide level start vertical stacks (pandoc, native). @default true */
  readonly headingStacks?: boolean;
  /** Pandoc's rule: slide level = highest heading level directly followed by content. @default false */
  readonly inferSlideLevel?: boolean;
  /** Notes conventions besides `:::notes`: reveal's `Note:` (case-insensitive), trailing HTML comments. */
  readonly notes?: { notePrefix?: RegExp; htmlComments?: 'all' | 'last' };
  /**
   * Whether a frontmatter `title` makes a generated title slide (pandoc/Quarto: yes; reveal-md, Marp: no).
   * @default true
   */
  readonly titleSlide?: boolean;
  /** Maps the dialect's frontmatter keys onto proofdeck's. Absent: keys are taken as proofdeck keys. */
  mapFrontmatter?(data: Record<string, unknown>): MappedFrontmatter;
  /** Per-slide tree transform after splitting: attribute comments, pauses, image attributes, directives. */
  transformSlide?(slide: Slide, context: DialectContext): void;
  /** Per-node transform over the whole tree before checks (e.g. heading attributes), in document order. */
  transformTree?(nodes: RootContent[], context: DialectContext): void;
}
