/** One Slidev slide: its frontmatter keys checked, layout and slots mapped, last comment taken as notes. */
import { parse as parseYaml } from 'yaml';
import { TRANSITIONS } from '../model/deck.ts';
import type { MappedLine, NativeSlide, Warn } from './translation.ts';
import { trimLines } from './translation.ts';

export type Frontmatter = Record<string, unknown>;

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
export const nativeTransition = (value: string): string | undefined => {
  const base = value.replace(/-(left|right|up|down|out)$/, '');
  return (TRANSITIONS as readonly string[]).includes(base) ? base : undefined;
};

export function readYaml(text: string): Frontmatter {
  try {
    const value: unknown = parseYaml(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Frontmatter) : {};
  } catch {
    return {};
  }
}

export function keyLine(text: string, first: number, key: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? first : first + index;
}

export function reportSlideKeys(
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
export function lastCommentAsNotes(lines: MappedLine[]): { body: MappedLine[]; notes: MappedLine[] } {
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

export function makeSlide(
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

/**
 * A slot line as Slidev's slot sugar reads it (`::right::`, `:: sub1 ::`, `::a.b-c::`); the name starts and ends
 * with a word character, so a `:::::` fence line is never a slot.
 */
const SLOT_LINE = /^::\s*(\w(?:[\w.:-]*\w)?)\s*::\s*$/;

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
    const slot = SLOT_LINE.exec(line.text);
    if (slot) name = slot[1] ?? 'default';
    else (parts[name] ??= []).push(line);
  }
  return {
    default: parts.default ?? [],
    left: parts.left ?? [],
    right: parts.right ?? [],
    all: body.filter((l) => !SLOT_LINE.test(l.text)),
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
