/**
 * `unist-util-visit`'s `visit` (same order, arguments and visitor results), without its cost: the library
 * renames a fresh closure with `Object.defineProperty` for every node it passes (a debugging aid), which made a
 * walk of the flagship deck's tree ~60× slower than a plain recursion. The checks and parser passes walk the
 * whole deck a few dozen times per load, so in `proofdeck dev` that was most of an edit's time.
 * Tests are node types only (the only kind this code base uses); `{ enter, exit }` visitors are not supported.
 */
import type { Node, Parent } from 'unist';
import { type BuildVisitor, EXIT, SKIP, type VisitorResult } from 'unist-util-visit';

export { EXIT, SKIP };

type Visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => VisitorResult;

/** A visitor's result as `[action, next index]`. */
type Step = readonly [action?: boolean | 'skip', index?: number];

const NOTHING: Step = [];

interface Walk {
  type: string | undefined;
  visitor: Visitor;
  step: 1 | -1;
}

/** Visits every node of `tree` of type `test`, depth-first, in preorder (reverse preorder with `reverse`). */
export function visit<Tree extends Node, Check extends string>(
  tree: Tree,
  test: Check,
  visitor: BuildVisitor<Tree, Check>,
  reverse?: boolean,
): undefined;
/** Visits every node of `tree`, depth-first, in preorder (reverse preorder with `reverse`). */
export function visit<Tree extends Node>(tree: Tree, visitor: BuildVisitor<Tree>, reverse?: boolean): undefined;
export function visit(
  tree: Node,
  testOrVisitor: string | Visitor,
  visitorOrReverse?: Visitor | boolean,
  maybeReverse?: boolean,
): undefined {
  const tested = typeof testOrVisitor === 'string';
  const visitor = tested ? visitorOrReverse : testOrVisitor;
  if (typeof visitor !== 'function') throw new Error('visit: expected a visitor function');
  const reverse = tested ? maybeReverse : visitorOrReverse;
  walk(tree, undefined, undefined, { type: tested ? testOrVisitor : undefined, visitor, step: reverse ? -1 : 1 });
  return undefined;
}

function walk(node: Node, index: number | undefined, parent: Parent | undefined, options: Walk): Step {
  const result =
    options.type === undefined || node.type === options.type ? toStep(options.visitor(node, index, parent)) : NOTHING;
  if (result[0] === EXIT) return result;
  const { children } = node as Partial<Parent>;
  // Read after the visitor ran: it may have replaced or spliced the children, as the library allows.
  if (children && result[0] !== SKIP) {
    let offset = options.step === 1 ? 0 : children.length - 1;
    while (offset > -1 && offset < children.length) {
      const child = children[offset] as Node;
      const next = walk(child, offset, node as Parent, options);
      if (next[0] === EXIT) return next;
      offset = typeof next[1] === 'number' ? next[1] : offset + options.step;
    }
  }
  return result;
}

function toStep(value: VisitorResult): Step {
  if (Array.isArray(value)) return value as Step;
  if (typeof value === 'number') return [true, value];
  return value === null || value === undefined ? NOTHING : [value as boolean | 'skip'];
}
