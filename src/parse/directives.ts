/** Keeps remark-directive from eating ordinary prose such as "Rust:Safety" or "12:30pm". */
import type { Parent, Root, Text } from 'mdast';
import { SKIP, visit } from './visit.ts';

/** Text directives proofdeck understands; everything else written `:name` is prose. */
const KNOWN_TEXT_DIRECTIVES: ReadonlySet<string> = new Set(['proof']);

/** Replaces unknown `textDirective` nodes by the source text they were parsed from. */
export function restoreStrayTextDirectives(tree: Root, source: string): void {
  visit(tree, 'textDirective', (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined || KNOWN_TEXT_DIRECTIVES.has(node.name)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value = start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
    const text: Text = { type: 'text', value, ...(node.position ? { position: node.position } : {}) };
    parent.children.splice(index, 1, text);
    return [SKIP, index + 1];
  });
}

/** Joins neighbouring text nodes (a restored `:tada` and the `:` after it), so shortcodes read as one text. */
export function mergeAdjacentText(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    // Most parents have no two texts in a row: leave their children as they are (no new array per node).
    if (!parent.children.some((child, index) => child.type === 'text' && parent.children[index - 1]?.type === 'text'))
      return;
    const merged: Parent['children'] = [];
    for (const child of parent.children) {
      const previous = merged.at(-1);
      if (child.type === 'text' && previous?.type === 'text') {
        previous.value += child.value;
        if (previous.position && child.position) previous.position = { ...previous.position, end: child.position.end };
      } else merged.push(child);
    }
    parent.children = merged;
  });
}
