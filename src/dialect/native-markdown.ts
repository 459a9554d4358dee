/**
 * Any parsed deck written back as native proofdeck markdown: how `proofdeck convert` turns a deck read by
 * the framework (reveal.js, reveal-md, pandoc/Quarto) into a file that builds to the same slide tree.
 * Every slide starts at `---` (the frontmatter sets `slideLevel: 0`), vertical slides carry `::slide{below}`,
 * and pandoc attributes the readers put on nodes (`data.hProperties`) are written back as `{…}`.
 */
import type { Emphasis, Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import { visit } from '../parse/visit.ts';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { defaultHandlers, type Handle, type Options, toMarkdown } from 'mdast-util-to-markdown';
import type { DeckMeta, ParsedDeck, Slide } from '../model/deck.ts';

const META_KEYS = [
  'title',
  'subtitle',
  'author',
  'date',
  'event',
  'abstract',
  'theme',
  'transition',
  'slideNumbers',
  'header',
  'footer',
  'logo',
  'aspectRatio',
  'css',
  'totalTime',
] as const satisfies readonly (keyof DeckMeta)[];

type Properties = Record<string, unknown>;

/** `{#id .class width=50% key="v"}` from hast properties (the inverse of the pandoc readers). */
function attributeBlock(properties: Properties | undefined): string {
  if (!properties) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'id' && typeof value === 'string') parts.push(`#${value}`);
    else if (key === 'className')
      parts.push(...(Array.isArray(value) ? value : [value]).map((name) => `.${String(name)}`));
    else if (key === 'style' && typeof value === 'string') {
      for (const rule of value.split(';')) {
        const [name = '', setting = ''] = rule.split(':').map((part) => part.trim());
        if (name === 'width' || name === 'height') parts.push(`${name}=${setting}`);
        else if (name) parts.push(`style="${rule.trim()}"`);
      }
    } else if (typeof value === 'string' || typeof value === 'number')
      parts.push(`${key}=${JSON.stringify(String(value))}`);
  }
  return parts.length > 0 ? `{${parts.join(' ')}}` : '';
}

const withAttributes =
  (base: Handle): Handle =>
  (node: Nodes, parent, state, info) => {
    const data = node.data as { hProperties?: Properties; hName?: string } | undefined;
    return base(node as never, parent, state, info) + attributeBlock(data?.hProperties);
  };

const span: Handle = (node, parent, state, info) => {
  const data = node.data as { hProperties?: Properties; hName?: string } | undefined;
  if (data?.hName !== 'span') return defaultHandlers.emphasis(node as never, parent, state, info);
  const text = state.containerPhrasing(node as Parents & { type: 'emphasis' }, { ...info, before: '[', after: ']' });
  return `[${text}]${attributeBlock(data.hProperties) || '{}'}`;
};

const OPTIONS: Options = {
  extensions: [gfmToMarkdown(), directiveToMarkdown()],
  handlers: {
    image: withAttributes(defaultHandlers.image as Handle),
    heading: withAttributes(defaultHandlers.heading as Handle),
    emphasis: span,
  },
  bullet: '-',
  fences: true,
  rule: '-',
};

/**
 * Attributes on a paragraph or list item (reveal's `<!-- .element: class="fragment" -->`) have no markdown
 * spelling of their own: they move to a bracketed span around the block's text, which shows the same.
 */
function spanBlockAttributes(node: RootContent): RootContent {
  const copy = structuredClone(node);
  visit(copy, (child) => {
    const data = child.data as { hProperties?: Properties } | undefined;
    if (!data?.hProperties || (child.type !== 'paragraph' && child.type !== 'listItem')) return;
    const paragraph = child.type === 'paragraph' ? child : child.children.find((c) => c.type === 'paragraph');
    if (paragraph?.type !== 'paragraph') return;
    const text = paragraph.children as PhrasingContent[];
    const wrapped: Emphasis = {
      type: 'emphasis',
      data: { hName: 'span', hProperties: data.hProperties as NonNullable<Emphasis['data']>['hProperties'] },
      children: text,
    };
    paragraph.children = [wrapped];
    delete data.hProperties;
  });
  return copy;
}

/** One block as markdown. */
function block(node: RootContent): string {
  // A rule inside a slide: `---` would start a slide in native markdown, raw HTML draws the same line.
  if (node.type === 'thematicBreak') return '<hr>';
  return toMarkdown({ type: 'root', children: [spanBlockAttributes(node)] }, OPTIONS).trimEnd();
}

function slideLine(slide: Slide, below: boolean): string | undefined {
  const { classes, background, backgroundImage, transition, data } = slide.attributes;
  const parts = classes.map((name) => `.${name}`);
  if (background) parts.push(`background=${JSON.stringify(background)}`);
  if (backgroundImage) parts.push(`background-image=${JSON.stringify(backgroundImage)}`);
  if (transition) parts.push(`transition=${JSON.stringify(transition)}`);
  for (const [key, value] of Object.entries(data ?? {})) parts.push(`data-${key}=${JSON.stringify(value)}`);
  if (below) parts.push('below');
  return parts.length > 0 ? `::slide{${parts.join(' ')}}` : undefined;
}

function frontmatter(meta: DeckMeta): string {
  const lines = ['---'];
  for (const key of META_KEYS) {
    const value = meta[key];
    if (value !== undefined) lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  lines.push('slideLevel: 0', `titleSlide: ${meta.titleSlide ? 'true' : 'false'}`, '---');
  return lines.join('\n');
}

function slideText(slide: Slide, below: boolean): string {
  const parts: string[] = [];
  const line = slideLine(slide, below);
  if (line) parts.push(line);
  parts.push(...slide.content.map(block));
  if (slide.notes.length > 0) {
    const notes = slide.notes.map(block).join('\n\n');
    const colons = ':'.repeat(Math.max(3, ...[...notes.matchAll(/^:{3,}/gm)].map((m) => m[0].length + 1)));
    parts.push(`${colons}notes\n${notes}\n${colons}`);
  }
  return parts.join('\n\n');
}

/** Writes a parsed deck as native proofdeck markdown. */
export function deckToMarkdown(deck: Pick<ParsedDeck, 'meta' | 'items'>): string {
  const slides = deck.items.flatMap((item) =>
    item.kind === 'slide' ? [slideText(item.slide, false)] : item.slides.map((s, i) => slideText(s, i > 0)),
  );
  return `${[frontmatter(deck.meta), ...slides.map((text) => `---\n\n${text}`)].join('\n\n')}\n`;
}
