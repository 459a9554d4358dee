/** TeX math (`$…$`, `$$…$$`) through KaTeX at build time: no script, no network, the same in deck, PDFs and site. */
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import katex from 'katex';
import type { InlineMath, Math } from 'mdast-util-math';

// KaTeX's default `strict: 'warn'` prints LaTeX-compatibility notes (a CJK or unknown character in math)
// straight to the console, in the middle of the CLI's report; they render fine, so they are not reported.
const QUIET = { strict: 'ignore' } as const;

/** KaTeX markup for a math node; a TeX error (reported by the math/syntax rule) renders as its source. */
export function renderMath(node: Math | InlineMath): ElementContent[] {
  const displayMode = node.type === 'math';
  const html = katex.renderToString(node.value, {
    ...QUIET,
    displayMode,
    throwOnError: false,
    output: 'htmlAndMathml',
  });
  const children = fromHtml(html, { fragment: true }).children as ElementContent[];
  if (!displayMode) return children;
  // A block of math is its own paragraph-level box, centred like a figure.
  return [{ type: 'element', tagName: 'div', properties: { className: ['math-display'] }, children }];
}

/** The TeX error KaTeX reports for `tex`, or undefined when it renders. */
export function mathError(tex: string, displayMode: boolean): string | undefined {
  try {
    katex.renderToString(tex, { ...QUIET, displayMode, throwOnError: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
  }
}
