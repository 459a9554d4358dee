/** Rule `deck/unclosed-container`: a `:::name` container without its closing `:::` swallows the rest of the deck. */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';

/** Reports a `:::` line that closes nothing: usually nested containers written with the same number of colons. */
export function checkStrayFences(tree: Root, file: VFile): void {
  visit(tree, 'paragraph', (node) => {
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only?.type !== 'text' || !/^:{3,}\s*$/.test(only.value)) return;
    addError(
      file,
      `\`${only.value.trim()}\` closes no container and shows up as text on the slide`,
      node.position?.start,
      'deck/stray-fence',
      'Nested containers need more colons outside than inside, e.g. ::::column around :::incremental.',
    );
  });
}

/** Reports container directives whose last line is not a closing fence. */
export function checkUnclosedContainers(tree: Root, file: VFile): void {
  const lines = String(file.value).split('\n');
  visit(tree, 'containerDirective', (node) => {
    const { start, end } = node.position ?? {};
    if (!start || !end) return;
    const opening = /^\s*(:{3,})/.exec(lines[start.line - 1] ?? '');
    const fence = opening?.[1]?.length ?? 3;
    const closing = (lines[end.line - 1] ?? '').trim();
    const closed = end.line > start.line && /^:{3,}$/.test(closing) && closing.length >= fence;
    if (closed) return;
    addError(
      file,
      `container \`${':'.repeat(fence)}${node.name}\` is never closed, so it runs to the end of the file`,
      { line: start.line, column: start.column },
      'deck/unclosed-container',
      `Add a line \`${':'.repeat(fence)}\` where the ${node.name} block ends.`,
    );
  });
}
