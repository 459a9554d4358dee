/**
 * Slidev: `---` separates slides, the last HTML comment of a slide is its notes.
 * A starting point: the dialect-marp branch owns per-slide frontmatter, layouts, slots and v-click.
 */
import { mapKeys } from './keys.ts';
import { splitBySeparators } from './split.ts';
import type { Dialect } from './types.ts';

export const slidev: Dialect = {
  name: 'slidev',
  headingStacks: false,
  titleSlide: false,
  notes: { htmlComments: 'last' },
  splitSource: (source, bodyStart) =>
    splitBySeparators(source, bodyStart > 0 ? bodyStart - 1 : 0, { separator: '^(?:\\r?\\n)?---[ \\t]*\\r?\\n' }).map(
      (slide, index) => (index === 0 ? { ...slide, start: Math.max(slide.start, bodyStart) } : slide),
    ),
  mapFrontmatter: (data) => mapKeys(data, {}),
};
