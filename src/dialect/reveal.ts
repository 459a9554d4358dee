/** reveal.js's markdown plugin and reveal-md: regex separators on the source, `Note:` notes, attribute comments. */
import { mapKeys, revealOptions, type KeyMapping } from './keys.ts';
import { revealAttributeComments } from './reveal-comments.ts';
import { splitBySeparators } from './split.ts';
import type { Dialect, DialectContext, MappedFrontmatter, SourceSlide } from './types.ts';

/** reveal.js 6 `plugin/markdown`: `DEFAULT_SLIDE_SEPARATOR`, no vertical separator, `DEFAULT_NOTES_SEPARATOR`. */
export const REVEAL_DEFAULTS = { separator: '\\r?\\n---\\r?\\n', verticalSeparator: undefined, notes: '^s*notes?:' };
/**
 * reveal-md's defaults (webpro/reveal-md lib/defaults.json; notes: reveal.js's): `---` and `----` on lines of
 * their own, `note:`.
 */
export const REVEAL_MD_DEFAULTS = {
  separator: '^(\\r\\n?|\\n)---(\\r\\n?|\\n)$',
  verticalSeparator: '^(\\r\\n?|\\n)----(\\r\\n?|\\n)$',
  notes: '^s*notes?:',
};

function stringOption(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * `pattern` when it compiles as a JavaScript regular expression (as reveal.js builds it); otherwise a
 * finding at the frontmatter key and undefined, so the default is used instead of a crash (exit 70).
 */
function validPattern(pattern: string | undefined, key: string, context: DialectContext): string | undefined {
  if (pattern === undefined) return undefined;
  try {
    new RegExp(pattern, 'mg');
    return pattern;
  } catch (error) {
    const lines = context.source.split('\n');
    const index = lines.findIndex((line) => new RegExp(`^\\s*${key}\\s*:`).test(line));
    context.report({
      line: index + 1 || 1,
      column: 1,
      message: `${key} is not a valid regular expression: ${(error as Error).message}`,
      hint: 'Write it as reveal.js expects (a JavaScript pattern); the default separator is used meanwhile.',
    });
    return undefined;
  }
}

/** Cuts each slide's notes at the first notes-separator match, only when there is exactly one (as slidify does). */
function withNotes(source: string, slide: SourceSlide, notes: RegExp): SourceSlide {
  const text = source.slice(slide.start, slide.end);
  const matches = [...text.matchAll(notes)];
  if (matches.length !== 1) return slide;
  const match = matches[0];
  if (match?.index === undefined) return slide;
  return {
    ...slide,
    end: slide.start + match.index,
    notes: { start: slide.start + match.index + match[0].length, end: slide.end },
  };
}

function splitter(defaults: typeof REVEAL_DEFAULTS | typeof REVEAL_MD_DEFAULTS) {
  return (source: string, bodyStart: number, context: DialectContext): SourceSlide[] => {
    const data = context.frontmatter;
    const option = (key: 'separator' | 'verticalSeparator' | 'notesSeparator') =>
      validPattern(stringOption(data, key), key, context);
    let separator: string = option('separator') ?? defaults.separator;
    let verticalSeparator = option('verticalSeparator') ?? defaults.verticalSeparator;
    if (!validPattern(separator + (verticalSeparator ? `|${verticalSeparator}` : ''), 'separator', context)) {
      separator = defaults.separator;
      verticalSeparator = defaults.verticalSeparator;
    }
    const notes = new RegExp(option('notesSeparator') ?? defaults.notes, 'mgi');
    // slidify runs on the text after a newline it prepends when the separator needs one; starting one
    // character early lets `\n---\n` match a separator on the first body line too.
    const start = bodyStart > 0 ? bodyStart - 1 : 0;
    const slides = splitBySeparators(source, start, { separator, verticalSeparator });
    const first = slides[0];
    if (first && first.start < bodyStart) first.start = bodyStart;
    return slides.map((slide) => withNotes(source, slide, notes));
  };
}

const TABLE: Record<string, KeyMapping> = {
  separator: () => 'consumed',
  verticalSeparator: () => 'consumed',
  notesSeparator: () => 'consumed',
  revealOptions: (value) => ({ __reveal: value }),
  highlightTheme: () => 'proofdeck highlights code with its theme’s own colours',
  css: (value) => ({ css: value }),
  scripts: () => 'extra scripts are not loaded',
  preprocessor: () => 'reveal-md preprocessors are not run',
};

function mapRevealFrontmatter(data: Record<string, unknown>): MappedFrontmatter {
  const top = mapKeys(data, TABLE);
  const { __reveal, ...rest } = top.data;
  if (__reveal === undefined) return top;
  const nested = revealOptions(__reveal, 'revealOptions.');
  return { data: { ...rest, ...nested.data }, ignored: [...top.ignored, ...nested.ignored] };
}

export const reveal: Dialect = {
  name: 'reveal',
  headingStacks: false,
  titleSlide: false,
  splitSource: splitter(REVEAL_DEFAULTS),
  mapFrontmatter: mapRevealFrontmatter,
  transformSlide: revealAttributeComments,
};

export const revealMd: Dialect = {
  name: 'reveal-md',
  headingStacks: false,
  titleSlide: false,
  splitSource: splitter(REVEAL_MD_DEFAULTS),
  mapFrontmatter: mapRevealFrontmatter,
  transformSlide: revealAttributeComments,
};
