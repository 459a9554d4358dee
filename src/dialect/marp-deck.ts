/**
 * Marp decks (`marp: true`) read as marpit reads them: every top-level thematic break (`---`, `***`, `___`)
 * outside code starts a slide, `headingDivider` splits before headings, directives come from the
 * frontmatter (global and inherited local ones) and from HTML comments (`<!-- class: x -->` from this slide
 * on, `<!-- _class: x -->` on this slide only); every other HTML comment is a speaker note; `![bg …]` images
 * become slide backgrounds or split columns.
 */
import type { Html, Image, List, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { isMap, parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../parse/parser.ts';
import { readMarpImage } from './marp-image.ts';
import {
  type DialectWarning,
  emitNative,
  type MappedLine,
  mapLines,
  type NativeFrontmatter,
  type NativeSlide,
  type Translation,
} from './translation.ts';

const GLOBAL_DIRECTIVES = new Set([
  'marp',
  'theme',
  'style',
  'headingDivider',
  'lang',
  'math',
  'title',
  'description',
  'author',
  'image',
  'keywords',
  'url',
  'size',
]);
const LOCAL_DIRECTIVES = new Set([
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'transition',
]);

/** Marp's built-in themes and the proofdeck theme closest to each (all three are light). */
const MARP_THEMES: Record<string, string> = { default: 'light', gaia: 'light', uncover: 'light' };

/** Options for {@link translateMarp}. */
export interface MarpOptions {
  /** Themes proofdeck has; a Marp theme outside them and Marp's own three is a warning. */
  knownThemes?: ReadonlySet<string>;
  /** File stem, the title of a deck that has no `title` directive and no heading. @default 'Untitled' */
  fallbackTitle?: string;
}

type Directives = Record<string, unknown>;

interface Draft {
  line: number;
  nodes: RootContent[];
  /** Directives of comments in this slide, in order: `_x` spot, `x` inherited. */
  comments: { directives: Directives; line: number }[];
}

const isDirectiveKey = (key: string): boolean =>
  GLOBAL_DIRECTIVES.has(key) ||
  LOCAL_DIRECTIVES.has(key) ||
  (key.startsWith('_') && LOCAL_DIRECTIVES.has(key.slice(1)));

/** The comments of an HTML block made only of comments, or undefined when it holds other HTML. */
function onlyComments(value: string): string[] | undefined {
  const comments = [...value.matchAll(/<!--([\s\S]*?)-->/g)];
  if (comments.length === 0 || value.replace(/<!--[\s\S]*?-->/g, '').trim() !== '') return undefined;
  return comments.map((match) => match[1] ?? '');
}

/** A comment is a directive comment when its YAML is a map and its keys are directives (marpit's rule). */
function readDirectiveComment(text: string): Directives | undefined {
  let value: unknown;
  try {
    value = parseYaml(text.trim());
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every(isDirectiveKey) ? (value as Directives) : undefined;
}

function headingDividerLevels(value: unknown): (depth: number) => boolean {
  if (typeof value === 'number') return (depth) => depth <= value;
  if (Array.isArray(value)) return (depth) => value.includes(depth);
  return () => false;
}

const cssUrl = (value: string): string => value.replace(/^url\(\s*(['"]?)(.*?)\1\s*\)$/, '$2');

/** Translates a Marp deck into native proofdeck markdown. */
export function translateMarp(source: string, path: string, options: MarpOptions = {}): Translation {
  const warnings: DialectWarning[] = [];
  const warn = (line: number, column: number, reason: string, hint: string, ruleId: DialectWarning['ruleId']) =>
    warnings.push({ line, column, reason, hint, ruleId });
  const lines = source.split(/\r?\n/);
  const tree = parseMarkdown(new VFile({ path, value: source }));
  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  const globals: Directives = {};
  if (yamlNode?.type === 'yaml') {
    const data: unknown = parseYaml(yamlNode.value);
    if (isMap(data) || (data !== null && typeof data === 'object')) Object.assign(globals, data);
    for (const key of Object.keys(globals)) {
      if (!isDirectiveKey(key))
        warn(
          lineOfKey(lines, key),
          1,
          `unknown Marp directive "${key}"`,
          'Marp ignores it too.',
          'dialect/unsupported',
        );
    }
  }
  const splitsAt = headingDividerLevels(globals.headingDivider);

  // Split into slides the way marpit does.
  const drafts: Draft[] = [];
  let current: Draft = { line: 1, nodes: [], comments: [] };
  const firstContent = tree.children.find((node) => node.type !== 'yaml');
  current.line = firstContent?.position?.start.line ?? 1;
  for (const node of tree.children) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'yaml' || node.type === 'definition') continue;
    if (node.type === 'thematicBreak') {
      drafts.push(current);
      current = { line: line + 1, nodes: [], comments: [] };
      continue;
    }
    if (node.type === 'html') {
      const comments = onlyComments(node.value);
      if (comments) {
        const notes: string[] = [];
        for (const comment of comments) {
          const directives = readDirectiveComment(comment);
          if (directives) {
            Object.assign(globals, pickGlobals(directives));
            current.comments.push({ directives, line });
          } else if (comment.trim() !== '') notes.push(comment);
        }
        // Directive comments leave nothing on the slide; note comments stay for the notes.
        if (notes.length > 0) current.nodes.push({ ...node, value: notes.map((n) => `<!--${n}-->`).join('\n') });
        continue;
      }
    }
    if (node.type === 'heading' && splitsAt(node.depth) && current.nodes.length > 0) {
      drafts.push(current);
      current = { line, nodes: [], comments: [] };
    }
    current.nodes.push(node);
  }
  drafts.push(current);

  const inherited: Directives = pickLocals(globals, false);
  // paginate, header and footer become deck-wide: their values in effect on the first slide.
  const first = { ...inherited };
  for (const { directives } of drafts[0]?.comments ?? []) Object.assign(first, pickLocals(directives, false));
  const slides: NativeSlide[] = drafts.map((draft, index) => {
    const spot: Directives = {};
    for (const { directives } of draft.comments) {
      Object.assign(inherited, pickLocals(directives, false));
      Object.assign(spot, pickLocals(directives, true));
    }
    const local = { ...inherited, ...spot };
    return buildSlide(draft, local, lines, source, warn, index === 0);
  });

  const theme = typeof globals.theme === 'string' ? globals.theme : 'default';
  const known = options.knownThemes ?? new Set(['dark', 'light']);
  let nativeTheme = MARP_THEMES[theme] ?? (known.has(theme) ? theme : 'light');
  if (!(theme in MARP_THEMES) && !known.has(theme)) {
    warn(
      lineOfKey(lines, 'theme'),
      1,
      `Marp theme "${theme}" is not available in proofdeck; the "light" theme is used`,
      `Available themes: ${[...known].join(', ')} (folders under themes/).`,
      'dialect/unknown-theme',
    );
  }
  if (classList(first.class).includes('invert')) nativeTheme = 'dark';
  reportUnsupportedGlobals(globals, lines, warn);
  const frontmatter: NativeFrontmatter = {
    title: typeof globals.title === 'string' ? globals.title : (firstHeading(tree.children) ?? options.fallbackTitle),
    author: typeof globals.author === 'string' ? globals.author : undefined,
    abstract: typeof globals.description === 'string' ? globals.description : undefined,
    theme: nativeTheme,
    slideLevel: 0,
    titleSlide: false,
    // Marp numbers pages only when asked to; proofdeck numbers them unless told not to.
    slideNumbers: first.paginate === true,
    header: typeof first.header === 'string' && first.header !== '' ? first.header : undefined,
    footer: typeof first.footer === 'string' && first.footer !== '' ? first.footer : undefined,
    aspectRatio: globals.size === '4:3' || globals.size === '16:9' ? globals.size : undefined,
  };
  if (frontmatter.title === undefined) frontmatter.title = 'Untitled';
  return emitNative(frontmatter, slides, warnings);
}

/** marpit accepts `class: a b` and a YAML list of classes. */
function classList(value: unknown): string[] {
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : value;
  return typeof text === 'string' ? text.split(/\s+/).filter(Boolean) : [];
}

function pickGlobals(directives: Directives): Directives {
  return Object.fromEntries(Object.entries(directives).filter(([key]) => GLOBAL_DIRECTIVES.has(key)));
}

function pickLocals(directives: Directives, spot: boolean): Directives {
  const entries = Object.entries(directives).flatMap(([key, value]): [string, unknown][] => {
    if (spot) return key.startsWith('_') && LOCAL_DIRECTIVES.has(key.slice(1)) ? [[key.slice(1), value]] : [];
    return LOCAL_DIRECTIVES.has(key) ? [[key, value]] : [];
  });
  return Object.fromEntries(entries);
}

function lineOfKey(lines: readonly string[], key: string): number {
  const index = lines.findIndex((line) => line.startsWith(`${key}:`) || line.includes(` ${key}:`));
  return index < 0 ? 1 : index + 1;
}

function firstHeading(nodes: readonly RootContent[]): string | undefined {
  const heading = nodes.find((node) => node.type === 'heading');
  if (heading?.type !== 'heading') return undefined;
  let text = '';
  visit(heading, 'text', (node) => {
    text += node.value;
  });
  return text.trim() || undefined;
}

function reportUnsupportedGlobals(
  globals: Directives,
  lines: readonly string[],
  warn: (line: number, column: number, reason: string, hint: string, ruleId: DialectWarning['ruleId']) => void,
): void {
  for (const key of ['style', 'math', 'size', 'color', 'lang']) {
    if (globals[key] === undefined) continue;
    if (key === 'size' && (globals.size === '16:9' || globals.size === '4:3')) continue;
    warn(
      lineOfKey(lines, key),
      1,
      `Marp directive "${key}" has no proofdeck equivalent and is ignored`,
      'The slides still build; remove the directive to silence this warning.',
      'dialect/unsupported',
    );
  }
}

type Warn = (line: number, column: number, reason: string, hint: string, ruleId: DialectWarning['ruleId']) => void;

function buildSlide(
  draft: Draft,
  local: Directives,
  lines: readonly string[],
  source: string,
  warn: Warn,
  isFirst: boolean,
): NativeSlide {
  const slide: NativeSlide = { line: draft.line, attributes: { classes: [] }, content: [], notes: [] };
  const classes = classList(local.class);
  if (classes.length > 0) {
    slide.attributes.classes = classes;
    // Marp's `lead` centres the slide, which is proofdeck's `.center`.
    if (slide.attributes.classes.includes('lead')) slide.attributes.classes.push('center');
  }
  if (typeof local.backgroundColor === 'string') slide.attributes.background = local.backgroundColor;
  if (typeof local.backgroundImage === 'string') {
    const url = cssUrl(local.backgroundImage);
    // Only a url() is an image; a CSS gradient has no proofdeck spelling.
    if (url !== local.backgroundImage) slide.attributes.backgroundImage = url;
    else
      warn(
        draft.comments[0]?.line ?? draft.line,
        1,
        `Marp backgroundImage "${local.backgroundImage}" is not a url() and is not applied`,
        'Use an image file, or backgroundColor for a plain colour.',
        'dialect/unsupported',
      );
  }
  if (typeof local.transition === 'string') slide.attributes.transition = local.transition;
  for (const { directives, line } of draft.comments) {
    for (const key of Object.keys(directives)) {
      const name = key.replace(/^_/, '');
      const perSlide = ['paginate', 'header', 'footer'].includes(name) && (!isFirst || key.startsWith('_'));
      if (perSlide)
        warn(
          line,
          1,
          `Marp directive "${key}" applies to the whole deck in proofdeck`,
          'proofdeck sets page numbers, header and footer for all slides.',
          'dialect/unsupported',
        );
      else if (['color', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize'].includes(name))
        warn(
          line,
          1,
          `Marp directive "${key}" has no proofdeck equivalent and is ignored`,
          'The slide still builds.',
          'dialect/unsupported',
        );
    }
  }
  const split: MappedLine[] = [];
  let splitSide: 'left' | 'right' | undefined;
  let splitSize: string | undefined;
  for (const node of draft.nodes) {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) continue;
    if (node.type === 'html' && /^\s*<style\b/i.test(node.value)) {
      // marpit turns <style> into theme CSS for the whole deck (or the slide, when scoped).
      warn(
        start.line,
        1,
        'a Marp <style> block is not applied',
        'Put styles in a proofdeck theme.',
        'dialect/unsupported',
      );
      continue;
    }
    if (node.type === 'html' && onlyComments(node.value)) {
      for (const note of onlyComments(node.value) ?? [])
        slide.notes.push(...mapLines(note.trim(), start.line), { text: '', source: start.line });
      continue;
    }
    if (node.type !== 'list' && node.type !== 'code') {
      const rewritten = rewriteInline(node, source, warn, slide, (image) => {
        splitSide ??= image.side;
        splitSize ??= image.size;
        split.push(...mapLines(image.markdown, image.line), { text: '', source: image.line });
      });
      if (rewritten.trim() !== '')
        slide.content.push(...mapLines(rewritten, start.line), { text: '', source: end.line });
      continue;
    }
    const body = lines.slice(start.line - 1, end.line).map((text, i) => ({ text, source: start.line + i }));
    if (node.type === 'list' && isFragmentedList(node, source)) {
      // marpit's fragmented lists: `*` bullets and `1)` numbers appear one item at a time.
      slide.content.push({ text: '::::incremental', source: start.line }, ...body, { text: '::::', source: end.line });
    } else slide.content.push(...body);
    slide.content.push({ text: '', source: end.line });
  }
  if (splitSide) slide.content = columns(splitSide, split, slide.content, draft.line, splitSize);
  return slide;
}

/** `{.split-background width="40%"}`: the image column fills its share of the slide, as in Marp. */
function attributes(image: boolean, width: string | undefined): string {
  const parts = [image ? '.split-background' : '', width ? `width="${width}"` : ''].filter(Boolean);
  return parts.length > 0 ? `{${parts.join(' ')}}` : '';
}

/** A list written with `*` bullets or `1)` numbers (marpit's fragmented list). */
function isFragmentedList(list: List, source: string): boolean {
  const offset = list.position?.start.offset;
  if (offset === undefined) return false;
  return list.ordered ? /^\d+\)/.test(source.slice(offset, offset + 12)) : source[offset] === '*';
}

/** A split background becomes two columns: the image on its side, the slide's content on the other. */
function columns(
  side: 'left' | 'right',
  image: MappedLine[],
  content: MappedLine[],
  line: number,
  size: string | undefined,
): MappedLine[] {
  const rest = size ? `${100 - Number.parseFloat(size)}%` : undefined;
  const column = (body: MappedLine[], width: string | undefined, image = false) => [
    { text: `::::column${attributes(image, width)}`, source: line },
    ...body,
    { text: '::::', source: line },
  ];
  const first = side === 'left' ? column(image, size, true) : column(content, rest);
  const second = side === 'left' ? column(content, rest) : column(image, size, true);
  return [{ text: ':::::columns', source: line }, ...first, ...second, { text: ':::::', source: line }];
}

interface SplitImage {
  side: 'left' | 'right';
  /** The image column's share of the slide width (`left:40%`). */
  size?: string;
  markdown: string;
  line: number;
}

/**
 * Rewrites a block's Marp images and inline comments (notes, as marpit collects them; `<!-- fit -->` is a
 * heading-fitting keyword); returns the block's remaining source text.
 */
function rewriteInline(
  paragraph: RootContent,
  source: string,
  warn: Warn,
  slide: NativeSlide,
  onSplit: (image: SplitImage) => void,
): string {
  const start = paragraph.position?.start.offset ?? 0;
  const end = paragraph.position?.end.offset ?? start;
  const edits: { from: number; to: number; text: string }[] = [];
  visit(paragraph, 'html', (html: Html) => {
    const from = html.position?.start.offset;
    const to = html.position?.end.offset;
    const comments = onlyComments(html.value);
    if (from === undefined || to === undefined || !comments) return;
    edits.push({ from, to, text: '' });
    for (const comment of comments) {
      const at = html.position?.start ?? { line: 1, column: 1 };
      if (comment.trim() === 'fit' || comment.trim() === '') continue;
      if (readDirectiveComment(comment))
        warn(
          at.line,
          at.column,
          'a directive inside a paragraph is not applied',
          'Put it on a line of its own.',
          'dialect/unsupported',
        );
      else slide.notes.push(...mapLines(comment.trim(), at.line), { text: '', source: at.line });
    }
  });
  visit(paragraph, 'image', (image: Image) => {
    const from = image.position?.start.offset;
    const to = image.position?.end.offset;
    const at = image.position?.start ?? { line: 1, column: 1 };
    if (from === undefined || to === undefined) return;
    // The alt text from the source: the directive syntax would read `w:600` as text plus a directive.
    const alt = /^!\[([^\]]*)\]/.exec(source.slice(from, to))?.[1] ?? image.alt ?? '';
    const marp = readMarpImage(alt);
    const plain = `![${marp.alt}](${image.url}${image.title ? ` ${JSON.stringify(image.title)}` : ''})`;
    for (const filter of marp.filters)
      warn(
        at.line,
        at.column,
        `Marp image filter "${filter}" is not applied`,
        'The image is shown unfiltered.',
        'dialect/unsupported',
      );
    if (!marp.background) {
      // pandoc's image attributes, which native proofdeck reads too.
      const size = [marp.width ? `width=${marp.width}` : '', marp.height ? `height=${marp.height}` : ''].filter(
        Boolean,
      );
      edits.push({ from, to, text: size.length > 0 ? `${plain}{${size.join(' ')}}` : plain });
      return;
    }
    edits.push({ from, to, text: '' });
    if (marp.split) {
      if (marp.size && marp.size !== 'cover')
        warn(
          at.line,
          at.column,
          `background size "${marp.size}" is not applied`,
          'The image fills its column.',
          'dialect/unsupported',
        );
      const share = marp.split.size && /^\d+(\.\d+)?%$/.test(marp.split.size) ? marp.split.size : undefined;
      if (marp.split.size && !share)
        warn(
          at.line,
          at.column,
          `split size "${marp.split.size}" is not a percentage`,
          'The two columns share the slide equally.',
          'dialect/unsupported',
        );
      onSplit({ side: marp.split.side, markdown: plain, line: at.line, ...(share ? { size: share } : {}) });
      return;
    }
    if (slide.attributes.backgroundImage) {
      warn(
        at.line,
        at.column,
        'only the first Marp background image is shown',
        'Combine the images into one file.',
        'dialect/unsupported',
      );
      return;
    }
    if (marp.size && marp.size !== 'cover')
      warn(
        at.line,
        at.column,
        `background size "${marp.size}" is not applied`,
        'The background covers the slide.',
        'dialect/unsupported',
      );
    slide.attributes.backgroundImage = image.url;
  });
  let text = source.slice(start, end);
  for (const edit of edits.sort((a, b) => b.from - a.from))
    text = text.slice(0, edit.from - start) + edit.text + text.slice(edit.to - start);
  return text.split('\n').every((line) => line.trim() === '') ? '' : text;
}
