/** An implicit figure (dialect/figures.ts) as pandoc writes it: `<figure><img><figcaption>`. */
import type { Element, ElementContent } from 'hast';
import type { Paragraph } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { soleImage } from '../dialect/figures.ts';
import { type SmartPunctuation, withSmartPunctuation } from './smart-punctuation.ts';

/**
 * The figure for a paragraph holding only a captioned image, else `undefined`. The caption repeats the alt text,
 * so pandoc hides it from screen readers (`aria-hidden`), which read the alt already.
 */
export function implicitFigure(state: State, node: Paragraph, smartypants: SmartPunctuation): Element | undefined {
  const image = soleImage(node);
  const caption = image?.data?.caption;
  if (!image || !caption) return undefined;
  const img = state.one(image, node);
  if (!img || Array.isArray(img) || img.type !== 'element') return undefined;
  const parent: Paragraph = { type: 'paragraph', children: caption };
  // The caption lives beside the tree (on the image), so the slide's smartening pass does not reach it. The alt
  // text is the caption's text, smartened too, as pandoc writes it.
  const render = () => {
    img.properties.alt = toString(parent);
    return state.all(parent) as ElementContent[];
  };
  const children = smartypants === 'off' ? render() : withSmartPunctuation(caption, smartypants, render);
  const figcaption: Element = { type: 'element', tagName: 'figcaption', properties: { ariaHidden: 'true' }, children };
  return { type: 'element', tagName: 'figure', properties: {}, children: [img, figcaption] };
}
