/** A deck's slides as the sections of a readable article: content, speaker notes as prose, a "Present" link each. */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { DeckItem, Slide } from '../../model/deck.ts';
import { contentToHast, type ContentOptions } from '../../transform/slide.ts';
import { siteContent, type SiteContentOptions } from './content.ts';

/** A slide and where reveal.js shows it: `h` counts the generated title slide as 0, `v` is the place in a stack. */
export interface SlideRef {
  slide: Slide;
  h: number;
  v: number;
}

/** Every slide with its reveal.js indices, in document order. */
export function slideRefs(items: readonly DeckItem[]): SlideRef[] {
  return items.flatMap((item, index) =>
    item.kind === 'slide'
      ? [{ slide: item.slide, h: index + 1, v: 0 }]
      : item.slides.map((slide, v) => ({ slide, h: index + 1, v })),
  );
}

/** Options for {@link renderSections}. */
export interface SectionOptions extends SiteContentOptions {
  content: ContentOptions;
  /** URL of the deck's `index.html` relative to the article; undefined for pages, which are not presented. */
  deckHref?: string | undefined;
}

const PLAY_ICON = h(
  'svg',
  { className: ['icon'], viewBox: '0 0 16 16', width: 14, height: 14, ariaHidden: 'true', focusable: 'false' },
  [h('path', { d: 'M4 2.5v11l9-5.5z', fill: 'currentColor' })],
);

function presentLink(ref: SlideRef, deckHref: string): Element {
  const label = ref.slide.title ? `Present slide: ${ref.slide.title}` : `Present slide ${ref.h}.${ref.v}`;
  return h('a.present', { href: `${deckHref}#/${ref.h}/${ref.v}`, ariaLabel: label }, [PLAY_ICON, 'Present']);
}

function isHeading(node: ElementContent | undefined): node is Element {
  return node?.type === 'element' && /^h[1-6]$/.test(node.tagName);
}

/** A slide's background image (reveal.js draws it behind the slide): the site shows it above the slide's text. */
function backgroundPicture(slide: Slide, content: ContentOptions): Element | undefined {
  const url = slide.attributes.backgroundImage;
  if (!url) return undefined;
  const src = content.assets.get(url)?.target ?? url;
  return h('figure.slide-background', [h('img', { src, alt: '', loading: 'lazy' })]);
}

/** One slide as a `<section>`; an untitled slide carries its id on the section, a titled one on its heading. */
function section(ref: SlideRef, options: SectionOptions): Element {
  const { slide } = ref;
  const body = siteContent(contentToHast(slide.content, options.content).children as ElementContent[], options);
  const first = body[0];
  const title = slide.title !== undefined && isHeading(first) ? first : undefined;
  const rest = title ? body.slice(1) : body;
  const present = options.deckHref ? presentLink(ref, options.deckHref) : undefined;
  const children: ElementContent[] = [];
  if (title || present) children.push(h('div.slide-head', [title, present]));
  const background = backgroundPicture(slide, options.content);
  if (background) children.push(background);
  children.push(...rest);
  if (slide.notes.length > 0) {
    const notes = siteContent(contentToHast(slide.notes, options.content).children as ElementContent[], options);
    children.push(
      h('div.notes', { role: 'note', ariaLabel: 'Speaker notes' }, [h('p.notes-label', 'Speaker notes'), ...notes]),
    );
  }
  return h('section.slide', { id: title ? undefined : slide.id }, children);
}

/** All slides as sections, in document order. */
export function renderSections(refs: readonly SlideRef[], options: SectionOptions): Element[] {
  return refs.map((ref) => section(ref, options));
}
