/** Source-level slide splitting by separator regexes, as reveal.js's markdown plugin `slidify` does it. */
import type { SourceSlide } from './types.ts';

const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Offset ranges of fenced code blocks (fence lines included), for separators that must not split them. */
export function codeFenceRanges(source: string, from = 0): [number, number][] {
  const ranges: [number, number][] = [];
  let open: { start: number; fence: string } | undefined;
  let start = from;
  while (start < source.length) {
    const end = source.indexOf('\n', start);
    const stop = end === -1 ? source.length : end + 1;
    const text = source.slice(start, stop).replace(/\r?\n$/, '');
    const code = CODE_FENCE.exec(text);
    if (open) {
      const marker = code?.[1];
      if (
        marker &&
        marker[0] === open.fence[0] &&
        marker.length >= open.fence.length &&
        !/\S/.test(text.slice(code[0].length))
      ) {
        ranges.push([open.start, stop]);
        open = undefined;
      }
    } else if (code?.[1]) {
      open = { start, fence: code[1] };
    }
    start = stop;
  }
  if (open) ranges.push([open.start, source.length]);
  return ranges;
}

/** Options for {@link splitBySeparators}. */
export interface SeparatorOptions {
  /** Horizontal separator, a regex source as reveal.js takes it (flags `mg`). */
  separator: string;
  /** Vertical separator; `undefined` means none (reveal.js's default). */
  verticalSeparator?: string | undefined;
  /**
   * Separators inside fenced code are ignored. reveal.js 6's `slidify` does split there (a `---` line in a
   * YAML code block cuts the slide); proofdeck does not, on purpose: a code block is never cut.
   */
  respectCodeFences?: boolean;
}

/**
 * reveal.js's `slidify` loop on offsets: every match of `separator|verticalSeparator` ends a slide; a
 * vertical match after a horizontal one opens a stack. Returns the slides' source ranges.
 */
export function splitBySeparators(source: string, bodyStart: number, options: SeparatorOptions): SourceSlide[] {
  const vertical = options.verticalSeparator;
  const any = new RegExp(options.separator + (vertical ? `|${vertical}` : ''), 'mg');
  const horizontal = new RegExp(options.separator);
  const fences = options.respectCodeFences === false ? [] : codeFenceRanges(source, bodyStart);
  const inFence = (offset: number) => fences.some(([a, b]) => offset >= a && offset < b);
  const slides: SourceSlide[] = [];
  let last = bodyStart;
  let nextHorizontal = true;
  any.lastIndex = bodyStart;
  for (let match = any.exec(source); match; match = any.exec(source)) {
    if (match[0].length === 0) {
      any.lastIndex++;
      continue;
    }
    // A match starts with the newline before the separator line: the separator itself is what must be outside code.
    const lineStart = match.index + (/^\r?\n/.exec(match[0])?.[0].length ?? 0);
    if (inFence(lineStart)) continue;
    slides.push({ start: last, end: match.index, horizontal: nextHorizontal });
    nextHorizontal = horizontal.test(match[0]);
    last = any.lastIndex;
  }
  slides.push({ start: last, end: source.length, horizontal: nextHorizontal });
  return slides;
}
