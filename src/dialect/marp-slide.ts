/** One Marp slide built from its nodes and the directives in effect on it. */
import type { List, RootContent } from 'mdast';
import { classList, cssUrl, type Directives, onlyComments } from './marp-directives.ts';
import { rewriteInline } from './marp-inline.ts';
import { isScopedStyle, scopedStyle } from './scoped-style.ts';
import { type MappedLine, mapLines, type NativeSlide, type Warn } from './translation.ts';

export interface Draft {
  line: number;
  nodes: RootContent[];
  /** Directives of comments in this slide, in order: `_x` spot, `x` inherited. */
  comments: { directives: Directives; line: number }[];
}

export function buildSlide(
  draft: Draft,
  local: Directives,
  lines: readonly string[],
  source: string,
  warn: Warn,
  isFirst: boolean,
): NativeSlide {
  const slide: NativeSlide = { line: draft.line, attributes: { classes: [] }, content: [], notes: [] };
  const classes = classList(local.class);
  if (classes.length > 0) {
    slide.attributes.classes = classes;
    // Marp's `lead` centres the slide, which is proofdeck's `.center`.
    if (slide.attributes.classes.includes('lead')) slide.attributes.classes.push('center');
  }
  if (typeof local.backgroundColor === 'string') slide.attributes.background = local.backgroundColor;
  if (typeof local.backgroundImage === 'string') {
    const url = cssUrl(local.backgroundImage);
    // Only a url() is an image; a CSS gradient has no proofdeck spelling.
    if (url !== local.backgroundImage) slide.attributes.backgroundImage = url;
    else
      warn(
        draft.comments[0]?.line ?? draft.line,
        1,
        `Marp backgroundImage "${local.backgroundImage}" is not a url() and is not applied`,
        'Use an image file, or backgroundColor for a plain colour.',
        'dialect/unsupported',
      );
  }
  if (typeof local.transition === 'string') slide.attributes.transition = local.transition;
  for (const { directives, line } of draft.comments) {
    for (const key of Object.keys(directives)) {
      const name = key.replace(/^_/, '');
      const perSlide = ['paginate', 'header', 'footer'].includes(name) && (!isFirst || key.startsWith('_'));
      if (perSlide)
        warn(
          line,
          1,
          `Marp directive "${key}" applies to the whole deck in proofdeck`,
          'proofdeck sets page numbers, header and footer for all slides.',
          'dialect/unsupported',
        );
      else if (['color', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize'].includes(name))
        warn(
          line,
          1,
          `Marp directive "${key}" has no proofdeck equivalent and is ignored`,
          'The slide still builds.',
          'dialect/unsupported',
        );
    }
  }
  const split: MappedLine[] = [];
  let splitSide: 'left' | 'right' | undefined;
  let splitSize: string | undefined;
  for (const node of draft.nodes) {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) continue;
    if (node.type === 'html' && /^\s*<style\b/i.test(node.value)) {
      // marpit turns <style> into theme CSS for the whole deck (or the slide, when scoped).
      const reach = isScopedStyle(node.value) ? 'slide' : 'deck';
      const style = scopedStyle(node.value, { reach, marp: true });
      if (style !== undefined) {
        slide.content.push(...mapLines(style, start.line), { text: '', source: end.line });
        continue;
      }
      warn(
        start.line,
        1,
        'a Marp <style> block is not applied',
        'Put styles in a proofdeck theme.',
        'dialect/unsupported',
      );
      continue;
    }
    if (node.type === 'html' && onlyComments(node.value)) {
      for (const note of onlyComments(node.value) ?? [])
        slide.notes.push(...mapLines(note.trim(), start.line), { text: '', source: start.line });
      continue;
    }
    if (node.type !== 'list' && node.type !== 'code') {
      const rewritten = rewriteInline(node, source, warn, slide, (image) => {
        splitSide ??= image.side;
        splitSize ??= image.size;
        split.push(...mapLines(image.markdown, image.line), { text: '', source: image.line });
      });
      if (rewritten.trim() !== '')
        slide.content.push(...mapLines(rewritten, start.line), { text: '', source: end.line });
      continue;
    }
    const body = lines.slice(start.line - 1, end.line).map((text, i) => ({ text, source: start.line + i }));
    if (node.type === 'list' && isFragmentedList(node, source)) {
      // marpit's fragmented lists: `*` bullets and `1)` numbers appear one item at a time.
      slide.content.push({ text: '::::incremental', source: start.line }, ...body, { text: '::::', source: end.line });
    } else slide.content.push(...body);
    slide.content.push({ text: '', source: end.line });
  }
  if (splitSide) slide.content = columns(splitSide, split, slide.content, draft.line, splitSize);
  return slide;
}

/** `{.split-background width="40%"}`: the image column fills its share of the slide, as in Marp. */
function attributes(image: boolean, width: string | undefined): string {
  const parts = [image ? '.split-background' : '', width ? `width="${width}"` : ''].filter(Boolean);
  return parts.length > 0 ? `{${parts.join(' ')}}` : '';
}

/** A list written with `*` bullets or `1)` numbers (marpit's fragmented list). */
function isFragmentedList(list: List, source: string): boolean {
  const offset = list.position?.start.offset;
  if (offset === undefined) return false;
  return list.ordered ? /^\d+\)/.test(source.slice(offset, offset + 12)) : source[offset] === '*';
}

/** A split background becomes two columns: the image on its side, the slide's content on the other. */
function columns(
  side: 'left' | 'right',
  image: MappedLine[],
  content: MappedLine[],
  line: number,
  size: string | undefined,
): MappedLine[] {
  const rest = size ? `${100 - Number.parseFloat(size)}%` : undefined;
  const column = (body: MappedLine[], width: string | undefined, image = false) => [
    { text: `::::column${attributes(image, width)}`, source: line },
    ...body,
    { text: '::::', source: line },
  ];
  const first = side === 'left' ? column(image, size, true) : column(content, rest);
  const second = side === 'left' ? column(content, rest) : column(image, size, true);
  return [{ text: ':::::columns', source: line }, ...first, ...second, { text: ':::::', source: line }];
}
