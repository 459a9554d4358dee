/**
 * A dialect deck (Marp, Slidev) translated into native proofdeck markdown: the text `proofdeck convert`
 * prints and `build --from <dialect>` parses, with a map from every output line back to the user's line
 * so diagnostics keep pointing into the original file.
 */
import type { RuleId } from '../report/rules.ts';

/** Something the dialect says that proofdeck cannot honour: reported as a positioned warning. */
export interface DialectWarning {
  line: number;
  column: number;
  ruleId: RuleId;
  reason: string;
  hint: string;
}

/** Reports a dialect warning at a line and column of the user's file. */
export type Warn = (
  line: number,
  column: number,
  reason: string,
  hint: string,
  ruleId: DialectWarning['ruleId'],
) => void;

/** Per-slide attributes in native `::slide{…}` terms. */
interface NativeSlideAttributes {
  classes: string[];
  background?: string;
  backgroundImage?: string;
  /** CSS background-size of the background image (Marp `![bg contain]`), as reveal.js's data-background-size. */
  backgroundSize?: string;
  transition?: string;
  /** Slidev `hide:`/`disabled:`: checked, never shown (`::slide{hidden}`). */
  hidden?: boolean;
}

/** One line of the translated text and the source line it stands for. */
export interface MappedLine {
  text: string;
  /** 1-based line in the dialect source. */
  source: number;
}

/** One slide in native terms: its attributes, its content lines and its notes lines. */
export interface NativeSlide {
  /** Source line where the slide starts. */
  line: number;
  attributes: NativeSlideAttributes;
  content: MappedLine[];
  notes: MappedLine[];
}

/** The whole translated deck. */
export interface Translation {
  markdown: string;
  /** `lineMap[i]` is the source line of output line `i + 1`. */
  lineMap: number[];
  warnings: DialectWarning[];
  /** Number of slides written (the dialect's visible slides). */
  slideCount: number;
}

/** Native frontmatter values; written in this key order, absent keys omitted. */
export type NativeFrontmatter = Record<string, string | number | boolean | undefined>;

const quote = (value: string): string => JSON.stringify(value);

function yamlValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return /^[\w .,!?()'-]*$/.test(value) && !/^\s|\s$|^(true|false|null|~|\d.*)$/i.test(value) && value !== ''
    ? value
    : quote(value);
}

function attributeLine(attributes: NativeSlideAttributes): string | undefined {
  const parts = attributes.classes.map((name) => `.${name}`);
  if (attributes.background) parts.push(`background=${quote(attributes.background)}`);
  if (attributes.backgroundImage) parts.push(`background-image=${quote(attributes.backgroundImage)}`);
  if (attributes.backgroundSize) parts.push(`data-background-size=${quote(attributes.backgroundSize)}`);
  if (attributes.transition) parts.push(`transition=${quote(attributes.transition)}`);
  if (attributes.hidden) parts.push('hidden');
  return parts.length === 0 ? undefined : `::slide{${parts.join(' ')}}`;
}

/** Drops leading and trailing blank lines. */
export function trimLines(lines: MappedLine[]): MappedLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.text.trim() === '') start++;
  while (end > start && lines[end - 1]?.text.trim() === '') end--;
  return lines.slice(start, end);
}

/**
 * Writes native proofdeck markdown: frontmatter, then each slide after a `---` break, its `::slide{…}`
 * line, its content and a `:::notes` container. Every slide starts with `---` so a heading inside it
 * never opens another slide (the frontmatter sets `slideLevel: 0`).
 */
export function emitNative(
  frontmatter: NativeFrontmatter,
  slides: readonly NativeSlide[],
  warnings: DialectWarning[],
): Translation {
  const out: MappedLine[] = [{ text: '---', source: 1 }];
  for (const [key, value] of Object.entries(frontmatter)) {
    if (value !== undefined) out.push({ text: `${key}: ${yamlValue(value)}`, source: 1 });
  }
  out.push({ text: '---', source: 1 });
  for (const slide of slides) {
    out.push({ text: '', source: slide.line }, { text: '---', source: slide.line }, { text: '', source: slide.line });
    const attributes = attributeLine(slide.attributes);
    if (attributes) out.push({ text: attributes, source: slide.line }, { text: '', source: slide.line });
    const content = trimLines(slide.content);
    out.push(...content);
    const notes = trimLines(slide.notes);
    if (notes.length > 0) {
      const at = notes[0]?.source ?? slide.line;
      if (content.length > 0) out.push({ text: '', source: at });
      out.push({ text: notes.some((l) => /^\s*:{3,}/.test(l.text)) ? '::::notes' : ':::notes', source: at });
      out.push(...notes);
      out.push({ text: notes.some((l) => /^\s*:{3,}/.test(l.text)) ? '::::' : ':::', source: at });
    }
  }
  return {
    markdown: `${out.map((l) => l.text).join('\n')}\n`,
    lineMap: out.map((l) => l.source),
    warnings,
    slideCount: slides.length,
  };
}

/** Splits text into mapped lines starting at a 1-based source line. */
export function mapLines(text: string, firstLine: number): MappedLine[] {
  return text.split(/\r?\n/).map((line, index) => ({ text: line, source: firstLine + index }));
}
