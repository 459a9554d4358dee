/**
 * reveal.js attribute comments: `<!-- .slide: data-background="#222" -->` sets the slide's attributes and
 * `<!-- .element: class="fragment" -->` the previous element's (or its parent's), as plugin/markdown's
 * `addAttributes` does.
 */
import type { Parent, RootContent } from 'mdast';
import type { Slide } from '../model/deck.ts';
import { slideAttributesOf, type PandocAttributes } from './attributes.ts';

const SLIDE = /^<!--\s*\.slide:\s*([\s\S]*?)\s*-->$/;
const ELEMENT = /^<!--\s*\.element:?\s*([\s\S]*?)\s*-->$/;
const ATTRIBUTE = /([^\s="']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;

/** HTML attributes `class="a b" data-x="1"` as id, classes and pairs. */
function htmlAttributes(text: string): PandocAttributes {
  const result: PandocAttributes = { classes: [], pairs: {} };
  for (const match of text.matchAll(ATTRIBUTE)) {
    const [, key = '', double, single, bare] = match;
    const value = double ?? single ?? bare ?? '';
    if (key === 'class') result.classes.push(...value.split(/\s+/).filter(Boolean));
    else if (key === 'id') result.id = value;
    else result.pairs[key] = value;
  }
  return result;
}

interface WithData {
  data?: { hProperties?: Record<string, unknown> } & Record<string, unknown>;
}

function addProperties(target: RootContent, attributes: PandocAttributes): void {
  const node = target as unknown as WithData;
  const data = (node.data ??= {});
  const properties = (data.hProperties ??= {});
  const classes = Array.isArray(properties.className) ? (properties.className as string[]) : [];
  if (attributes.classes.length > 0) properties.className = [...classes, ...attributes.classes];
  if (attributes.id) properties.id = attributes.id;
  for (const [key, value] of Object.entries(attributes.pairs)) properties[key] = value;
}

/** Element children of reveal's DOM: text and line breaks are skipped when looking for "the previous element". */
function isElement(node: RootContent): boolean {
  return node.type !== 'text' && node.type !== 'break' && node.type !== 'html';
}

/**
 * Applies and removes the attribute comments below `parent`. `owner` is the element the comment's parent
 * renders as (a tight list item's paragraph renders as the `<li>` itself).
 */
function applyWithin(parent: Parent, owner: RootContent | undefined, slide: Slide): void {
  const kept: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'html') {
      const value = child.value.trim();
      const onSlide = SLIDE.exec(value);
      const onElement = onSlide ? undefined : ELEMENT.exec(value);
      if (onSlide) {
        const { classes = [], ...rest } = slideAttributesOf(htmlAttributes(onSlide[1] ?? ''));
        slide.attributes.classes.push(...classes);
        const { id, ...attributes } = rest;
        if (id) slide.id = id;
        Object.assign(slide.attributes, attributes);
        continue;
      }
      if (onElement) {
        const target = [...kept].reverse().find(isElement) ?? owner;
        if (target) addProperties(target, htmlAttributes(onElement[1] ?? ''));
        continue;
      }
    }
    if ('children' in child) {
      const tight = parent.type === 'listItem' && (parent as { spread?: boolean | null }).spread !== true;
      applyWithin(child as Parent, child.type === 'paragraph' && tight ? (parent as RootContent) : child, slide);
    }
    kept.push(child);
  }
  parent.children = kept as Parent['children'];
}

/** Applies a slide's reveal.js attribute comments to it and to its elements. */
export function revealAttributeComments(slide: Slide): void {
  const root = { type: 'root', children: slide.content } as Parent;
  applyWithin(root, undefined, slide);
  slide.content = root.children as RootContent[];
}
