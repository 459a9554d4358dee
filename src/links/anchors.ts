/** The anchor ids a deck or page has on the site (and, for slides, in the deck): slide ids and heading slugs. */
import GithubSlugger from 'github-slugger';
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../parse/visit.ts';
import type { ParsedDeck } from '../model/deck.ts';
import { allSlides } from '../parse/slides.ts';

declare module 'mdast' {
  interface HeadingData {
    /**
     * The heading's anchor id: its slide's id for the heading that opened the slide, else a unique slug. Set by
     * {@link attachAnchors} on this build's tree (the parse cache holds JSON text, so it never keeps it); the site
     * writes it as the heading's `id` and lists it in "On this page".
     */
    anchor?: string;
  }
}

/** The heading that opened the slide (and gave it its title and id), if any. */
function titleHeading(slide: { title?: string; content: readonly RootContent[] }): Heading | undefined {
  const first = slide.content[0];
  return slide.title !== undefined && first?.type === 'heading' ? first : undefined;
}

/**
 * Puts each heading's anchor on its node. A slide heading keeps the slide's id; every other heading (in content
 * or notes) gets a github-slugger slug, made unique against the slide ids so no two elements share an id.
 */
export function attachAnchors(deck: ParsedDeck): void {
  const slides = allSlides(deck.items);
  const slugger = new GithubSlugger();
  for (const slide of slides) slugger.slug(slide.id);
  for (const slide of slides) {
    const own = titleHeading(slide);
    if (own) own.data = { ...own.data, anchor: slide.id };
    for (const node of [...slide.content, ...slide.notes]) {
      visit(node, 'heading', (heading: Heading) => {
        if (heading !== own) heading.data = { ...heading.data, anchor: slugger.slug(toString(heading)) };
      });
    }
  }
}

/**
 * Every anchor a link may point at in a document loaded with {@link attachAnchors}: slide ids, heading anchors,
 * and the id written on a checked table (`:::table{#kernel-versions}`).
 */
export function anchorIds(deck: ParsedDeck): Set<string> {
  const ids = new Set<string>();
  for (const slide of allSlides(deck.items)) {
    ids.add(slide.id);
    for (const node of [...slide.content, ...slide.notes]) {
      visit(node, (child) => {
        if (child.type === 'heading' && child.data?.anchor) ids.add(child.data.anchor);
        if (child.type === 'containerDirective' && child.name === 'table' && child.attributes?.id)
          ids.add(child.attributes.id);
      });
    }
  }
  return ids;
}
