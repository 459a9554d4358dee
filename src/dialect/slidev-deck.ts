/**
 * Slidev decks read as Slidev reads them: slides split by `@slidev/parser`'s rules (see slidev-split.ts),
 * per-slide frontmatter (`layout`, `class`, `hide`/`disabled`, `src`, `background`, `image`,
 * `transition`), `::right::` slots, `v-click`/`<v-click>`/`<v-clicks>` as fragments and the last HTML
 * comment of a slide as its notes. Vue components and `<script setup>` are left off the slide with a
 * warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TRANSITIONS } from '../model/deck.ts';
import { splitSlidev } from './slidev-split.ts';
import { rewriteSlidevBody } from './slidev-body.ts';
import {
  type DialectWarning,
  emitNative,
  type MappedLine,
  type NativeFrontmatter,
  type NativeSlide,
  type Translation,
  trimLines,
} from './translation.ts';

/** Options for {@link translateSlidev}. */
export interface SlidevOptions {
  knownThemes?: ReadonlySet<string>;
  fallbackTitle?: string;
  readFile?: (file: string) => string;
}

type Warn = (line: number, column: number, reason: string, hint: string, ruleId: DialectWarning['ruleId']) => void;
type Frontmatter = Record<string, unknown>;

const CENTERED = new Set(['cover', 'center', 'section', 'end', 'intro', 'fact', 'statement', 'quote']);
const LAYOUTS = new Set([
  ...CENTERED,
  'default',
  'two-cols',
  'two-cols-header',
  'image-right',
  'image-left',
  'image',
  'full',
  'none',
]);
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
const nativeTransition = (value: string): string | undefined => {
  const base = value.replace(/-(left|right|up|down|out)$/, '');
  return (TRANSITIONS as readonly string[]).includes(base) ? base : undefined;
};

function readYaml(text: string): Frontmatter {
  try {
    const value: unknown = parseYaml(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Frontmatter) : {};
  } catch {
    return {};
  }
}

function keyLine(text: string, first: number, key: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? first : first + index;
}

interface Collected {
  slide: NativeSlide;
  frontmatter: Frontmatter;
}

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
  const aspectRatio = ratio === '16:9' || ratio === '4:3' ? ratio : undefined;
  if (head.aspectRatio !== undefined && !aspectRatio)
    warn(
      headLine('aspectRatio'),
      1,
      `Slidev aspect ratio "${String(head.aspectRatio)}" is not available`,
      'proofdeck renders 16:9 or 4:3 decks.',
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

/** Where one file is read from: the entry's folder (for `/x.md`), the importing line, the chain so far. */
interface Reading {
  root: string;
  read: (file: string) => string;
  warn: Warn;
  importedAt: number | undefined;
  /** The importing slide's frontmatter, laid over every imported slide (as Slidev's loader does). */
  override: Frontmatter;
  chain: readonly string[];
  /** `src: x.md#2-3`: the 1-based slides to take. */
  range: Set<number> | undefined;
}

/** Slidev's range syntax: `2`, `2-4`, `1,3-5`. */
function parseRange(text: string): Set<number> {
  const result = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to] = part.split('-').map((n) => Number.parseInt(n.trim(), 10));
    if (from === undefined || Number.isNaN(from)) continue;
    for (let n = from; n <= (to !== undefined && !Number.isNaN(to) ? to : from); n++) result.add(n);
  }
  return result;
}

/** A ```yaml block opening a slide is its frontmatter too (Slidev's second spelling). */
function yamlBlockFrontmatter(lines: MappedLine[]): { text: string; rest: MappedLine[] } | undefined {
  const first = lines.findIndex((l) => l.text.trim() !== '');
  if (first < 0 || !/^\s*```ya?ml\s*$/.test(lines[first]?.text ?? '')) return undefined;
  const close = lines.findIndex((l, i) => i > first && /^\s*```\s*$/.test(l.text));
  if (close < 0) return undefined;
  return {
    text: lines
      .slice(first + 1, close)
      .map((l) => l.text)
      .join('\n'),
    rest: lines.slice(close + 1),
  };
}

