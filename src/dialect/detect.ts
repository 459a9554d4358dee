/** Which dialect a file is written in: `--from`, then frontmatter `from:`/`dialect:`, then what the source says. */
import { parse as parseYaml } from 'yaml';
import { isMarpOnlyKey } from './marp-directives.ts';
import { hasTitleBlock } from './pandoc-title.ts';
import { codeFenceRanges } from './split.ts';
import { DIALECTS, type DialectName } from './types.ts';

/** Slidev headmatter keys no other dialect uses (sli.dev/custom/#headmatter). */
const SLIDEV_KEYS = [
  'layout',
  'highlighter',
  'drawings',
  'colorSchema',
  'routerMode',
  'canvasWidth',
  'addons',
  'mdc',
  'monaco',
  'download',
  'exportFilename',
  'htmlAttrs',
  'themeConfig',
  'seoMeta',
  'hideInToc',
];
/** reveal-md's frontmatter keys (webpro/reveal-md README). */
const REVEAL_MD_KEYS = ['separator', 'verticalSeparator', 'revealOptions', 'highlightTheme', 'preprocessor'];

/** The frontmatter block at the very start of a file, as remark-frontmatter finds it. */
export function frontmatterRange(source: string): { end: number; yaml: string } | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? { end: match[0].length, yaml: match[1] ?? '' } : undefined;
}

/** The frontmatter as data; `{}` when absent or not a YAML mapping (readFrontmatter reports YAML errors). */
export function frontmatterData(source: string): Record<string, unknown> {
  const range = frontmatterRange(source);
  if (!range) return {};
  try {
    const data: unknown = parseYaml(range.yaml);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A dialect name as written (`revealjs`, `quarto` accepted as aliases), or `undefined`. */
function dialectNamed(value: unknown): DialectName | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().toLowerCase();
  const alias: Record<string, DialectName> = { revealjs: 'reveal', 'reveal.js': 'reveal', quarto: 'pandoc' };
  return alias[name] ?? ((DIALECTS as readonly string[]).find((known) => known === name) as DialectName | undefined);
}

function isRevealFormat(format: unknown): boolean {
  if (typeof format === 'string') return format === 'revealjs';
  return !!format && typeof format === 'object' && 'revealjs' in format;
}

/** Options for {@link detectDialect}. */
export interface DetectOptions {
  /** `--from` on the command line: wins over everything. */
  from?: DialectName | undefined;
  /** The project's configured default, used when the file says nothing. @default 'proofdeck' */
  fallback?: DialectName | undefined;
  /** The file's text, for conventions only one dialect has (reveal.js attribute comments, `----` stacks). */
  source?: string;
}

/** reveal.js's `<!-- .slide: -->`/`<!-- .element: -->` comments, or reveal-md's `----` line between blank lines. */
const REVEAL_MD_SOURCE = /<!--\s*\.(?:slide|element):|(?:^|\n)[ \t]*\r?\n----[ \t]*\r?\n[ \t]*\r?\n/;

/** Marp's directive comments (`<!-- _class: lead -->`, `<!-- paginate: true -->`) or its `![bg …]` images. */
const MARP_SOURCE =
  /<!--\s*_?(?:class|paginate|header|footer|color|backgroundColor|backgroundImage|headingDivider)\s*:|!\[bg\b/;

/**
 * Slidev's own syntax: a slide frontmatter block after the headmatter (`---` / `layout: center` / `---`), a slot
 * line (`::right::`) or a click tag (`<v-click>`, `<v-clicks>`). In any other dialect the first is a setext heading.
 */
const SLIDEV_SOURCE = new RegExp(
  [
    String.raw`\n---[ \t]*\r?\n(?:[A-Za-z_][\w-]*:.*\r?\n)+---[ \t]*(?:\r?\n|$)`,
    String.raw`(?:^|\n)::[ \t]*\w(?:[\w.:-]*\w)?[ \t]*::[ \t]*(?:\r?\n|$)`,
    String.raw`<v-clicks?[\s>]`,
  ].join('|'),
);

/** The text with fenced code blocks blanked, so a deck *about* reveal.js is not taken for one. */
function outsideCode(source: string): string {
  // Joined once (the ranges are in order and apart): rebuilding the text per fence was quadratic in the deck.
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of codeFenceRanges(source)) {
    parts.push(source.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** Whether the frontmatter, if any, is YAML the translators can read (native reading reports a broken one). */
function readableFrontmatter(source: string): boolean {
  const range = frontmatterRange(source);
  if (!range) return true;
  try {
    parseYaml(range.yaml);
    return true;
  } catch {
    return false;
  }
}

/** The dialect only one tool's syntax in the text (outside code) points to, or `undefined`. */
function sourceDialect(text: string): DialectName | undefined {
  if (hasTitleBlock(text)) return 'pandoc';
  if (REVEAL_MD_SOURCE.test(text)) return 'reveal-md';
  if (MARP_SOURCE.test(text)) return 'marp';
  // The headmatter itself is not a slide frontmatter block: look after it.
  if (SLIDEV_SOURCE.test(text.slice(frontmatterRange(text)?.end ?? 0))) return 'slidev';
  return undefined;
}

/** Picks the dialect of one file. */
export function detectDialect(
  filePath: string,
  data: Readonly<Record<string, unknown>>,
  options: DetectOptions = {},
): DialectName {
  if (options.from) return options.from;
  const declared = dialectNamed(data.from) ?? dialectNamed(data.dialect);
  if (declared) return declared;
  if (data.marp === true) return 'marp';
  if (/\.qmd$/i.test(filePath) || isRevealFormat(data.format)) return 'pandoc';
  if (REVEAL_MD_KEYS.some((key) => key in data)) return 'reveal-md';
  if (SLIDEV_KEYS.some((key) => key in data)) return 'slidev';
  if (Object.keys(data).some((key) => isMarpOnlyKey(key) || key.startsWith('_'))) return 'marp';
  const fallsBack = options.fallback === undefined || options.fallback === 'proofdeck';
  if (fallsBack && options.source && readableFrontmatter(options.source))
    return sourceDialect(outsideCode(options.source)) ?? 'proofdeck';
  return options.fallback ?? 'proofdeck';
}
