/** Frontmatter schema, defaults and validation with positions in the markdown file. */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from './zod.ts';
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import {
  ASPECT_RATIOS,
  DIALECTS,
  SLIDE_NUMBER_FORMATS,
  TRANSITIONS,
  type DeckMeta,
  type DialectName,
} from '../model/deck.ts';
import { addError, addWarning } from '../report/messages.ts';
import { RUST_EDITIONS, type RustEdition } from './book-toml.ts';
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
  title: z.optional(z.string().check(z.minLength(1))),
  subtitle: z.optional(z.string()),
  author: z.optional(z.string()),
  date: z.optional(dateString),
  event: z.optional(z.string()),
  abstract: z.optional(z.string()),
  theme: z.optional(z.string()),
  slideLevel: z._default(z.int().check(z.minimum(0), z.maximum(6)), DEFAULT_SLIDE_LEVEL),
  transition: z._default(z.enum(TRANSITIONS), 'slide'),
  kind: z._default(z.enum(['deck', 'page']), 'deck'),
  titleSlide: z.optional(z.boolean()),
  from: z.optional(z.enum(DIALECTS)),
  dialect: z.optional(z.enum(DIALECTS)),
  slideNumbers: z.optional(z.union([z.boolean(), z.enum(SLIDE_NUMBER_FORMATS)])),
  header: z.optional(z.string()),
  footer: z.optional(z.string()),
  logo: z.optional(z.string()),
  aspectRatio: z.optional(z.enum(ASPECT_RATIOS)),
  background: z.optional(z.string()),
  incremental: z.optional(z.boolean()),
  /** Edition of the deck's Rust blocks without `editionNNNN` (`edition: 2018` or `"2018"`). */
  edition: z.optional(
    z.union([
      z.enum(RUST_EDITIONS),
      z.pipe(
        z.literal([2015, 2018, 2021, 2024]),
        z.transform((year: 2015 | 2018 | 2021 | 2024) => String(year) as RustEdition),
      ),
    ]),
  ),
});

/** How a dialect's frontmatter is read (see src/dialect/types.ts). */
interface FrontmatterDialect {
  name: DialectName;
  /** Maps the dialect's keys; absent for native proofdeck, whose unknown keys are errors. */
  mapFrontmatter?: (data: Record<string, unknown>) => {
    data: Record<string, unknown>;
    ignored: { key: string; reason: string }[];
  };
  /** Whether a frontmatter `title` makes a title slide in this dialect (pandoc: yes; reveal-md, Marp: no). */
  titleSlide?: boolean;
}

/** Options for {@link readFrontmatter}. */
export interface FrontmatterOptions {
  /** Theme used when the frontmatter names none (e.g. `--theme`). @default 'dark' */
  defaultTheme?: string;
  /** Theme forced over the frontmatter (`--theme` on the command line). */
  themeOverride?: string;
  /** Theme names that exist; a frontmatter theme outside this set is an error (a warning in other dialects). */
  knownThemes?: ReadonlySet<string>;
  /** The dialect the file is written in. @default native proofdeck */
  dialect?: FrontmatterDialect;
  /** Title when the frontmatter has none (the first heading); the file stem otherwise, never shown as a slide. */
  fallbackTitle?: string | undefined;
}

/** Validates the YAML frontmatter node and returns the deck metadata; problems become messages on `file`. */
export function readFrontmatter(
  node: Yaml | undefined,
  file: VFile,
  options: FrontmatterOptions = {},
): DeckMeta | undefined {
  const fallbackTitle = options.fallbackTitle ?? file.stem ?? 'Untitled';
  const dialect = options.dialect ?? { name: 'proofdeck' };
  if (!node) {
    return {
      ...toMeta(frontmatterSchema.parse({}), fallbackTitle, dialect.name, false),
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
  /** Offset of a key, `a.b.c` for nested ones (a dialect's `format.revealjs.chalkboard`). */
  const keyOffset = (key: string): number => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const segment of key.split('.')) {
      if (!isMap(node)) break;
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair || !isScalar(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    }
    return offset;
  };
  let raw: unknown;
  try {
    // `maxAliasCount` turns a billion-laughs alias bomb into an error instead of gigabytes of objects.
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    addError(
      file,
      `invalid YAML in frontmatter: ${(error as Error).message}`,
      { line: firstLine, column: 1 },
      'frontmatter/yaml',
      'Frontmatter may use at most 100 YAML alias expansions.',
    );
    return undefined;
  }
  let data: unknown = raw;
  const foreign = dialect.mapFrontmatter !== undefined;
  if (dialect.mapFrontmatter && raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const mapped = dialect.mapFrontmatter(raw as Record<string, unknown>);
    for (const { key, reason } of mapped.ignored) {
      addWarning(
        file,
        `${dialect.name} frontmatter key "${key}" is not supported: ${reason}`,
        at(keyOffset(key)),
        'dialect/unknown-key',
        'The deck builds without it; remove the key or use a proofdeck equivalent (see the README).',
      );
    }
    data = dropInvalid(mapped.data, (key, message) =>
      addWarning(
        file,
        `${dialect.name} frontmatter "${key}": ${message}; ignored`,
        at(keyOffset(key)),
        'dialect/unknown-key',
        'See the frontmatter table in the README for the values proofdeck accepts.',
      ),
    );
  }
  const parsed = frontmatterSchema.safeParse(data);
  if (parsed.success) {
    let theme = options.themeOverride ?? parsed.data.theme ?? options.defaultTheme ?? 'dark';
    if (foreign && !options.themeOverride && options.knownThemes && !options.knownThemes.has(theme)) {
      addWarning(
        file,
        `theme "${theme}" of ${dialect.name} is not available; the deck uses "${options.defaultTheme ?? 'dark'}"`,
        at(keyOffset('theme')),
        'dialect/unsupported',
        `Available themes: ${[...options.knownThemes].join(', ')} (folders under themes/).`,
      );
      theme = options.defaultTheme ?? 'dark';
    }
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
    const titleSlide = parsed.data.titleSlide ?? (parsed.data.title !== undefined && dialect.titleSlide !== false);
    return { ...toMeta(parsed.data, fallbackTitle, dialect.name, titleSlide), theme };
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

/** Keys whose value the schema refuses, dropped with a warning: a foreign deck still builds. */
function dropInvalid(
  data: Record<string, unknown>,
  warn: (key: string, message: string) => void,
): Record<string, unknown> {
  const parsed = frontmatterSchema.safeParse(data);
  if (parsed.success) return data;
  const kept = { ...data };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in kept)) continue;
    warn(key, issue.message);
    delete kept[key];
  }
  return kept;
}

/** Drops absent optional keys, which exactOptionalPropertyTypes keeps apart from `undefined`. */
function toMeta(
  value: z.infer<typeof frontmatterSchema>,
  fallbackTitle: string,
  dialect: DialectName,
  titleSlide: boolean,
): DeckMeta {
  const { from: _from, dialect: _dialect, ...rest } = value;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { ...defined, title: value.title ?? fallbackTitle, titleSlide, dialect } as unknown as DeckMeta;
}
