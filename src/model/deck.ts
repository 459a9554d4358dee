/** Shared types for a parsed deck: frontmatter, slides and stacks. */
import type { Definition, RootContent } from 'mdast';

/** Validated frontmatter, with defaults applied. */
export interface DeckMeta {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  event?: string;
  abstract?: string;
  theme: string;
  /** Heading depth that starts a slide; 0: only `---` starts slides (Marp, Slidev). */
  slideLevel: number;
  transition: SlideTransition;
  /** `page` marks a plain documentation page for the site rather than a deck. */
  kind: 'deck' | 'page';
  /** Whether the frontmatter's title slide is rendered (`false`: the deck brings its own, or none). */
  titleSlide: boolean;
  /** The dialect the source is written in (`from:`/`dialect:`, `--from`, or detected). */
  dialect: DialectName;
  /** reveal.js slide numbers (Marp `paginate`, Quarto `slide-number`, reveal `slideNumber`). */
  slideNumbers?: boolean;
  /** Text shown on every slide (Quarto/Marp `footer`, Marp `header`). */
  header?: string;
  footer?: string;
  /** Image shown in a corner of every slide (Quarto `logo`), as written (relative to the markdown file). */
  logo?: string;
  /** `16:9` (1280×720, the default) or `4:3` (960×720). */
  aspectRatio?: '16:9' | '4:3';
  /** Background colour of every slide that sets none (Slidev/Marp `background`). */
  background?: string;
  /** Quarto `incremental: true`: every list is revealed item by item. */
  incremental?: boolean;
  /** Stylesheets beside the deck, linked after the theme in deck, PDF and handout (as written). */
  css?: string | string[];
  /** reveal.js `totalTime` in seconds: the speaker view paces the talk against it. */
  totalTime?: number;
  /** reveal.js's zoom plugin (Alt-click); on unless `false`. */
  zoom?: boolean;
  /** Curly quotes, en/em dashes and ellipses in text (pandoc's `smart`); on unless `false`. */
  smartypants?: boolean;
}

/** The `css:` frontmatter as a list of paths, as written. */
export function deckStylesheets(meta: Pick<DeckMeta, 'css'>): string[] {
  return meta.css === undefined ? [] : typeof meta.css === 'string' ? [meta.css] : meta.css;
}

/** Markdown dialects proofdeck reads (src/dialect/): native, reveal-md, reveal.js, Marp, Slidev, pandoc/Quarto. */
export const DIALECTS = ['proofdeck', 'reveal-md', 'reveal', 'marp', 'slidev', 'pandoc'] as const;
export type DialectName = (typeof DIALECTS)[number];

export const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;
export type SlideTransition = (typeof TRANSITIONS)[number];

/** Per-slide attributes from a `::slide{…}` directive. */
export interface SlideAttributes {
  classes: string[];
  background?: string;
  backgroundImage?: string;
  transition?: SlideTransition;
  /** Further reveal.js `data-*` attributes (pandoc `background-size=contain`, reveal `data-background-opacity`). */
  data?: Record<string, string>;
  /** `::slide{below}`: a vertical slide under the previous one (how `proofdeck convert` writes a stack). */
  below?: boolean;
}

/** One reveal.js slide. */
export interface Slide {
  /** 1-based line where the slide starts in the markdown (heading, `---` or first block). */
  line: number;
  /** Heading text, when the slide has one; used for outlines and links. */
  title?: string;
  /** Anchor id, stable across builds. */
  id: string;
  content: RootContent[];
  notes: RootContent[];
  attributes: SlideAttributes;
}

/** A horizontal position in the deck: a lone slide, or a section with vertical slides. */
export type DeckItem =
  | { kind: 'slide'; slide: Slide }
  /** `titled: false`: the first slide is an ordinary slide, not a section title (reveal-md's `----` stacks). */
  | { kind: 'stack'; slides: Slide[]; titled?: boolean };

/** A deck after parsing and slide splitting. */
export interface ParsedDeck {
  /** Deck name: its folder under `decks/`, used as the output folder. */
  name: string;
  /** Absolute path of the markdown source. */
  path: string;
  meta: DeckMeta;
  items: DeckItem[];
  /** Link reference definitions (`[rfl]: https://…`), which any slide may use. */
  definitions: Definition[];
}
