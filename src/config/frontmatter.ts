/** Frontmatter schema, defaults and validation with positions in the markdown file. */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from './zod.ts';
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { TRANSITIONS, type DeckMeta } from '../model/deck.ts';
import { addError } from '../report/messages.ts';
import { DEFAULT_SLIDE_LEVEL } from './defaults.ts';

const dateString = z.union([
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')),
  z.pipe(
    z.date(),
    z.transform((d: Date) => d.toISOString().slice(0, 10)),
  ),
]);

/** The frontmatter a deck (or site page) may carry. Unknown keys are rejected. */
const frontmatterSchema = z.strictObject({
  title: z.string().check(z.minLength(1)),
  subtitle: z.optional(z.string()),
  author: z.optional(z.string()),
  date: z.optional(dateString),
  event: z.optional(z.string()),
  abstract: z.optional(z.string()),
  theme: z.optional(z.string()),
  slideLevel: z._default(z.int().check(z.minimum(1), z.maximum(6)), DEFAULT_SLIDE_LEVEL),
  transition: z._default(z.enum(TRANSITIONS), 'slide'),
  kind: z._default(z.enum(['deck', 'page']), 'deck'),
});

/** Options for {@link readFrontmatter}. */
export interface FrontmatterOptions {
  /** Theme used when the frontmatter names none (e.g. `--theme`). @default 'dark' */
  defaultTheme?: string;
  /** Theme forced over the frontmatter (`--theme` on the command line). */
  themeOverride?: string;
  /** Theme names that exist; a frontmatter theme outside this set is an error. */
  knownThemes?: ReadonlySet<string>;
}

/** Validates the YAML frontmatter node and returns the deck metadata; problems become messages on `file`. */
export function readFrontmatter(
  node: Yaml | undefined,
  file: VFile,
  options: FrontmatterOptions = {},
): DeckMeta | undefined {
  const fallbackTitle = file.stem ?? 'Untitled';
  if (!node) {
    return {
      ...toMeta(frontmatterSchema.parse({ title: fallbackTitle })),
      theme: options.themeOverride ?? options.defaultTheme ?? 'dark',
    };
  }
  // Frontmatter content starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      addError(
        file,
        `invalid YAML in frontmatter: ${error.message.split('\n')[0]}`,
        at(error.pos[0]),
        'frontmatter/yaml',
        'Fix the YAML syntax between the --- lines.',
      );
    }
    return undefined;
  }
  const keyOffset = (key: string): number => {
    if (!isMap(doc.contents)) return 0;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range?.[0] ?? 0;
  };
  const data: unknown = doc.toJS() ?? {};
  const parsed = frontmatterSchema.safeParse(data);
  if (parsed.success) {
    const theme = options.themeOverride ?? parsed.data.theme ?? options.defaultTheme ?? 'dark';
    if (!options.themeOverride && options.knownThemes && !options.knownThemes.has(theme)) {
      addError(
        file,
        `unknown theme "${theme}"`,
        at(keyOffset('theme')),
        'frontmatter/unknown-theme',
        `Available themes: ${[...options.knownThemes].join(', ')} (folders under themes/).`,
      );
      return undefined;
    }
    return { ...toMeta(parsed.data), theme };
  }
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        addError(
          file,
          `unknown frontmatter key "${key}"`,
          at(keyOffset(key)),
          'frontmatter/unknown-key',
          `Known keys: ${Object.keys(frontmatterSchema.shape).join(', ')}.`,
        );
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    addError(
      file,
      `frontmatter "${key}": ${issue.message}`,
      at(keyOffset(key)),
      'frontmatter/invalid-value',
      'See the frontmatter table in the README.',
    );
  }
  return undefined;
}

/** Drops absent optional keys, which exactOptionalPropertyTypes keeps apart from `undefined`. */
function toMeta(value: z.infer<typeof frontmatterSchema>): DeckMeta {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as unknown as DeckMeta;
}
