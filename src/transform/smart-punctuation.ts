/**
 * Smart punctuation as pandoc's `smart` extension writes it: "quotes" → “curly”, `--` → en dash, `---` → em dash,
 * `...` → ellipsis, in text only (code, inline code, URLs and raw HTML keep their characters). remark-smartypants
 * does the work; `dashes: 'oldschool'` is pandoc's dash rule (its default would make `--` an em dash).
 */
import type { Root, RootContent, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
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

type Smarten = (tree: Root) => void;
const plugin = remarkSmartypants as unknown as (options: object) => Smarten;
const SMARTEN: Record<Exclude<SmartPunctuation, 'off'>, Smarten> = {
  full: plugin({ dashes: 'oldschool', backticks: false }),
  typographer: (tree) =>
    visit(tree, 'text', (node) => {
      node.value = typographer(node.value);
    }),
};

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
  SMARTEN[mode](root);
  try {
    return render();
  } finally {
    for (const [node, value] of written) node.value = value;
  }
}
