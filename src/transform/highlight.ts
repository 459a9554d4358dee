/** Build-time syntax highlighting with shiki, with line-highlight steps rendered as reveal.js fragments. */
import type { Element, ElementContent } from 'hast';
import type { BundledLanguage, Highlighter } from 'shiki';
import type { HighlightSteps } from '../parse/fence-meta.ts';

/** A shiki highlighter with the languages a build's fences use. */
export interface ShikiHighlighter {
  highlighter: Highlighter;
  /** Languages loaded; fences in any other language render as plain text. */
  langs: ReadonlySet<string>;
}

/** What renderers use: a highlighted `<pre>` (without line steps) for code in a language and shiki theme. */
export interface CodeHighlighter {
  pre(code: string, lang: string, theme: string): Element;
}

const ALIASES: Record<string, string> = {
  h: 'c',
  'c++': 'cpp',
  sh: 'shellscript',
  bash: 'shellscript',
  shell: 'shellscript',
  console: 'shellscript',
  makefile: 'make',
  kbuild: 'make',
};

/** Maps a fence language to shiki's name (aliases resolved, lower case). */
export function shikiName(lang: string): string {
  const lower = lang.toLowerCase();
  return ALIASES[lower] ?? lower;
}

/**
 * Creates the one highlighter a build shares, loading only the languages its fences use: shiki is
 * imported here, not at start-up, and each grammar costs compile time.
 */
export async function createShikiHighlighter(
  themes: readonly string[],
  fenceLangs: Iterable<string>,
): Promise<ShikiHighlighter> {
  const shiki = await import('shiki');
  const langs = [...new Set([...fenceLangs].map(shikiName))]
    .filter((lang): lang is BundledLanguage => lang in shiki.bundledLanguages)
    .sort();
  const highlighter = await shiki.createHighlighter({ themes: [...new Set(themes)].sort(), langs });
  return { highlighter, langs: new Set(highlighter.getLoadedLanguages()) };
}

/** Options for {@link highlightCode}. */
export interface HighlightOptions {
  lang: string;
  theme: string;
  /** Line-highlight steps; the first is shown at once, each further step is a fragment. */
  steps?: HighlightSteps | undefined;
}

/** shiki's `<pre>` for one block; languages shiki does not know render as plain text. */
export function shikiPre({ highlighter, langs }: ShikiHighlighter, code: string, lang: string, theme: string): Element {
  const name = shikiName(lang);
  const root = highlighter.codeToHast(code.replace(/\n$/, ''), {
    lang: langs.has(name) ? name : 'text',
    theme,
    // No time limit: shiki's default (500 ms a line) gives up on lines when the machine is busy, and the
    // same source would then highlight differently (the golden test failed that way under load).
    tokenizeTimeLimit: 0,
  });
  const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
  if (!pre) throw new Error('shiki returned no <pre>');
  return pre;
}

/** Renders code to a `<pre>` element; highlight steps become stacked `<code>` fragments (no client-side script). */
export function highlightCode(highlighter: CodeHighlighter, code: string, options: HighlightOptions): Element {
  const pre = highlighter.pre(code, options.lang, options.theme);
  const code0 = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (!code0 || !options.steps || options.steps.length === 0) return pre;
  const [first, ...rest] = options.steps;
  const layers = [markStep(code0, first ?? [], false), ...rest.map((step) => markStep(code0, step, true))];
  pre.properties = withClasses(pre, [...classList(pre), 'has-steps']);
  pre.children = layers;
  return pre;
}

/** shiki writes `class` as a string property, hastscript `className` as a list: read both. */
export function classList(element: Element): string[] {
  const value: unknown = element.properties.className ?? element.properties.class;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function withClasses(element: Element, classes: string[]): Element['properties'] {
  const { class: _dropped, ...rest } = element.properties;
  return { ...rest, className: classes };
}

/** Copies a `<code>` and dims every line not in `lines` (`[]` = all lines lit). */
function markStep(code: Element, lines: readonly number[], asFragment: boolean): Element {
  const lit = new Set(lines);
  let lineNumber = 0;
  const children: ElementContent[] = code.children.map((child) => {
    if (child.type !== 'element' || !classList(child).includes('line')) return child;
    lineNumber++;
    const dim = lit.size > 0 && !lit.has(lineNumber);
    const highlighted = lit.size > 0 && lit.has(lineNumber);
    const extra = dim ? ['dim'] : highlighted ? ['highlighted'] : [];
    return { ...child, properties: withClasses(child, [...classList(child), ...extra]) };
  });
  const className = asFragment ? ['code-step', 'fragment'] : ['code-step'];
  return { ...code, properties: withClasses(code, className), children };
}

/** Keeps highlighters alive between builds (`proofdeck dev`), keyed by the themes and languages they load. */
export interface HighlighterPool {
  get(themes: readonly string[], fenceLangs: Iterable<string>): Promise<ShikiHighlighter>;
  dispose(): void;
}

/** A pool that reuses a highlighter when a rebuild needs no new theme or language. */
export function createHighlighterPool(): HighlighterPool {
  let current: { key: Set<string>; highlighter: Promise<ShikiHighlighter> } | undefined;
  return {
    async get(themes, fenceLangs) {
      const wanted = new Set([
        ...themes.map((t) => `theme:${t}`),
        ...[...fenceLangs].map((l) => `lang:${shikiName(l)}`),
      ]);
      if (!current || [...wanted].some((item) => !current?.key.has(item))) {
        const key = new Set([...(current?.key ?? []), ...wanted]);
        const all = [...key];
        const highlighter = createShikiHighlighter(
          all.filter((k) => k.startsWith('theme:')).map((k) => k.slice(6)),
          all.filter((k) => k.startsWith('lang:')).map((k) => k.slice(5)),
        );
        current = { key, highlighter };
      }
      return current.highlighter;
    },
    dispose() {
      void current?.highlighter.then(({ highlighter }) => highlighter.dispose());
      current = undefined;
    },
  };
}
