/**
 * mdBook's include links inside a code block, expanded before the block is read as a program, as mdBook
 * expands them before rustdoc sees the chapter (guide: format/mdbook.md; mdBook's utils/string.rs):
 *
 * - `{{#include file.rs}}` the whole file; `file.rs:N` line N; `file.rs:N:M`, `file.rs:N:`, `file.rs::M`
 *   a 1-based inclusive line range; `file.rs:name` the lines between `ANCHOR: name` and `ANCHOR_END: name`
 *   (lines holding other anchors' markers are dropped).
 * - `{{#rustdoc_include …}}` the whole file, every line outside the range or anchor hidden with `# `: the
 *   slide shows the part, the compiler sees the whole program.
 * - `\{{#include …}}` is the literal text `{{#include …}}`.
 *
 * Paths are relative to the markdown file and must stay inside the project root. Unlike mdBook, an anchor
 * that is not in the file or a range past its end is an error, not an empty block that proves nothing.
 * Included lines keep the position of the include link in the markdown, so a compiler error points there.
 */
import { resolveInclude } from './include.ts';
import type { SourceLine } from './source-lines.ts';

/** Why an include link could not be expanded, and where it is in the markdown. */
export interface BookIncludeProblem {
  ruleId: 'snippet/missing-include' | 'snippet/include-outside-root' | 'snippet/unknown-region';
  message: string;
  hint: string;
  line: number;
  /** 1-based column of the link. */
  column: number;
}

const LINK = /(\\?)\{\{\s*#(include|rustdoc_include)\s+([^}\s]+)\s*\}\}/;
const ANCHOR_START = /ANCHOR:\s*([\w-]+)/;
const ANCHOR_END = /ANCHOR_END:\s*([\w-]+)/;

/** What part of the file a link names: all of it, 1-based inclusive lines, or an anchor. */
type Part = { kind: 'all' } | { kind: 'lines'; from: number; to: number } | { kind: 'anchor'; name: string };

function parsePart(rest: string[]): Part {
  const [first, second] = rest;
  if (first === undefined) return { kind: 'all' };
  const number = (text: string | undefined, fallback: number) => (text ? Number(text) : fallback);
  const isNumber = (text: string | undefined) => text === undefined || text === '' || /^\d+$/.test(text);
  if (!isNumber(first) || !isNumber(second)) return { kind: 'anchor', name: rest.join(':') };
  if (second === undefined) return { kind: 'lines', from: number(first, 1), to: number(first, Infinity) };
  return { kind: 'lines', from: number(first, 1), to: number(second, Infinity) };
}

/** Index of each file line and whether it is in the part; undefined when the part is not in the file. */
function select(lines: readonly string[], part: Part): { text: string; inside: boolean }[] | undefined {
  if (part.kind === 'all') return lines.map((text) => ({ text, inside: true }));
  if (part.kind === 'lines') {
    if (part.from < 1 || part.from > lines.length || part.to < part.from) return undefined;
    return lines.map((text, index) => ({ text, inside: index + 1 >= part.from && index + 1 <= part.to }));
  }
  let state: 'before' | 'inside' | 'after' = 'before';
  const kept: { text: string; inside: boolean }[] = [];
  for (const text of lines) {
    const start = ANCHOR_START.exec(text)?.[1];
    const end = ANCHOR_END.exec(text)?.[1];
    if (state === 'inside' && end === part.name) state = 'after';
    else if (state === 'before' && start === part.name && end === undefined) state = 'inside';
    // Marker lines of any anchor are never part of the program text.
    else if (start === undefined && end === undefined) kept.push({ text, inside: state === 'inside' });
  }
  return state === 'before' ? undefined : kept;
}

/** The text a link stands for: the part (include), or the whole file with the rest hidden (rustdoc_include). */
function expansion(lines: readonly string[], part: Part, rustdoc: boolean): string[] | undefined {
  const selected = select(lines, part);
  if (!selected) return undefined;
  return rustdoc
    ? selected.map(({ text, inside }) => (inside ? text : `# ${text}`))
    : selected.filter(({ inside }) => inside).map(({ text }) => text);
}

const describe = (part: Part): string =>
  part.kind === 'anchor' ? `anchor \`${part.name}\`` : part.kind === 'lines' ? `lines ${part.from}–${part.to}` : '';

/**
 * The block's lines with every mdBook include link replaced by what it names, or the first problem.
 * `markdownPath` is the chapter's file, `root` the folder includes must stay in.
 */
export function expandBookIncludes(
  lines: readonly SourceLine[],
  markdownPath: string,
  root: string,
): { lines: SourceLine[] } | { problem: BookIncludeProblem } {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const match = LINK.exec(line.text);
    if (!match) {
      out.push(line);
      continue;
    }
    const [whole, escape, kind, spec] = match as unknown as [string, string, string, string];
    const before = line.text.slice(0, match.index);
    const after = line.text.slice(match.index + whole.length);
    if (escape) {
      out.push({ ...line, text: `${before}${whole.slice(1)}${after}` });
      continue;
    }
    const at = { line: line.line, column: line.column + match.index + 1 };
    const [file = '', ...rest] = spec.split(':');
    const resolved = resolveInclude({ spec, path: file }, markdownPath, root);
    if (!resolved.ok) return { problem: { ...resolved, ...at } };
    const part = parsePart(rest);
    const text = expansion(resolved.text.split('\n'), part, kind === 'rustdoc_include');
    if (!text)
      return {
        problem: {
          ruleId: 'snippet/unknown-region',
          message: `${describe(part)} not found in \`${file}\``,
          hint:
            part.kind === 'anchor'
              ? `mark it with \`// ANCHOR: ${part.name}\` … \`// ANCHOR_END: ${part.name}\``
              : `the file has ${resolved.text.split('\n').length} lines`,
          ...at,
        },
      };
    const last = text.length - 1;
    text.forEach((included, index) =>
      out.push({
        text: `${index === 0 ? before : ''}${included}${index === last ? after : ''}`,
        line: line.line,
        column: index === 0 ? line.column : at.column - 1,
      }),
    );
  }
  return { lines: out };
}
