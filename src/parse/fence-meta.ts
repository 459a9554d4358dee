/**
 * Parses a fenced block's info string: ```` ```c id=uaf asan=heap-use-after-free {3|5-6} ````.
 *
 * Tokens are separated by whitespace or commas (rustdoc writes `rust,compile_fail,E0382`).
 * A token is a bare word (`no_run`), `key=value`, `key="quoted value"`, or a `{…}` line spec (reveal.js: `[…]`).
 */
import type { Code, Root } from 'mdast';
import { visit } from './visit.ts';

declare module 'mdast' {
  interface CodeData {
    /** The fence's info string, parsed once ({@link fenceMeta}) and read by snippets, diagrams and renderers. */
    fenceMeta?: FenceMeta;
  }
}

/** One attribute from the info string with its column offset inside the info string. */
export interface FenceAttribute {
  key: string;
  /** `undefined` for a bare flag. */
  value?: string;
  /** 0-based offset of the token within `lang + ' ' + meta`. */
  offset: number;
}

/** Line-highlight steps: each step is a set of 1-based lines; `[]` means "all lines". */
export type HighlightSteps = number[][];

export interface FenceMeta {
  lang: string;
  attributes: FenceAttribute[];
  /** `undefined` when the fence has no `{…}` spec. */
  highlight?: HighlightSteps;
  /** Problems found while parsing, with offsets into the info string. */
  /** `lineSpec` marks a bad `{1-2|4}` highlight spec: rule deck/line-spec, for every language. */
  errors: { message: string; offset: number; lineSpec?: true; options?: true }[];
}

/**
 * The one list of attributes about how a block is shown, valid on every block and never a claim about the
 * program: the snippet attribute grammars accept them (no "unknown attribute" on a C or Rust block) and offer
 * them as did-you-mean spellings.
 */
export const DISPLAY_ATTRIBUTES = {
  /** `fit=false`: the block keeps its size (render/deck/fit.ts); skipped before the proof grammars. */
  fit: 'fit',
  /** `show=output`: the slide also shows what the proof printed; its value is checked by snippet/show.ts. */
  show: 'show',
  /** `title=`/`filename=` (mdBook, Docusaurus, Quarto `filename=`) put a caption above the block. */
  title: 'title',
  filename: 'filename',
} as const;

/** Every display attribute key, for membership tests and suggestions. */
export const DISPLAY_KEYS: readonly string[] = Object.values(DISPLAY_ATTRIBUTES);

const LINE_SPEC = /^\{([^}]*)\}$/;

