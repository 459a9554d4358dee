/**
 * Smart punctuation as pandoc's `smart` extension writes it: "quotes" → “curly”, `--` → en dash, `---` → em dash,
 * `...` → ellipsis, in text only (code, inline code, URLs and raw HTML keep their characters).
 *
 * The algorithm is remark-smartypants' (quotes over the whole text at once, so a quote sees its neighbours across
 * emphasis and links; dashes and ellipses per text node), with retext-smartypants doing the work and
 * `dashes: 'oldschool'` as pandoc's dash rule. What differs is speed: retext parses each string into a syntax tree,
 * which made smartening most of a cached build's time, so a string is only parsed when it holds characters a rule
 * can change. Skipping is exact, not a heuristic: parsing and printing back a string that no rule touches gives the
 * string itself (test/transform/smart-punctuation.test.ts checks it against remark-smartypants on random text).
 */
import type { Root, RootContent, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';

/** Quotes only: they change no string's length, so the text can be cut back into its nodes afterwards. */
const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
/** Dashes and ellipses, per text node (they change lengths). */
const dashes = retext().use(retextSmartypants, { quotes: false, dashes: 'oldschool', backticks: false });

/** A quote rule can fire only on `"` or `'`. */
const QUOTE = /["']/;
/**
 * The dash rules fire on `--`, `---` and `–-`; the ellipsis rules on three dots, together or apart with only white
 * space (parse-latin's, a subset of `\s` plus U+0085) between them: each needs two dots with only white space between.
 */
const DASH_OR_ELLIPSIS = /--|\u2013-|\.[\s\u0085]*\./;

/** Nodes remark-smartypants reads: text and inline code (as placeholders), and the blocks that separate them. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function literal(node: Node): node is Node & { value: string } {
  return 'value' in node && typeof node.value === 'string';
}

function visited(node: Node, parent: Node | undefined): boolean {
  if (!parent) return false;
  if (parent.type === 'mdxJsxTextElement') {
    const name = (parent as Node & { name?: unknown }).name;
    if (typeof name !== 'string' || name === 'style' || name === 'script') return false;
  }
  if (node.type === 'text' || node.type === 'inlineCode') return literal(node);
  return BLOCKS.has(node.type);
}

function smarten(tree: Root): void {
  let all = '';
  const nodes: Node[] = [];
  visit(tree, (node, _index, parent) => {
    if (!visited(node, parent)) return;
    // Inline code takes part as letters, so a quote next to it is read as next to a word.
    if (literal(node)) all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
    else all += ' ';
    nodes.push(node);
  });
  if (QUOTE.test(all)) all = quotes.processSync(all).toString();
  let start = 0;
  for (const node of nodes) {
    if (!literal(node)) {
      start += 1;
      continue;
    }
    const end = start + node.value.length;
    if (node.type === 'text') {
      const text = all.slice(start, end);
      node.value = DASH_OR_ELLIPSIS.test(text) ? dashes.processSync(text).toString() : text;
    }
    start = end;
  }
}

/**
 * Runs `render` while the text of `nodes` is smartened, then puts every text back: ids, anchors, table values and
 * diagnostics are computed from the text as written, and must not see a curly quote that the source lacks.
 */
export function withSmartPunctuation<T>(nodes: readonly RootContent[], render: () => T): T {
  const root: Root = { type: 'root', children: [...nodes] };
  const written = new Map<Text, string>();
  visit(root, 'text', (node) => {
    written.set(node, node.value);
  });
  smarten(root);
  try {
    return render();
  } finally {
    for (const [node, value] of written) node.value = value;
  }
}
