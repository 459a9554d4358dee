/** pandoc's rule for `$…$`, which micromark's math extension does not apply: prices stay prices. */
import type { Root, Text } from 'mdast';
import { SKIP, visit } from './visit.ts';

/**
 * Turns `$…$` back into text where pandoc (and so Quarto, reveal-md's users, most TeX-in-markdown readers)
 * would: the opening `$` followed by a space, the closing `$` preceded by a space or followed by a digit.
 * "costs $5 and $10" is text; "$E = mc^2$" is math.
 */
export function restoreDollarText(tree: Root, source: string): void {
  visit(tree, 'inlineMath', (node, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !parent || index === undefined) return;
    const raw = source.slice(start, end);
    if (raw.startsWith('$$')) return;
    const inner = raw.slice(1, -1);
    const spaced = /^\s/.test(inner) || /\s$/.test(inner);
    if (!spaced && !/^\d/.test(source.slice(end, end + 1))) return;
    const text: Text = { type: 'text', value: raw };
    if (node.position) text.position = node.position;
    parent.children.splice(index, 1, text);
    return [SKIP, index + 1];
  });
}
