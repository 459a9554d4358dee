/** Build-time syntax highlighting with shiki, with line-highlight steps rendered as reveal.js fragments. */
import type { Element, ElementContent } from 'hast';
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import type { HighlightSteps } from '../parse/fence-meta.ts';

/** Languages loaded up front; anything else is looked up lazily, unknown ones render as plain text. */
const PRELOADED: BundledLanguage[] = ['c', 'cpp', 'rust', 'shellscript', 'make', 'toml', 'json', 'yaml', 'diff'];

/** Creates the one highlighter a build shares; `themes` are shiki theme names from the deck themes. */
export async function createCodeHighlighter(themes: readonly string[]): Promise<Highlighter> {
  return createHighlighter({ themes: [...new Set(themes)], langs: PRELOADED });
}

/** Loads the languages a set of fences uses, so highlighting itself can stay synchronous. */
export async function loadLanguages(highlighter: Highlighter, langs: Iterable<string>): Promise<void> {
  const loaded = new Set(highlighter.getLoadedLanguages());
  const wanted = [...new Set(langs)].map(normaliseLang).filter((lang): lang is BundledLanguage => lang !== 'text' && !loaded.has(lang));
  if (wanted.length > 0) await highlighter.loadLanguage(...wanted);
}

/** Maps fence languages to shiki's names; unknown languages become `text`. */
export function normaliseLang(lang: string): BundledLanguage | 'text' {
  const lower = lang.toLowerCase();
  const aliases: Record<string, BundledLanguage> = { h: 'c', 'c++': 'cpp', sh: 'shellscript', bash: 'shellscript', shell: 'shellscript', console: 'shellscript', makefile: 'make', kbuild: 'make' };
  const name = aliases[lower] ?? lower;
  return name in bundledLanguages ? (name as BundledLanguage) : 'text';
}

/** Options for {@link highlightCode}. */
export interface HighlightOptions {
  lang: string;
  theme: string;
  /** Line-highlight steps; the first is shown at once, each further step is a fragment. */
  steps?: HighlightSteps | undefined;
}

/** Renders code to a `<pre>` element; highlight steps become stacked `<code>` fragments (no client-side script). */
export function highlightCode(highlighter: Highlighter, code: string, options: HighlightOptions): Element {
  const lang = normaliseLang(options.lang);
  const root = highlighter.codeToHast(code.replace(/\n$/, ''), { lang, theme: options.theme });
  const pre = root.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
  if (!pre) throw new Error('shiki returned no <pre>');
  const code0 = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (!code0 || !options.steps || options.steps.length === 0) return pre;
  const [first, ...rest] = options.steps;
  const layers = [markStep(code0, first ?? [], false), ...rest.map((step) => markStep(code0, step, true))];
  pre.properties = withClasses(pre, [...classList(pre), 'has-steps']);
  pre.children = layers;
  return pre;
}

/** shiki writes `class` as a string property, hastscript `className` as a list: read both. */
function classList(element: Element): string[] {
  const value: unknown = element.properties.className ?? element.properties.class;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : [];
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
