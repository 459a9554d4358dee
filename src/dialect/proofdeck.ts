/** Native proofdeck markdown: heading/`---` slides, `:::` directives, and pandoc's div spellings accepted too. */
import { pandocDivEdits } from './fences.ts';
import { pandocInlineSyntax, pandocPauses } from './pandoc-syntax.ts';
import type { Dialect } from './types.ts';

export const proofdeck: Dialect = {
  name: 'proofdeck',
  // The README promises pandoc's `::: notes` and `::: {.column}`; native colon counts stay as written.
  rewrite: (source, _context) => pandocDivEdits(source, 0, { renest: false }),
  transformTree: (nodes) => pandocInlineSyntax(nodes),
  transformSlide: (slide) => pandocPauses(slide),
};
