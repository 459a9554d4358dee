/**
 * Slidev's slide splitting, line for line as `@slidev/parser` does it: a line starting with `---` ends a
 * slide outside code fences and HTML comments; `---` followed by a non-blank line opens that slide's
 * frontmatter, closed by the next `---` line. The first block is the deck's headmatter.
 */

/** One slide's lines, 0-based and end-exclusive like the parser's. */
export interface SlidevRawSlide {
  /** Line of the opening `---` of the frontmatter (or the first line of the slide). */
  start: number;
  contentStart: number;
  end: number;
  /** The frontmatter's YAML text, when the slide has a frontmatter. */
  frontmatter?: { text: string; line: number };
}

function advanceComment(line: string, inside: boolean): boolean {
  let state = inside;
  let rest = line;
  for (;;) {
    if (state) {
      const close = rest.indexOf('-->');
      if (close < 0) return true;
      rest = rest.slice(close + 3);
      state = false;
    } else {
      const open = rest.indexOf('<!--');
      if (open < 0) return false;
      rest = rest.slice(open + 4);
      state = true;
    }
  }
}

/** Splits Slidev markdown into raw slides. */
export function splitSlidev(lines: readonly string[]): SlidevRawSlide[] {
  const slides: SlidevRawSlide[] = [];
  let start = 0;
  let contentStart = 0;
  let frontmatter: SlidevRawSlide['frontmatter'];
  let inComment = false;
  const slice = (end: number) => {
    if (start === end) return;
    slides.push({ start, contentStart, end, ...(frontmatter ? { frontmatter } : {}) });
    start = end + 1;
    contentStart = end + 1;
    frontmatter = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trimEnd();
    if (inComment) {
      inComment = advanceComment(raw, true);
      continue;
    }
    if (line.startsWith('---')) {
      slice(i);
      const next = lines[i + 1];
      if (line[3] !== '-' && next?.trim()) {
        start = i;
        const first = i + 1;
        for (i += 1; i < lines.length; i++) if ((lines[i] ?? '').trimEnd() === '---') break;
        frontmatter = { text: lines.slice(first, i).join('\n'), line: first + 1 };
        contentStart = i + 1;
      }
    } else if (line.trimStart().startsWith('```')) {
      // The fence keeps its indentation, as in the parser: an indented fence (in a list item) is closed only by
      // a line with the same indentation, never by a later unindented fence.
      const fence = /^\s*`+/.exec(line)?.[0] ?? '```';
      let j = i + 1;
      for (; j < lines.length; j++) if ((lines[j] ?? '').startsWith(fence)) break;
      if (j !== lines.length) i = j;
    } else {
      inComment = advanceComment(raw, false);
    }
  }
  if (start <= lines.length - 1) slice(lines.length);
  return slides;
}