/** The visible slides of one file, imports (`src:`) inlined. */
function collectSlides(source: string, file: string, reading: Reading): Collected[] {
  const { warn, importedAt } = reading;
  const lines = source.split(/\r?\n/);
  // Lines of an imported file are reported at the `src:` line that imports it.
  const at = (line: number) => importedAt ?? line;
  const result: Collected[] = [];
  splitSlidev(lines).forEach((raw, index) => {
    if (reading.range && !reading.range.has(index + 1)) return;
    const fmText = raw.frontmatter?.text ?? '';
    const fmLine = raw.frontmatter?.line ?? raw.start + 1;
    let content: MappedLine[] = lines
      .slice(raw.contentStart, raw.end)
      .map((text, i) => ({ text, source: at(raw.contentStart + i + 1) }));
    let own = readYaml(fmText);
    const block = raw.frontmatter ? undefined : yamlBlockFrontmatter(content);
    if (block) {
      own = readYaml(block.text);
      content = block.rest;
    }
    const frontmatter = { ...own, ...reading.override };
    if (typeof frontmatter.src === 'string') {
      const [rawPath = '', range] = frontmatter.src.split('#');
      const target = rawPath.startsWith('/')
        ? path.join(reading.root, rawPath.slice(1))
        : path.resolve(path.dirname(file), rawPath);
      const line = at(keyLine(fmText, fmLine, 'src'));
      if (reading.chain.includes(target)) {
        warn(
          line,
          1,
          `Slidev import "${frontmatter.src}" imports itself`,
          'Remove the circular import.',
          'dialect/unsupported',
        );
        return;
      }
      let text: string;
      try {
        text = reading.read(target);
      } catch {
        warn(line, 1, `Slidev import "${frontmatter.src}" not found`, 'The slide is left out.', 'dialect/unsupported');
        return;
      }
      const { src: _src, ...override } = frontmatter;
      result.push(
        ...collectSlides(text, target, {
          ...reading,
          importedAt: line,
          override,
          chain: [...reading.chain, file],
          range: range ? parseRange(range) : undefined,
        }),
      );
      return;
    }
    const { body, notes } = lastCommentAsNotes(content);
    const isFirst = index === 0 && importedAt === undefined;
    const slide = makeSlide(rewriteSlidevBody(body, warn), frontmatter, notes, at(raw.start + 1), isFirst, warn);
    // A hidden slide is still checked, like `::slide{hidden}`, and left out of every output.
    if (frontmatter.hide === true || frontmatter.disabled === true) slide.attributes.hidden = true;
    result.push({ slide, frontmatter });
    if (raw.frontmatter) reportSlideKeys(own, fmText, fmLine, at, warn, isFirst);
  });
  return result;
}

function reportSlideKeys(
  frontmatter: Frontmatter,
  text: string,
  first: number,
  at: (line: number) => number,
  warn: Warn,
  isHead: boolean,
): void {
  if (typeof frontmatter.layout === 'string' && !LAYOUTS.has(frontmatter.layout))
    warn(
      at(keyLine(text, first, 'layout')),
      1,
      `Slidev layout "${frontmatter.layout}" is not available`,
      'The slide uses the default layout.',
      'dialect/unsupported',
    );
  if (isHead) return;
  for (const key of Object.keys(frontmatter)) {
    if (
      [
        'layout',
        'class',
        'background',
        'image',
        'transition',
        'hide',
        'disabled',
        'src',
        'title',
        'level',
        'hideInToc',
      ].includes(key)
    )
      continue;
    warn(
      at(keyLine(text, first, key)),
      1,
      `Slidev slide key "${key}" has no proofdeck equivalent and is ignored`,
      'The slide still builds.',
      'dialect/unsupported',
    );
  }
}