/** Splits an info string into raw tokens, keeping quoted values and `{…}` together. */
function tokenizeInfo(info: string): { text: string; offset: number }[] {
  const tokens: { text: string; offset: number }[] = [];
  let i = 0;
  while (i < info.length) {
    const ch = info[i] ?? '';
    if (/[\s,]/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    let inQuote = false;
    let inBrace = false;
    while (i < info.length) {
      const c = info[i] ?? '';
      if (c === '"') inQuote = !inQuote;
      else if (!inQuote && (c === '{' || (c === '[' && i === start))) inBrace = true;
      else if (!inQuote && (c === '}' || c === ']')) inBrace = false;
      else if (!inQuote && !inBrace && /[\s,]/.test(c)) break;
      i++;
    }
    tokens.push({ text: info.slice(start, i), offset: start });
  }
  return tokens;
}

/** The highest line a highlight spec may name; no slide shows a longer block. */
const MAX_HIGHLIGHT_LINE = 10_000;

/** Parses `1-2|4|all` into steps of line numbers. */
export function parseLineSpec(spec: string): { steps: HighlightSteps } | { error: string } {
  const steps: HighlightSteps = [];
  for (const part of spec.split('|')) {
    const trimmed = part.trim();
    if (trimmed === '' || trimmed === 'all' || trimmed === '*') {
      steps.push([]);
      continue;
    }
    const lines = new Set<number>();
    for (const range of trimmed.split(',')) {
      const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(range);
      if (!match) return { error: `invalid line range "${range.trim()}" (expected e.g. {1-2|4|all})` };
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (from < 1 || to < from) return { error: `invalid line range "${range.trim()}"` };
      // Expanded line by line below: a typo such as 1-20000000 must not cost memory and seconds.
      if (to > MAX_HIGHLIGHT_LINE)
        return { error: `invalid line range "${range.trim()}" (lines are counted up to ${MAX_HIGHLIGHT_LINE})` };
      for (let n = from; n <= to; n++) lines.add(n);
    }
    steps.push([...lines].sort((a, b) => a - b));
  }
  return { steps };
}

/** Parses a code fence's `lang` and `meta` (as remark splits them) into attributes. */
export function parseFenceMeta(lang: string | null | undefined, meta: string | null | undefined): FenceMeta {
  const info = [lang ?? '', meta ?? ''].filter(Boolean).join(' ');
  const tokens = tokenizeInfo(info);
  const result: FenceMeta = { lang: '', attributes: [], errors: [] };
  tokens.forEach((token, index) => {
    const spec = LINE_SPEC.exec(token.text);
    if (spec) {
      // `{scale: 0.5}`, `{lines: true}`: a block options object (Slidev, Vitepress), not a line spec.
      if (spec[1]?.includes(':')) {
        const message = `block options ${token.text} are not supported; the block is shown as it is`;
        result.errors.push({ message, offset: token.offset, lineSpec: true, options: true });
        return;
      }
      // `{python}`, `{r echo=false}`: an executable cell (Quarto, knitr), which the dialect reports; not a spec.
      if (/^[A-Za-z_]/.test(spec[1] ?? '') && !/^all\b/.test(spec[1] ?? '')) return;
      const parsed = parseLineSpec(spec[1] ?? '');
      if ('error' in parsed) result.errors.push({ message: parsed.error, offset: token.offset, lineSpec: true });
      else result.highlight = parsed.steps;
      return;
    }
    // reveal.js's markdown plugin spells the steps in brackets: ```` ```js [1-2|3] ````.
    const bracket = index > 0 ? /^\[([^\]]*)\]$/.exec(token.text) : null;
    if (bracket) {
      if (bracket[1]?.includes(':')) {
        const message = `line number offset ${token.text} is not supported; the block is shown as it is`;
        result.errors.push({ message, offset: token.offset, lineSpec: true, options: true });
        return;
      }
      const parsed = parseLineSpec(bracket[1] ?? '');
      if ('error' in parsed) result.errors.push({ message: parsed.error, offset: token.offset, lineSpec: true });
      else result.highlight = parsed.steps;
      return;
    }
    if (index === 0 && !token.text.includes('=')) {
      result.lang = token.text.toLowerCase();
      return;
    }
    const eq = token.text.indexOf('=');
    if (eq === -1) {
      result.attributes.push({ key: token.text, offset: token.offset });
      return;
    }
    const key = token.text.slice(0, eq);
    let value = token.text.slice(eq + 1);
    if (value.startsWith('"')) {
      if (value.length < 2 || !value.endsWith('"')) {
        result.errors.push({ message: `unterminated quoted value for "${key}"`, offset: token.offset });
        return;
      }
      value = value.slice(1, -1);
    }
    if (key === '') {
      result.errors.push({ message: `attribute without a name: "${token.text}"`, offset: token.offset });
      return;
    }
    result.attributes.push({ key, value, offset: token.offset });
  });
  return result;
}

/** A fence's parsed info string: parsed on first use and kept on the node, so every stage reads one record. */
export function fenceMeta(node: Code): FenceMeta {
  node.data ??= {};
  node.data.fenceMeta ??= parseFenceMeta(node.lang, node.meta);
  return node.data.fenceMeta;
}

/** Parses every fence's info string once, right after parsing. */
export function attachFenceMeta(tree: Root): void {
  visit(tree, 'code', (node) => {
    fenceMeta(node);
  });
}
