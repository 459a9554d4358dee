/** The words of a `deck/overflow` warning: what does not fit, and the fix that matches why. */
import type { RawFinding } from './measure-page.ts';

/** One warning, positioned in the deck's markdown. */
export interface FitWarning {
  line: number;
  column: number;
  message: string;
  help: string;
}

const NOUNS: Readonly<Record<string, string>> = {
  table: 'table',
  img: 'image',
  figure: 'figure',
  p: 'paragraph',
  ul: 'list',
  ol: 'list',
  li: 'list item',
  blockquote: 'quote',
  div: 'block',
  pre: 'code block',
};

/** How to make each kind of element narrower. */
const WIDE_HELP: Readonly<Record<string, string>> = {
  table: 'Use fewer or shorter columns, or move the table out of the columns.',
  img: 'Use a smaller image, or move it out of the columns.',
  p: 'Break the long word, or write a link with text instead of a bare URL.',
  li: 'Break the long word, or write a link with text instead of a bare URL.',
};

const noun = (tag: string): string => NOUNS[tag] ?? (/^h\d$/.test(tag) ? 'heading' : `<${tag}>`);

function words(finding: RawFinding, floor: number): Omit<FitWarning, 'line' | 'column'> {
  switch (finding.kind) {
    case 'code-wide': {
      const size = finding.fit ? `at the ${floor} px floor` : 'at its size (fit=false)';
      return {
        message:
          `line ${finding.line} of the code block is ${finding.chars} characters; ${size} only ${finding.fitChars} ` +
          'fit in its box, so it is cut off on the right',
        help: finding.fit
          ? `Wrap the line at ${finding.fitChars} characters, or give the block more room (outside the columns).`
          : `Wrap the line at ${finding.fitChars} characters, or remove fit=false so the block can shrink.`,
      };
    }
    case 'code-tall': {
      const size = finding.fit ? `even at the ${floor} px floor` : 'at its size (fit=false)';
      return {
        message:
          `the code block has ${finding.lines} lines; ${size} only ${finding.fitLines} show on this slide ` +
          `(it runs ${finding.over} px below the bottom)`,
        help: finding.fit
          ? 'Split the slide with --- (half of the code on each), or show fewer lines (hidden setup lines, a region).'
          : 'Remove fit=false so the block can shrink, split the slide with ---, or show fewer lines.',
      };
    }
    case 'wide':
      return {
        message:
          `the ${noun(finding.tag)} is ${finding.width} px wide in a ${finding.box} px box: ` +
          'it runs past the right edge',
        help: WIDE_HELP[finding.tag] ?? 'Make it narrower, or move it out of the columns.',
      };
    case 'tall':
      return {
        message:
          `slide content runs ${finding.over} px below the slide from this ${noun(finding.tag)} on: ` +
          'it is cut off on screen and in the PDF',
        help: 'Split the slide with ---, shorten it, or move prose into :::notes.',
      };
  }
}

/** The warning for a finding, at the element's source position (or its slide's first line). */
export function fitWarning(
  finding: RawFinding,
  positions: readonly { line: number; column: number }[],
  floor: number,
): FitWarning {
  const at = positions[finding.pos] ?? { line: Math.max(finding.slide, 1), column: 1 };
  return { ...at, ...words(finding, floor) };
}
