/** Rule `deck/setext-heading`: a `---` right under a paragraph makes it a heading, not a slide break. */
import type { Root } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';

/** Options for {@link checkSetextHeadings}. */
export interface SetextOptions {
  /**
   * Setext headings are what the author meant (other dialects: pandoc, reveal-md and Marp read `Title\n===`
   * as a heading, and their slide separators are cut from the source first). @default false
   */
  allowTitles?: boolean;
}

/** Reports setext headings, which in a deck are almost always a slide break missing a blank line. */
export function checkSetextHeadings(tree: Root, file: VFile, options: SetextOptions = {}): void {
  if (options.allowTitles) return;
  const source = String(file.value);
  visit(tree, 'heading', (node) => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return;
    const lines = source.slice(start.offset, end.offset).split('\n');
    const underline = lines.at(-1) ?? '';
    if (lines.length < 2 || !/^ {0,3}(=+|-+)[ \t]*$/.test(underline)) return;
    const isDash = underline.trim().startsWith('-');
    addError(
      file,
      isDash
        ? 'this `---` turns the paragraph above it into a heading instead of starting a new slide'
        : 'setext heading (`===` underline): use `#` headings so the slide structure is visible',
      { line: end.line, column: 1 },
      'deck/setext-heading',
      isDash
        ? 'Put a blank line before `---` to start a new slide, or write the heading with `##`.'
        : 'Write the heading as `# Title`.',
    );
  });
}
