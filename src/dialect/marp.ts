/**
 * Marp (marpit): `---` on its own line separates slides (never inside code fences), HTML comments are notes.
 * A starting point: the dialect-marp branch owns Marp's directives, `![bg]` images and key mapping.
 */
import { mapKeys } from './keys.ts';
import { splitBySeparators } from './split.ts';
import type { Dialect } from './types.ts';

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
        value === '16:9' || value === '4:3' ? { aspectRatio: value } : 'proofdeck renders 16:9 or 4:3 decks only',
    }),
};
