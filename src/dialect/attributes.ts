/** Pandoc attribute blocks `{#id .class key=value key="a value"}` and what they mean on a reveal.js slide. */
import { TRANSITIONS, type SlideAttributes, type SlideTransition } from '../model/deck.ts';

/** A parsed attribute block. */
export interface PandocAttributes {
  id?: string;
  classes: string[];
  pairs: Record<string, string>;
}

const TOKEN = /([#.][^\s#.{}="']+)|([^\s={}"']+)=(?:"([^"]*)"|'([^']*)'|([^\s}"']*))|(\S+)/g;

/** Parses the inside of `{…}`; `undefined` when a token is not attribute syntax (then it is prose). */
export function parseAttributes(inner: string): PandocAttributes | undefined {
  const result: PandocAttributes = { classes: [], pairs: {} };
  for (const match of inner.matchAll(TOKEN)) {
    const [, marker, key, double, single, bare, other] = match;
    // pandoc's `{-}` is short for `{.unnumbered}`.
    if (other === '-') result.classes.push('unnumbered');
    else if (other !== undefined) return undefined;
    if (marker?.startsWith('#')) result.id = marker.slice(1);
    else if (marker) result.classes.push(marker.slice(1));
    else if (key) result.pairs[key] = double ?? single ?? bare ?? '';
  }
  return result;
}

/** A leading `{…}` on a text (after an image): the attributes and what follows, or `undefined`. */
export function leadingAttributes(text: string): { attributes: PandocAttributes; after: string } | undefined {
  const match = /^\{([^{}]*)\}/.exec(text);
  if (!match) return undefined;
  const attributes = parseAttributes(match[1] ?? '');
  return attributes ? { attributes, after: text.slice(match[0].length) } : undefined;
}

const IMAGE = /\.(?:png|jpe?g|gif|svg|webp|avif)(?:[?#].*)?$|^url\(/i;

/** Slide-level classes proofdeck's themes and reveal.js style; others are reported as not honoured. */
export const KNOWN_SLIDE_CLASSES = new Set(['smaller', 'scrollable', 'center', 'r-fit-text', 'r-stretch', 'nostretch']);

/** Slide attributes from pandoc/reveal attributes: `background`, `background-image`, `data-*`, transition. */
export function slideAttributesOf(attributes: PandocAttributes): Partial<SlideAttributes> & { id?: string } {
  const result: Partial<SlideAttributes> & { id?: string } = { classes: [...attributes.classes] };
  if (attributes.id) result.id = attributes.id;
  const data: Record<string, string> = {};
  for (const [raw, value] of Object.entries(attributes.pairs)) {
    const key = raw.replace(/^data-/, '');
    if (key === 'background' || key === 'background-color') {
      if (key === 'background' && IMAGE.test(value)) result.backgroundImage = value;
      else result.background = value;
    } else if (key === 'background-image') result.backgroundImage = value;
    else if (key === 'transition' && (TRANSITIONS as readonly string[]).includes(value))
      result.transition = value as SlideTransition;
    else data[key] = value;
  }
  if (Object.keys(data).length > 0) result.data = data;
  return result;
}

/** hast properties for an element's attributes: id, classes, `width`/`height` as style, others verbatim. */
export function elementProperties(attributes: PandocAttributes): Record<string, string | string[]> {
  const properties: Record<string, string | string[]> = {};
  if (attributes.id) properties.id = attributes.id;
  if (attributes.classes.length > 0) properties.className = attributes.classes;
  const style: string[] = [];
  for (const [key, value] of Object.entries(attributes.pairs)) {
    if (key === 'width' || key === 'height')
      style.push(`${key}: ${/^\d+(\.\d+)?$/.test(value) ? `${value}px` : value}`);
    else if (key === 'style') style.push(value.replace(/;\s*$/, ''));
    else properties[key] = value;
  }
  if (style.length > 0) properties.style = style.join('; ');
  return properties;
}
