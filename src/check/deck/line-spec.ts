/** Rule `deck/line-spec`: a code block's `{1-2|4}` highlight spec that does not parse, in any language. */
import type { Root } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { fenceMeta } from '../../parse/fence-meta.ts';
import { addError, addWarning } from '../../report/messages.ts';
import { attributeColumn } from '../../snippet/fence-position.ts';

/** Reports each bad spec at its place on the fence line; the block is then shown without steps. */
export function checkLineSpecs(tree: Root, file: VFile): void {
  const source = String(file.value).split('\n');
  visit(tree, 'code', (node) => {
    for (const error of fenceMeta(node).errors) {
      if (!error.lineSpec) continue;
      const column = attributeColumn(node, source, error.offset, '{');
      (error.options ? addWarning : addError)(
        file,
        error.message,
        { line: node.position?.start.line ?? 1, column },
        'deck/line-spec',
        'Write line numbers and ranges separated by , and steps by |, e.g. {1-2|4|all}.',
      );
    }
  });
}
