/** Renders slides and stacks as reveal.js `<section>` elements. */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { DeckItem, DeckMeta, Slide } from '../../model/deck.ts';
import { contentToHast, type ContentOptions } from '../../transform/slide.ts';

/** The slide made from the frontmatter: title, subtitle, author, event and date. */
export function titleSlide(meta: DeckMeta): Element {
  const byline = [meta.author, [meta.event, meta.date].filter(Boolean).join(' · ')].filter(
    (part) => part && part.length > 0,
  );
  return h('section.title-slide', { id: 'title' }, [
    h('h1', meta.title),
    meta.subtitle ? h('p.subtitle', meta.subtitle) : undefined,
    ...byline.map((line) => h('p.byline', line)),
  ]);
}

/** One slide as a reveal.js `<section>`, with its notes in `<aside class="notes">`. */
export function slideSection(slide: Slide, options: ContentOptions, sectionTitle = false): Element {
  const cached = options.memo?.get(slide);
  if (cached) return cached;
  const section = renderSection(slide, options, sectionTitle);
  options.memo?.set(slide, section);
  return section;
}

function renderSection(slide: Slide, options: ContentOptions, sectionTitle: boolean): Element {
  const { attributes } = slide;
  const properties: Record<string, string | string[]> = { id: slide.id, dataLine: String(slide.line) };
  const classes = sectionTitle ? ['section-title', ...attributes.classes] : attributes.classes;
  if (classes.length > 0) properties.className = classes;
  if (attributes.background) properties.dataBackgroundColor = attributes.background;
  if (attributes.backgroundImage) {
    const asset = options.assets.get(attributes.backgroundImage);
    properties.dataBackgroundImage = asset?.target ?? attributes.backgroundImage;
  }
  if (attributes.transition) properties.dataTransition = attributes.transition;
  for (const [key, value] of Object.entries(attributes.data ?? {})) properties[`data-${key}`] = value;
  const children = contentToHast(slide.content, options).children as ElementContent[];
  if (slide.notes.length > 0)
    children.push(h('aside.notes', contentToHast(slide.notes, options).children as ElementContent[]));
  return h('section', properties, children);
}

/** All deck items as top-level `<section>`s; stacks nest their slides (reveal.js vertical slides). */
export function renderItems(items: readonly DeckItem[], options: ContentOptions): Element[] {
  return items.map((item) =>
    item.kind === 'slide'
      ? slideSection(item.slide, options)
      : h(
          'section.stack',
          item.slides.map((slide, index) => slideSection(slide, options, index === 0 && item.titled !== false)),
        ),
  );
}
