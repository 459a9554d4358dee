import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toHast } from 'mdast-util-to-hast';
import type { Node, Parent } from 'unist';
import { visit as library, type VisitorResult } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { EXIT, SKIP, visit } from '../../src/parse/visit.ts';
import { vfileOf } from '../helpers.ts';

const flagship = readFileSync(path.join(import.meta.dirname, '../../decks/rust-in-kernel/deck.md'), 'utf8');
const mdast = () => parseMarkdown(vfileOf(flagship));

type Visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => VisitorResult;
type Walker = (tree: Node, test: string | undefined, visitor: Visitor, reverse?: boolean) => void;

const ours: Walker = (tree, test, visitor, reverse) =>
  test === undefined ? visit(tree, visitor, reverse) : visit(tree, test, visitor, reverse);
const theirs: Walker = (tree, test, visitor, reverse) =>
  test === undefined ? library(tree, visitor, reverse) : library(tree, test, visitor, reverse);

/** What a visitor sees, call by call: the node's type, its index and its parent's type. */
function calls(walker: Walker, tree: Node, test: string | undefined, result: Visitor, reverse = false): string[] {
  const seen: string[] = [];
  walker(
    tree,
    test,
    (node, index, parent) => {
      seen.push(`${node.type}@${index}<${parent?.type}`);
      return result(node, index, parent);
    },
    reverse,
  );
  return seen;
}

describe('visit', () => {
  const cases: [string, string | undefined, Visitor, boolean?][] = [
    ['every node', undefined, () => undefined],
    ['every node, reversed', undefined, () => undefined, true],
    ['headings', 'heading', () => undefined],
    ['text, reversed', 'text', () => undefined, true],
    ['skipping lists', undefined, (node) => (node.type === 'list' ? SKIP : undefined)],
    ['stopping at the 5th code block', 'code', (_node, index) => (index === 5 ? EXIT : undefined)],
    ['jumping over siblings', undefined, (_node, index) => (index === 2 ? [true, 6] : undefined)],
    ['an index alone', 'paragraph', (_node, index) => (index === undefined ? undefined : index + 2)],
  ];
  it.each(cases)('visits the flagship deck like unist-util-visit: %s', (_name, test, result, reverse) => {
    const expected = calls(theirs, mdast(), test, result, reverse);
    expect(expected.length).toBeGreaterThan(10);
    expect(calls(ours, mdast(), test, result, reverse)).toEqual(expected);
  });

  it('visits a hast tree like unist-util-visit', () => {
    const hast = toHast(mdast(), { allowDangerousHtml: true });
    expect(calls(ours, hast, 'element', () => undefined)).toEqual(calls(theirs, hast, 'element', () => undefined));
  });

  it('follows the children a visitor replaces', () => {
    const spliced: Visitor = (node, index, parent) => {
      if (node.type !== 'heading' || !parent || index === undefined) return undefined;
      parent.children.splice(index, 1, { type: 'thematicBreak' }, { type: 'thematicBreak' });
      return index + 1;
    };
    const expected = calls(theirs, mdast(), undefined, spliced);
    expect(expected.filter((call) => call.startsWith('thematicBreak')).length).toBeGreaterThan(20);
    expect(calls(ours, mdast(), undefined, spliced)).toEqual(expected);
  });
});
