/** Marp images (`![bg right:40%]`, `![w:600]`) and inline comments inside a block, rewritten for proofdeck. */
import type { Html, Image, RootContent } from 'mdast';
import { visit } from '../parse/visit.ts';
import { onlyComments, readDirectiveComment } from './marp-directives.ts';
import { readMarpImage } from './marp-image.ts';
import { mapLines, type NativeSlide, type Warn } from './translation.ts';

export interface SplitImage {
  side: 'left' | 'right';
  /** The image column's share of the slide width (`left:40%`). */
  size?: string;
  markdown: string;
  line: number;
}

/**
 * Rewrites a block's Marp images and inline comments (notes, as marpit collects them; `<!-- fit -->` is a
 * heading-fitting keyword); returns the block's remaining source text.
 */
export function rewriteInline(
  paragraph: RootContent,
  source: string,
  warn: Warn,
  slide: NativeSlide,
  onSplit: (image: SplitImage) => void,
): string {
  const start = paragraph.position?.start.offset ?? 0;
  const end = paragraph.position?.end.offset ?? start;
  const edits: { from: number; to: number; text: string }[] = [];
  visit(paragraph, 'html', (html: Html) => {
    const from = html.position?.start.offset;
    const to = html.position?.end.offset;
    const comments = onlyComments(html.value);
    if (from === undefined || to === undefined || !comments) return;
    edits.push({ from, to, text: '' });
    for (const comment of comments) {
      const at = html.position?.start ?? { line: 1, column: 1 };
      // `# <!-- fit --> Title`: marpit scales the heading to the slide width, as reveal.js's r-fit-text does.
      if (comment.trim() === 'fit' && paragraph.type === 'heading')
        edits.push({ from: end, to: end, text: ' {.r-fit-text}' });
      if (comment.trim() === 'fit' || comment.trim() === '') continue;
      if (readDirectiveComment(comment))
        warn(
          at.line,
          at.column,
          'a directive inside a paragraph is not applied',
          'Put it on a line of its own.',
          'dialect/unsupported',
        );
      else slide.notes.push(...mapLines(comment.trim(), at.line), { text: '', source: at.line });
    }
  });
  visit(paragraph, 'image', (image: Image) => {
    const from = image.position?.start.offset;
    const to = image.position?.end.offset;
    const at = image.position?.start ?? { line: 1, column: 1 };
    if (from === undefined || to === undefined) return;
    // The alt text from the source: the directive syntax would read `w:600` as text plus a directive.
    const alt = /^!\[([^\]]*)\]/.exec(source.slice(from, to))?.[1] ?? image.alt ?? '';
    const marp = readMarpImage(alt);
    const plain = `![${marp.alt}](${image.url}${image.title ? ` ${JSON.stringify(image.title)}` : ''})`;
    for (const filter of marp.filters)
      warn(
        at.line,
        at.column,
        `Marp image filter "${filter}" is not applied`,
        'The image is shown unfiltered.',
        'dialect/unsupported',
      );
    if (!marp.background) {
      // pandoc's image attributes, which native proofdeck reads too.
      const size = [marp.width ? `width=${marp.width}` : '', marp.height ? `height=${marp.height}` : ''].filter(
        Boolean,
      );
      edits.push({ from, to, text: size.length > 0 ? `${plain}{${size.join(' ')}}` : plain });
      return;
    }
    edits.push({ from, to, text: '' });
    if (marp.split) {
      if (marp.size && marp.size !== 'cover')
        warn(
          at.line,
          at.column,
          `background size "${marp.size}" is not applied`,
          'The image fills its column.',
          'dialect/unsupported',
        );
      const share = marp.split.size && /^\d+(\.\d+)?%$/.test(marp.split.size) ? marp.split.size : undefined;
      if (marp.split.size && !share)
        warn(
          at.line,
          at.column,
          `split size "${marp.split.size}" is not a percentage`,
          'The two columns share the slide equally.',
          'dialect/unsupported',
        );
      onSplit({ side: marp.split.side, markdown: plain, line: at.line, ...(share ? { size: share } : {}) });
      return;
    }
    if (slide.attributes.backgroundImage) {
      warn(
        at.line,
        at.column,
        'only the first Marp background image is shown',
        'Combine the images into one file.',
        'dialect/unsupported',
      );
      return;
    }
    // marp-core writes the size as the figure's CSS background-size (`fit` is `contain`); reveal.js takes it as is.
    if (marp.size && marp.size !== 'cover')
      slide.attributes.backgroundSize = marp.size === 'fit' ? 'contain' : marp.size;
    slide.attributes.backgroundImage = image.url;
  });
  let text = source.slice(start, end);
  for (const edit of edits.sort((a, b) => b.from - a.from))
    text = text.slice(0, edit.from - start) + edit.text + text.slice(edit.to - start);
  return text.split('\n').every((line) => line.trim() === '') ? '' : text;
}
