/** Lines of a program that remember where they came from in the markdown. */

/** One program line and its origin. */
export interface SourceLine {
  text: string;
  /** 1-based markdown line; 0 for generated lines (wrappers, headers). */
  line: number;
  /** 0-based markdown column where `text` starts. */
  column: number;
}

/** What a language's program builder produces from a block's lines. */
export interface BuiltProgram {
  /** Text for the slide (hidden lines removed). */
  displayed: string;
  /** The program handed to the compiler, line by line. */
  lines: SourceLine[];
  /** True when a `main` was generated around the block. */
  wrapped: boolean;
}

/** A generated line (no markdown origin). */
export function generated(text: string): SourceLine {
  return { text, line: 0, column: 0 };
}

/** Removes leading/trailing blank lines and the outer whitespace of the first and last line (Rust's `str::trim`). */
export function trimLines(lines: SourceLine[]): SourceLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start]?.text.trim() ?? '') === '') start++;
  while (end > start && (lines[end - 1]?.text.trim() ?? '') === '') end--;
  const kept = lines.slice(start, end).map((line) => ({ ...line }));
  const first = kept[0];
  if (first) {
    const trimmed = first.text.trimStart();
    first.column += first.text.length - trimmed.length;
    first.text = trimmed;
  }
  const last = kept[kept.length - 1];
  if (last) last.text = last.text.trimEnd();
  return kept;
}

/** Joins line texts with `\n`. */
export function joinLines(lines: readonly SourceLine[]): string {
  return lines.map((line) => line.text).join('\n');
}
