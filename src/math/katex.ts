/** TeX math (`$…$`, `$$…$$`) through KaTeX at build time: no script, no network, the same in deck, PDFs and site. */
import { createRequire } from 'node:module';
import type { ElementContent } from 'hast';
import type { fromHtml as FromHtml } from 'hast-util-from-html';
import type Katex from 'katex';
import type { InlineMath, Math } from 'mdast-util-math';

const require = createRequire(import.meta.url);
let loaded: { katex: typeof Katex; fromHtml: typeof FromHtml } | undefined;

/**
 * KaTeX and the HTML parser its markup goes through, loaded on the first formula (synchronously: require of an ES
 * module works from Node 22.12): most decks have no math, and what the CLI loads at start-up every build pays for.
 */
function load(): { katex: typeof Katex; fromHtml: typeof FromHtml } {
  loaded ??= {
    katex: require('katex') as typeof Katex,
    fromHtml: (require('hast-util-from-html') as { fromHtml: typeof FromHtml }).fromHtml,
  };
  return loaded;
}

// KaTeX's default `strict: 'warn'` prints LaTeX-compatibility notes (a CJK or unknown character in math)
// straight to the console, in the middle of the CLI's report; they render fine, so they are not reported.
const QUIET = { strict: 'ignore' } as const;

/** KaTeX markup for a math node; a TeX error (reported by the math/syntax rule) renders as its source. */
export function renderMath(node: Math | InlineMath): ElementContent[] {
  const { katex, fromHtml } = load();
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
    load().katex.renderToString(tex, { ...QUIET, displayMode, throwOnError: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
  }
}
