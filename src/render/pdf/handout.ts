/** The handout: a printable page with a title page, then each slide with its notes or with lines to write on. */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { type DeckItem, type DeckMeta, slideSize } from '../../model/deck.ts';
import type { ContentOptions } from '../../transform/slide.ts';
import { RUNTIME_DIR } from '../../runtime/files.ts';
import { slideSection, titleSlide } from '../deck/slides.ts';

/** Handout layouts: one slide and its notes per page, or 2/3 slides per page with lines for notes. */
export const HANDOUT_LAYOUTS = ['notes', '2up', '3up'] as const;
export type HandoutLayout = (typeof HANDOUT_LAYOUTS)[number];
export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type Paper = (typeof PAPER_SIZES)[number];

/** Options for {@link renderHandout}. */
export interface HandoutOptions {
  layout: HandoutLayout;
  paper: Paper;
}

interface HandoutSlide {
  number: number;
  title: string;
  section: Element;
  notes: ElementContent[];
  sectionStart: boolean;
}

/** Splits a rendered `<section>` into the slide and its `<aside class="notes">` content. */
function splitNotes(section: Element): { section: Element; notes: ElementContent[] } {
  const isNotes = (child: ElementContent) => child.type === 'element' && child.tagName === 'aside';
  const aside = section.children.find(isNotes);
  return {
    section: { ...section, children: section.children.filter((child) => !isNotes(child)) },
    notes: aside?.type === 'element' ? aside.children : [],
  };
}

function handoutSlides(meta: DeckMeta, items: readonly DeckItem[], options: ContentOptions): HandoutSlide[] {
  const slides: HandoutSlide[] = meta.titleSlide
    ? [{ number: 1, title: meta.title, section: titleSlide(meta), notes: [], sectionStart: false }]
    : [];
  for (const item of items) {
    const group = item.kind === 'slide' ? [item.slide] : item.slides;
    group.forEach((slide, index) => {
      const { section, notes } = splitNotes(
        slideSection(slide, options, item.kind === 'stack' && index === 0 && item.titled !== false),
      );
      slides.push({
        number: slides.length + 1,
        title: slide.title ?? `Slide ${slides.length + 1}`,
        section,
        notes,
        sectionStart: item.kind === 'stack' && index === 0,
      });
    });
  }
  return slides;
}

/**
 * A slide drawn at its own size (1280×720 at 16:9) and scaled into its frame; hidden from assistive tech
 * because the label and notes carry it.
 */
function frame(slide: HandoutSlide): Element {
  return h('div.frame', { ariaHidden: 'true' }, [h('div.reveal', [h('div.slides', [slide.section])])]);
}

function slideBlock(slide: HandoutSlide, layout: HandoutLayout): Element {
  const Heading = slide.sectionStart ? 'h2' : 'h3';
  const label = h(`${Heading}.label`, [h('span.number', `Slide ${slide.number}`), ` ${slide.title}`]);
  if (layout === 'notes') {
    const notes =
      slide.notes.length > 0 ? h('div.notes', slide.notes) : h('p.no-notes', 'No speaker notes for this slide.');
    return h('article.slide.layout-notes', [label, frame(slide), notes]);
  }
  const lines = h(
    'div.lines',
    Array.from({ length: layout === '2up' ? 3 : 8 }, () => h('span')),
  );
  return h(`article.slide.layout-${layout}`, [label, h('div.pair', [frame(slide), lines])]);
}

const PAPER_WIDTH_MM: Record<Paper, number> = { A4: 210, Letter: 215.9 };
const MARGIN_MM = 14;
/** Holds the page number (the @bottom-center box in handout.css). */
const BOTTOM_MARGIN_MM = 16;
const FRAME_SHARE: Record<HandoutLayout, number> = { notes: 1, '2up': 0.78, '3up': 0.56 };

/**
 * Page size, and the frame size with the matching zoom for the deck's slide size. Computed here rather than
 * in the page because the print layout is wider or narrower than any screen layout a script could measure.
 * `zoom`, unlike a transform, shrinks the layout box too: a 1280px box left in the layout makes chromium
 * shrink the whole printed page to fit it.
 */
function pageStyle(options: HandoutOptions, slide: { width: number; height: number }): string {
  const frameMm = (PAPER_WIDTH_MM[options.paper] - 2 * MARGIN_MM) * FRAME_SHARE[options.layout];
  const scale = (frameMm * 96) / 25.4 / slide.width;
  const box = `width: ${slide.width}px; height: ${slide.height}px;`;
  return (
    `@page { size: ${options.paper}; margin: ${MARGIN_MM}mm ${MARGIN_MM}mm ${BOTTOM_MARGIN_MM}mm; } ` +
    `:root { --sheet-width: ${PAPER_WIDTH_MM[options.paper]}mm; --sheet-margin: ${MARGIN_MM}mm; } .frame { ` +
    `width: ${frameMm.toFixed(2)}mm; height: ${((frameMm * slide.height) / slide.width).toFixed(2)}mm; } ` +
    `.frame > .reveal { zoom: ${scale.toFixed(5)}; ${box} } .frame .slides, .frame .slides > section { ${box} }`
  );
}

/** Serialises the handout page; its stylesheet is `handout.css` next to the deck theme. */
export function renderHandout(
  meta: DeckMeta,
  items: readonly DeckItem[],
  content: ContentOptions,
  options: HandoutOptions,
): string {
  const slides = handoutSlides(meta, items, content);
  const byline = [meta.author, meta.event, meta.date].filter(Boolean).join(' · ');
  const perPage = options.layout === 'notes' ? 1 : options.layout === '2up' ? 2 : 3;
  const pages: Element[] = [];
  for (let i = 0; i < slides.length; i += perPage)
    pages.push(
      h(
        'div.page',
        slides.slice(i, i + perPage).map((slide) => slideBlock(slide, options.layout)),
      ),
    );
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('title', `${meta.title} (handout)`),
        h('link', { rel: 'stylesheet', href: `${RUNTIME_DIR}/fonts/fonts.css` }),
        h('link', { rel: 'stylesheet', href: `${RUNTIME_DIR}/theme.css` }),
        h('link', { rel: 'stylesheet', href: `${RUNTIME_DIR}/handout.css` }),
        h('style', pageStyle(options, slideSize(meta.aspectRatio))),
      ]),
      h('body', [
        h('header.title-page', [
          h('h1', meta.title),
          meta.subtitle ? h('p.subtitle', meta.subtitle) : undefined,
          byline ? h('p.byline', byline) : undefined,
          meta.abstract ? h('p.abstract', meta.abstract) : undefined,
          h(
            'p.contents',
            `${slides.length} slides · handout with ` +
              `${options.layout === 'notes' ? 'speaker notes' : `${perPage} slides per page`}`,
          ),
        ]),
        h('main', pages),
      ]),
    ]),
  ]);
  return `${toHtml(tree, { allowDangerousHtml: true })}\n`;
}
