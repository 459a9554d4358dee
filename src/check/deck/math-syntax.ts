/** Rule `math/syntax`: TeX that KaTeX cannot typeset. */
import type { Root } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { mathError } from '../../math/katex.ts';
import { addError } from '../../report/messages.ts';

/** Reports each `$…$` or `$$…$$` whose TeX does not parse, at the math node, with KaTeX's reason. */
export function checkMathSyntax(tree: Root, file: VFile): void {
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
    const error = mathError(node.value, node.type === 'math');
    if (error === undefined) return;
    addError(
      file,
      `TeX does not typeset: ${error}`,
      node.position?.start,
      'math/syntax',
      'Fix the TeX; a literal dollar sign is written \\$.',
    );
  });
}
