/** Rule `deck/heading-skip`: a heading deeper than the previous one by more than a level. */
import type { Root } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { addWarning } from '../../report/messages.ts';

/** Reports headings that skip a level (# then ###), which breaks outlines and the site's table of contents. */
export function checkHeadingSkips(tree: Root, file: VFile): void {
  let previous = 0;
  visit(tree, 'heading', (node) => {
    if (previous > 0 && node.depth > previous + 1) {
      addWarning(
        file,
        `heading level ${node.depth} follows level ${previous}: level ${previous + 1} is skipped`,
        node.position?.start,
        'deck/heading-skip',
        `Use ${'#'.repeat(previous + 1)} here, or add the missing level above.`,
      );
    }
    previous = node.depth;
  });
}
