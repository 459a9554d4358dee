/** Native proofdeck markdown: heading/`---` slides, `:::` directives, and pandoc's div spellings accepted too. */
import { implicitFigures } from './figures.ts';
import { pandocDivEdits } from './fences.ts';
import { pandocCodeBlocks } from './pandoc-code.ts';
import { pandocInlineSyntax, pandocPauses, unwrapStretchedImages } from './pandoc-syntax.ts';
import type { Dialect } from './types.ts';

export const proofdeck: Dialect = {
  name: 'proofdeck',
  // The README promises pandoc's `::: notes` and `::: {.column}`. A deck that spells its divs pandoc's way
  // nests them pandoc's way (bare `:::` closes the innermost); `:::name` decks keep their colon counts.
  rewrite: (source, _context) =>
    pandocDivEdits(source, 0, { renest: pandocDivEdits(source, 0, { renest: false }).length > 0 }),
  transformTree: (nodes, context) => {
    pandocInlineSyntax(nodes, context.source);
    // ```` ```{.rust} ```` and ```` ```{=html} ```` too, so a block written for pandoc is read the same here.
    pandocCodeBlocks(nodes, context);
    implicitFigures(nodes, context.source);
  },
  transformSlide: (slide) => {
    pandocPauses(slide);
    unwrapStretchedImages(slide);
  },
};
