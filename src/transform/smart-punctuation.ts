/**
 * Smart punctuation as pandoc's `smart` extension writes it: "quotes" → “curly”, `--` → en dash, `---` → em dash,
 * `...` → ellipsis, in text only (code, inline code, URLs and raw HTML keep their characters). remark-smartypants
 * does the work; `dashes: 'oldschool'` is pandoc's dash rule (its default would make `--` an em dash).
 */
import type { Root, RootContent, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { visit } from 'unist-util-visit';

const smarten = (remarkSmartypants as unknown as (options: object) => (tree: Root) => void)({
  dashes: 'oldschool',
  backticks: false,
});

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
