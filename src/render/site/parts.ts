/** Small pieces several site pages share. */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { DeckMeta } from '../../model/deck.ts';

/** `1 snippet`, `2 snippets`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A talk's event and date, dot-separated; empty when it has neither. */
export function byline(meta: DeckMeta): ElementContent[] {
  const parts: ElementContent[] = [];
  if (meta.event) parts.push(h('span', meta.event));
  if (meta.date) parts.push(h('time', { dateTime: meta.date }, meta.date));
  return parts.flatMap((part, index) => (index === 0 ? [part] : [h('span.sep', { ariaHidden: 'true' }, '·'), part]));
}