/** Slidev's rule: the last HTML comment is the notes when nothing but blank space follows it. */
function lastCommentAsNotes(lines: MappedLine[]): { body: MappedLine[]; notes: MappedLine[] } {
  const trimmed = trimLines(lines);
  const text = trimmed.map((l) => l.text).join('\n');
  const comments = [...text.matchAll(/<!--([\s\S]*?)-->/g)];
  const last = comments.at(-1);
  if (last?.index === undefined || last.index + last[0].length < text.length) return { body: trimmed, notes: [] };
  const before = text.slice(0, last.index);
  const startLine = before.split('\n').length - 1;
  const firstLine = trimmed[startLine]?.source ?? trimmed[0]?.source ?? 1;
  const bodyLines = before.split('\n');
  const body = bodyLines.map((t, i) => ({ text: t, source: trimmed[i]?.source ?? firstLine }));
  const notes = (last[1] ?? '')
    .trim()
    .split('\n')
    .map((t, i) => ({ text: t.trim() === '' ? '' : t, source: firstLine + i }));
  return { body, notes };
}

function makeSlide(
  body: MappedLine[],
  frontmatter: Frontmatter,
  notes: MappedLine[],
  line: number,
  isFirst: boolean,
  warn: Warn,
): NativeSlide {
  const slide: NativeSlide = { line, attributes: { classes: [] }, content: slots(body).all, notes };
  // Slidev gives the first slide the cover layout unless it names another.
  const layout = typeof frontmatter.layout === 'string' ? frontmatter.layout : isFirst ? 'cover' : 'default';
  if (CENTERED.has(layout)) slide.attributes.classes.push('center');
  if (typeof frontmatter.class === 'string')
    slide.attributes.classes.push(...frontmatter.class.split(/\s+/).filter(Boolean));
  const background = typeof frontmatter.background === 'string' ? frontmatter.background : undefined;
  const image = typeof frontmatter.image === 'string' ? frontmatter.image : undefined;
  if (background) {
    if (/^(#|rgb|hsl)/.test(background)) slide.attributes.background = background;
    else slide.attributes.backgroundImage = background;
  }
  if (typeof frontmatter.transition === 'string') {
    const transition = nativeTransition(frontmatter.transition);
    if (transition) slide.attributes.transition = transition;
    else
      warn(
        line,
        1,
        `Slidev transition "${frontmatter.transition}" is not available`,
        `Use one of: ${TRANSITIONS.join(', ')}.`,
        'dialect/unsupported',
      );
  }
  if (layout === 'image' && image) slide.attributes.backgroundImage = image;
  if (layout === 'image-left' || layout === 'image-right') {
    const picture: MappedLine[] = image ? [{ text: `![](${image})`, source: line }] : [];
    slide.content =
      layout === 'image-left' ? columns([picture, slots(body).all], line) : columns([slots(body).all, picture], line);
  }
  if (layout === 'two-cols' || layout === 'two-cols-header') {
    const parts = slots(body);
    const header = layout === 'two-cols-header' ? parts.default : [];
    const left = layout === 'two-cols-header' ? parts.left : [...parts.default, ...parts.left];
    slide.content = [...header, { text: '', source: line }, ...columns([left, parts.right], line)];
  }
  return slide;
}

/** Splits a body at `::name::` slot lines (already outside code, see slidev-body.ts). */
function slots(body: MappedLine[]): {
  default: MappedLine[];
  left: MappedLine[];
  right: MappedLine[];
  all: MappedLine[];
} {
  const parts: Record<string, MappedLine[]> = { default: [], left: [], right: [] };
  let name = 'default';
  for (const line of body) {
    const slot = /^::([\w-]+)::\s*$/.exec(line.text);
    if (slot) name = slot[1] ?? 'default';
    else (parts[name] ??= []).push(line);
  }
  return {
    default: parts.default ?? [],
    left: parts.left ?? [],
    right: parts.right ?? [],
    all: body.filter((l) => !/^::([\w-]+)::\s*$/.test(l.text)),
  };
}

function columns(parts: MappedLine[][], line: number): MappedLine[] {
  const out: MappedLine[] = [{ text: ':::::columns', source: line }];
  for (const part of parts)
    out.push(
      { text: '::::column', source: line },
      { text: '', source: line },
      ...trimLines(part),
      { text: '', source: line },
      { text: '::::', source: line },
    );
  out.push({ text: ':::::', source: line });
  return out;
}
