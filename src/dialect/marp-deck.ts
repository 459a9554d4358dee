/**
 * Marp decks (`marp: true`) read as marpit reads them: every top-level thematic break (`---`, `***`, `___`)
 * outside code starts a slide, `headingDivider` splits before headings, directives come from the
 * frontmatter (global and inherited local ones) and from HTML comments (`<!-- class: x -->` from this slide
 * on, `<!-- _class: x -->` on this slide only); every other HTML comment is a speaker note; `![bg …]` images
 * become slide backgrounds or split columns.
 */
import type { RootContent } from 'mdast';
import { visit } from '../parse/visit.ts';
import { VFile } from 'vfile';
import { isMap, parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../parse/parser.ts';
import {
  classList,
  type Directives,
  headingDividerLevels,
  isDirectiveKey,
  onlyComments,
  pickGlobals,
  pickLocals,
  readDirectiveComment,
} from './marp-directives.ts';

import { buildSlide, type Draft } from './marp-slide.ts';
import {
  type DialectWarning,
  emitNative,
  type NativeFrontmatter,
  type NativeSlide,
  type Translation,
  type Warn,
} from './translation.ts';
import { isAspectRatio } from '../model/deck.ts';

/** Marp's built-in themes and the proofdeck theme closest to each (all three are light). */
const MARP_THEMES: Record<string, string> = { default: 'light', gaia: 'light', uncover: 'light' };

/** Options for {@link translateMarp}. */
export interface MarpOptions {
  /** Themes proofdeck has; a Marp theme outside them and Marp's own three is a warning. */
  knownThemes?: ReadonlySet<string>;
  /** File stem, the title of a deck that has no `title` directive and no heading. @default 'Untitled' */
  fallbackTitle?: string;
}

/** Translates a Marp deck into native proofdeck markdown. */
export function translateMarp(source: string, path: string, options: MarpOptions = {}): Translation {
  const warnings: DialectWarning[] = [];
  const warn: Warn = (line, column, reason, hint, ruleId) => warnings.push({ line, column, reason, hint, ruleId });
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
    if (node.type === 'yaml') continue;
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
    aspectRatio: isAspectRatio(globals.size) ? globals.size : undefined,
  };
  if (frontmatter.title === undefined) frontmatter.title = 'Untitled';
  return emitNative(frontmatter, slides, warnings);
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

function reportUnsupportedGlobals(globals: Directives, lines: readonly string[], warn: Warn): void {
  for (const key of ['style', 'math', 'size', 'color', 'lang']) {
    if (globals[key] === undefined) continue;
    if (key === 'size' && isAspectRatio(globals.size)) continue;
    warn(
      lineOfKey(lines, key),
      1,
      `Marp directive "${key}" has no proofdeck equivalent and is ignored`,
      'The slides still build; remove the directive to silence this warning.',
      'dialect/unsupported',
    );
  }
}
