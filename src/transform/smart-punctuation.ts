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
import { visit } from '../parse/visit.ts';
import type { DialectName } from '../model/deck.ts';
import { typographer } from './typographer.ts';

/**
 * `full`: pandoc's quotes, dashes and ellipses; `typographer`: markdown-it's replacements and apostrophes with straight
 * quotation marks (Slidev); `off`: text as typed.
 */
export type SmartPunctuation = 'full' | 'typographer' | 'off';

/**
 * What each dialect's own tool does to text, so a deck looks as it did there: pandoc (and Quarto) are smart; Slidev's
 * markdown-it runs `typographer` with straight `quotes`; Marp (typographer off) and reveal.js / reveal-md (marked,
 * whose smartypants was removed in marked 5) keep the text as typed. Native decks follow pandoc.
 */
const DIALECT_DEFAULT: Record<DialectName, SmartPunctuation> = {
  proofdeck: 'full',
  pandoc: 'full',
  slidev: 'typographer',
  marp: 'off',
  reveal: 'off',
  'reveal-md': 'off',
};

/** The frontmatter's `smartypants` when set (`true`: full), else the deck dialect's own behaviour. */
export function smartPunctuationFor(dialect: DialectName, smartypants: boolean | undefined): SmartPunctuation {
  if (smartypants === undefined) return DIALECT_DEFAULT[dialect];
  return smartypants ? 'full' : 'off';
}

/** Dashes and ellipses, per text node (they change lengths). */
const dashes = retext().use(retextSmartypants, { quotes: false, dashes: 'oldschool', backticks: false });
/** Quotes only (they change no string's length): parse-latin's tree, walked by {@link curl}. */
const latin = retext();

/** A node of parse-latin's tree (nlcst). */
interface Natural {
  type: string;
  value?: string;
  children?: Natural[];
}

const OPEN = ['\u201c', '\u2018'] as const;
const CLOSE = ['\u201d', '\u2019'] as const;
const mark = (node: Natural | undefined) => node?.type === 'PunctuationNode' || node?.type === 'SymbolNode';
const textOf = (node: Natural): string => node.value ?? (node.children ?? []).map(textOf).join('');

/**
 * retext-smartypants' quote rule for the quote at `index` of `siblings` (its `quotesDefault`, case by case and in
 * its order); run directly on the tree instead of through unist-util-visit, which cost more than the parse.
 */
function curlAt(siblings: Natural[], index: number): void {
  const node = siblings[index];
  const value = node?.value;
  if (!node || (value !== '"' && value !== "'")) return;
  const quote = value === '"' ? 0 : 1;
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const nextNext = siblings[index + 2];
  const nextValue = next ? textOf(next) : '';
  if (next && mark(next) && nextNext?.type !== 'WordNode') node.value = CLOSE[quote];
  else if (next && mark(next) && (nextValue === '"' || nextValue === "'") && nextNext?.type === 'WordNode') {
    // Nested quotes: `"'Quoted' words"`.
    node.value = OPEN[quote];
    next.value = OPEN[nextValue === '"' ? 0 : 1];
  } else if (next && /^\d\ds$/.test(nextValue)) node.value = CLOSE[quote];
  else if (previous && (previous.type === 'WhiteSpaceNode' || mark(previous)) && next?.type === 'WordNode')
    node.value = OPEN[quote];
  else if (previous && previous.type !== 'WhiteSpaceNode' && !mark(previous)) node.value = CLOSE[quote];
  else if (!next || next.type === 'WhiteSpaceNode' || (value === "'" && nextValue === 's')) node.value = CLOSE[quote];
  else node.value = OPEN[quote];
}

/** Every quote of the tree, in document order (a nested quote's partner is already curled when reached). */
function curl(node: Natural): void {
  const children = node.children ?? [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child && mark(child)) curlAt(children, index);
    else if (child?.children) curl(child);
  }
}

/** Quote passes of an earlier build, by text (see {@link reuseCurled}): parsing is most of smartening. */
let earlier = new Map<string, string>();
/** This build's quote passes, by text: what the next build may reuse. */
let current = new Map<string, string>();
/** A process that renders without ever starting a build (a library caller) keeps at most this many. */
const MAX_CURRENT = 20_000;

/**
 * Starts a build that may reuse `texts` (an earlier build's {@link curledTexts}, from the cache): a text's curled
 * quotes are a pure function of it and of this module's code.
 */
export function reuseCurled(texts: ReadonlyMap<string, string>): void {
  earlier = new Map(texts);
  current = new Map();
}

/** What a curled text depends on besides the text: this code (parse-latin's is named by the installed packages). */
export const curlCode = (): string => [curlAt, curl, textOf].map(String).join('\n');

/** The texts curled since {@link reuseCurled}, with their result. */
export function curledTexts(): ReadonlyMap<string, string> {
  return current;
}

function curlQuotes(text: string): string {
  let result = current.get(text) ?? earlier.get(text);
  if (result === undefined) {
    const tree = latin.parse(text) as Natural;
    curl(tree);
    result = textOf(tree);
  }
  if (current.size >= MAX_CURRENT) current.clear();
  current.set(text, result);
  return result;
}

/** A quote rule can fire only on `"` or `'`. */
const QUOTE = /["']/;
/**
 * The dash rules fire on `--`, `---` and `–-`; the ellipsis rules on three dots, together or apart with only white
 * space (parse-latin's, a subset of `\s` plus U+0085) between them: each needs two dots with only white space between.
 */
const DASH_OR_ELLIPSIS = /--|\u2013-|\.[\s\u0085]*\./;

/**
 * Dashes and ellipses of one text. retext-smartypants 6.2 prints a leftover debug line (`drop {…}`) with
 * `console.log` whenever it merges `–-` into one dash: that would land in the middle of the CLI's output (a JSON
 * report on stdout), so the call runs with `console.log` silenced. It is synchronous: nothing else logs meanwhile.
 */
function smartDashes(text: string): string {
  const log = console.log;
  console.log = () => undefined;
  try {
    return dashes.processSync(text).toString();
  } finally {
    console.log = log;
  }
}

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
  if (QUOTE.test(all)) all = curlQuotes(all);
  let start = 0;
  for (const node of nodes) {
    if (!literal(node)) {
      start += 1;
      continue;
    }
    const end = start + node.value.length;
    if (node.type === 'text') {
      const text = all.slice(start, end);
      node.value = DASH_OR_ELLIPSIS.test(text) ? smartDashes(text) : text;
    }
    start = end;
  }
}

/**
 * Runs `render` while the text of `nodes` is smartened, then puts every text back: ids, anchors, table values and
 * diagnostics are computed from the text as written, and must not see a curly quote that the source lacks.
 */
export function withSmartPunctuation<T>(
  nodes: readonly RootContent[],
  mode: Exclude<SmartPunctuation, 'off'>,
  render: () => T,
): T {
  const root: Root = { type: 'root', children: [...nodes] };
  const written = new Map<Text, string>();
  visit(root, 'text', (node) => {
    written.set(node, node.value);
  });
  if (mode === 'full') smarten(root);
  else for (const node of written.keys()) node.value = typographer(node.value);
  try {
    return render();
  } finally {
    for (const [node, value] of written) node.value = value;
  }
}
