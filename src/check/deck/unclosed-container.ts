/** Rule `deck/unclosed-container`: a `:::name` container without its closing `:::` swallows the rest of the deck. */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { EXIT, visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';
import { DEFAULT_SLIDE_LEVEL } from '../../config/defaults.ts';
import { calloutKind } from '../../model/deck.ts';

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

/**
 * What a container swallowed when its own `:::` is missing: the next container's closing fence then
 * closes it, so it ends up holding a slide break, a slide heading or another slide's notes.
 */
function swallowed(node: ContainerDirective, slideLevel: number): string | undefined {
  let found: string | undefined;
  // A callout's first heading is its title (Quarto), not the next slide's heading.
  const first = node.children[0];
  const title = calloutKind(node.name) && first?.type === 'heading' ? first : undefined;
  visit(node, (child) => {
    if (found || child === node) return found ? EXIT : undefined;
    if (child.type === 'heading' && child.depth <= slideLevel && child !== title)
      found = `the heading "${toString(child)}"`;
    else if (child.type === 'thematicBreak') found = 'a `---` slide break';
    else if (child.type === 'containerDirective' && child.name === 'notes' && node.name !== 'notes')
      found = 'a `:::notes` block';
    return found ? EXIT : undefined;
  });
  return found;
}

/** Reports containers that are never closed, or whose missing `:::` lets them swallow the next slide's content. */
export function checkUnclosedContainers(tree: Root, file: VFile, options: { slideLevel?: number } = {}): void {
  const lines = String(file.value).split('\n');
  visit(tree, 'containerDirective', (node) => {
    const { start, end } = node.position ?? {};
    if (!start || !end) return;
    const opening = /^\s*(:{3,})/.exec(lines[start.line - 1] ?? '');
    const fence = opening?.[1]?.length ?? 3;
    const closing = (lines[end.line - 1] ?? '').trim();
    const closed = end.line > start.line && /^:{3,}$/.test(closing) && closing.length >= fence;
    const inside = closed ? swallowed(node, options.slideLevel ?? DEFAULT_SLIDE_LEVEL) : undefined;
    if (closed && !inside) return;
    if (inside) {
      addError(
        file,
        `container \`${':'.repeat(fence)}${node.name}\` holds ${inside}: its closing \`:::\` is probably missing`,
        { line: start.line, column: start.column },
        'deck/unclosed-container',
        `Close ${node.name} with \`${':'.repeat(fence)}\` before the next slide; nested containers need more ` +
          `colons outside.`,
      );
      return;
    }
    addError(
      file,
      `container \`${':'.repeat(fence)}${node.name}\` is never closed, so it runs to the end of the file`,
      { line: start.line, column: start.column },
      'deck/unclosed-container',
      `Add a line \`${':'.repeat(fence)}\` where the ${node.name} block ends.`,
    );
  });
}
