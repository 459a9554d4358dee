/**
 * Slidev decks read as Slidev reads them: slides split by `@slidev/parser`'s rules (see slidev-split.ts),
 * per-slide frontmatter (`layout`, `class`, `hide`/`disabled`, `src`, `background`, `image`,
 * `transition`), `::right::` slots, `v-click`/`<v-click>`/`<v-clicks>` as fragments and the last HTML
 * comment of a slide as its notes. Vue components and `<script setup>` are left off the slide with a
 * warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ASPECT_RATIOS, isAspectRatio, TRANSITIONS } from '../model/deck.ts';
import { collectSlides } from './slidev-collect.ts';
import { keyLine, nativeTransition } from './slidev-slide.ts';
import { type DialectWarning, emitNative, type NativeFrontmatter, type Translation, type Warn } from './translation.ts';

/** Options for {@link translateSlidev}. */
export interface SlidevOptions {
  knownThemes?: ReadonlySet<string>;
  fallbackTitle?: string;
  readFile?: (file: string) => string;
}

/** Headmatter keys with a proofdeck meaning. */
const MAPPED_KEYS = new Set([
  'title',
  'theme',
  'transition',
  'info',
  'author',
  'layout',
  'class',
  'background',
  'colorSchema',
  'aspectRatio',
]);
/** Headmatter keys that only tune Slidev's own app and do not change the slides' content or structure. */
const APP_KEYS = new Set(['highlighter', 'drawings', 'mdc', 'download', 'exportFilename', 'routerMode', 'selectable']);
/** Translates a Slidev deck into native proofdeck markdown. */
export function translateSlidev(source: string, file: string, options: SlidevOptions = {}): Translation {
  const warnings: DialectWarning[] = [];
  const warn: Warn = (line, column, reason, hint, ruleId) => warnings.push({ line, column, reason, hint, ruleId });
  const read = options.readFile ?? ((name: string) => readFileSync(name, 'utf8'));
  const collected = collectSlides(source, file, {
    root: path.dirname(file),
    read,
    warn,
    importedAt: undefined,
    override: {},
    chain: [],
    range: undefined,
  });
  const head = collected[0]?.frontmatter ?? {};
  const headText = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const headLine = (key: string) => keyLine(headText, 2, key);
  for (const key of Object.keys(head)) {
    if (MAPPED_KEYS.has(key) || ['hide', 'disabled', 'src', 'image'].includes(key)) continue;
    if (APP_KEYS.has(key)) continue;
    warn(
      headLine(key),
      1,
      `Slidev headmatter key "${key}" has no proofdeck equivalent and is ignored`,
      'The slides still build; remove the key to silence this warning.',
      'dialect/unsupported',
    );
  }
  const known = options.knownThemes ?? new Set(['dark', 'light']);
  let theme = 'light';
  if (typeof head.theme === 'string') {
    if (known.has(head.theme)) theme = head.theme;
    else if (head.theme !== 'default')
      warn(
        headLine('theme'),
        1,
        `Slidev theme "${head.theme}" is not available in proofdeck; the "light" theme is used`,
        `Available themes: ${[...known].join(', ')} (folders under themes/).`,
        'dialect/unknown-theme',
      );
  }
  // `colorSchema: dark` picks proofdeck's dark theme when the deck names no theme proofdeck has.
  if (head.colorSchema === 'dark' && !(typeof head.theme === 'string' && known.has(head.theme)) && known.has('dark'))
    theme = 'dark';
  const ratio =
    typeof head.aspectRatio === 'string' ? head.aspectRatio.replace(/\s/g, '').replace('/', ':') : undefined;
  const aspectRatio = isAspectRatio(ratio) ? ratio : undefined;
  if (head.aspectRatio !== undefined && !aspectRatio)
    warn(
      headLine('aspectRatio'),
      1,
      `Slidev aspect ratio "${String(head.aspectRatio)}" is not available`,
      `proofdeck renders ${ASPECT_RATIOS.join(', ')} decks.`,
      'dialect/unsupported',
    );
  let transition: string | undefined;
  if (typeof head.transition === 'string') {
    transition = nativeTransition(head.transition);
    if (!transition)
      warn(
        headLine('transition'),
        1,
        `Slidev transition "${head.transition}" is not available`,
        `Use one of: ${TRANSITIONS.join(', ')}.`,
        'dialect/unsupported',
      );
  }
  const firstTitle = collected.find((c) => c.slide.content.some((l) => /^#\s/.test(l.text)));
  const heading = firstTitle?.slide.content
    .find((l) => /^#\s/.test(l.text))
    ?.text.replace(/^#\s+/, '')
    .trim();
  const frontmatter: NativeFrontmatter = {
    title: typeof head.title === 'string' ? head.title : (heading ?? options.fallbackTitle ?? 'Untitled'),
    author: typeof head.author === 'string' ? head.author : undefined,
    abstract: typeof head.info === 'string' ? head.info.replace(/\s+/g, ' ').trim() : undefined,
    theme,
    slideLevel: 0,
    transition,
    titleSlide: false,
    aspectRatio,
  };
  return emitNative(
    frontmatter,
    collected.map((c) => c.slide),
    warnings,
  );
}
