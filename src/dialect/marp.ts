/**
 * Marp (marpit): `---` on its own line separates slides (never inside code fences), HTML comments are notes.
 * A starting point: the dialect-marp branch owns Marp's directives, `![bg]` images and key mapping.
 */
import { mapKeys } from './keys.ts';
import { splitBySeparators } from './split.ts';
import type { Dialect } from './types.ts';
import { ASPECT_RATIOS, isAspectRatio } from '../model/deck.ts';

export const marp: Dialect = {
  name: 'marp',
  headingStacks: false,
  titleSlide: false,
  notes: { htmlComments: 'all' },
  splitSource: (source, bodyStart) =>
    splitBySeparators(source, bodyStart > 0 ? bodyStart - 1 : 0, { separator: '^(?:\\r?\\n)?---[ \\t]*\\r?\\n' }).map(
      (slide, index) => (index === 0 ? { ...slide, start: Math.max(slide.start, bodyStart) } : slide),
    ),
  mapFrontmatter: (data) =>
    mapKeys(data, {
      marp: () => 'consumed',
      paginate: (value) => ({ slideNumbers: value === true }),
      size: (value) =>
        isAspectRatio(value) ? { aspectRatio: value } : `proofdeck renders ${ASPECT_RATIOS.join(', ')} decks only`,
    }),
};
