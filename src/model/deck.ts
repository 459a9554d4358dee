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
  /**
   * reveal.js slide numbers (Marp `paginate`, Quarto `slide-number`, reveal `slideNumber`): on (`c/t`, the
   * default), off, or one of reveal.js's formats.
   */
  slideNumbers?: boolean | SlideNumberFormat;
  /** Text shown on every slide (Quarto/Marp `footer`, Marp `header`). */
  header?: string;
  footer?: string;
  /** Image shown in a corner of every slide (Quarto `logo`), as written (relative to the markdown file). */
  logo?: string;
  /** `16:9` (1280×720, the default), `16:10` (1152×720) or `4:3` (960×720): see {@link slideSize}. */
  aspectRatio?: AspectRatio;
  /** Background colour of every slide that sets none (Slidev/Marp `background`). */
  background?: string;
  /** Quarto `incremental: true`: every list is revealed item by item. */
  incremental?: boolean;
  /** Edition of the deck's Rust blocks without `editionNNNN` (frontmatter `edition:`). */
  edition?: '2015' | '2018' | '2021' | '2024';
}

/** Quarto's callout blocks (`::: {.callout-note}`, also `:::callout-note`): a titled, coloured box. */
export const CALLOUT_KINDS = ['note', 'tip', 'warning', 'caution', 'important'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** The callout kind a container name stands for (`callout-tip` → `tip`), if it is one. */
export function calloutKind(name: string): CalloutKind | undefined {
  const kind = name.startsWith('callout-') ? name.slice('callout-'.length) : undefined;
  return CALLOUT_KINDS.find((known) => known === kind);
}

/** reveal.js's slide number formats: `h.v`/`h/v` (horizontal.vertical), `c` (flat count), `c/t` (count/total). */
export const SLIDE_NUMBER_FORMATS = ['h.v', 'h/v', 'c', 'c/t'] as const;
export type SlideNumberFormat = (typeof SLIDE_NUMBER_FORMATS)[number];
const isSlideNumberFormat = (value: unknown): value is SlideNumberFormat =>
  (SLIDE_NUMBER_FORMATS as readonly unknown[]).includes(value);

/** Slide numbers as reveal.js/Quarto write them (`true`, `false`, a format) → proofdeck's `slideNumbers`. */
export function slideNumbersOf(value: unknown): boolean | SlideNumberFormat {
  return isSlideNumberFormat(value) ? value : value !== false;
}

/** Slide shapes proofdeck renders: every one is 720 px tall, so type sizes mean the same in each. */
export const ASPECT_RATIOS = ['16:9', '16:10', '4:3'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** The slide's size in CSS pixels (reveal.js `width`/`height`; PDF pages and handout frames follow it). */
export function slideSize(aspectRatio: AspectRatio = '16:9'): { width: number; height: number } {
  const [w = 16, h = 9] = aspectRatio.split(':').map(Number);
  return { width: Math.round((720 * w) / h), height: 720 };
}

export const isAspectRatio = (value: unknown): value is AspectRatio =>
  (ASPECT_RATIOS as readonly unknown[]).includes(value);

/** The aspect ratio of a width and height (reveal.js `width`/`height`, Slidev `16/10`), when proofdeck has it. */
export function aspectRatioOf(width: number, height: number): AspectRatio | undefined {
  if (!Number.isFinite(width) || !Number.isFinite(height) || width <= 0 || height <= 0) return undefined;
  return ASPECT_RATIOS.find((ratio) => {
    const { width: w, height: h } = slideSize(ratio);
    return Math.abs(width / height - w / h) < 0.02;
  });
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
