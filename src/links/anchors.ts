/** The anchor ids a deck or page has on the site (and, for slides, in the deck): slide ids and heading slugs. */
import GithubSlugger from 'github-slugger';
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { ParsedDeck } from '../model/deck.ts';
import { allSlides } from '../parse/slides.ts';

/** Anchors of one document. */
export interface DocAnchors {
  /** Every anchor id: slide ids and heading slugs. */
  ids: Set<string>;
  /** Heading position key (see {@link positionKey}) → the id its element gets. */
  headings: Map<string, string>;
}

/** `line:column` of a node's start; hast elements keep the mdast position, so both sides agree on it. */
export function positionKey(node: { position?: Position | undefined }): string | undefined {
  const start = node.position?.start;
  return start ? `${start.line}:${start.column}` : undefined;
}

/** The heading that opened the slide (and gave it its title and id), if any. */
function titleHeading(slide: { title?: string; content: readonly RootContent[] }): Heading | undefined {
  const first = slide.content[0];
  return slide.title !== undefined && first?.type === 'heading' ? first : undefined;
}

/**
 * Computes the anchors of a document. A slide heading keeps the slide's id; every other heading (in content
 * or notes) gets a github-slugger slug, made unique against the slide ids so no two elements share an id;
 * checked tables add the id written on them.
 */
export function docAnchors(deck: ParsedDeck): DocAnchors {
  const slides = allSlides(deck.items);
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const headings = new Map<string, string>();
  for (const slide of slides) {
    slugger.slug(slide.id);
    ids.add(slide.id);
  }
  for (const slide of slides) {
    const own = titleHeading(slide);
    const ownKey = own ? positionKey(own) : undefined;
    if (ownKey) headings.set(ownKey, slide.id);
    for (const node of [...slide.content, ...slide.notes]) {
      visit(node, (child) => {
        // A checked table keeps the id written on it (`:::table{#kernel-versions}`).
        if (child.type === 'containerDirective' && child.name === 'table' && child.attributes?.id)
          ids.add(child.attributes.id);
        if (child.type !== 'heading' || child === own) return;
        const id = slugger.slug(toString(child));
        ids.add(id);
        const key = positionKey(child);
        if (key) headings.set(key, id);
      });
    }
  }
  return { ids, headings };
}
