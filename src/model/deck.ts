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
  slideLevel: number;
  transition: SlideTransition;
  /** `page` marks a plain documentation page for the site rather than a deck. */
  kind: 'deck' | 'page';
}

export const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;
type SlideTransition = (typeof TRANSITIONS)[number];

/** Per-slide attributes from a `::slide{…}` directive. */
export interface SlideAttributes {
  classes: string[];
  background?: string;
  backgroundImage?: string;
  transition?: SlideTransition;
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
export type DeckItem = { kind: 'slide'; slide: Slide } | { kind: 'stack'; slides: Slide[] };

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
