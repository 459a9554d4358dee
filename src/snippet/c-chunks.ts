/**
 * Splits a C fragment into top-level chunks (directives, function definitions, type definitions,
 * statements/declarations), so a wrapper can leave definitions at file scope and put the rest in main.
 */

/** Where a chunk goes when the fragment is wrapped in `main`. */
type ChunkKind = 'directive' | 'function' | 'type' | 'body';

/** A top-level chunk: 0-based first and last line index in the fragment. */
export interface Chunk {
  kind: ChunkKind;
  first: number;
  last: number;
}

const STATEMENT_START = /^(if|else|for|while|do|switch|return|goto|break|continue|case|default)\b/;

function classify(text: string): ChunkKind {
  const trimmed = text.trim();
  if (trimmed.startsWith('#')) return 'directive';
  if (/^typedef\b/.test(trimmed) || /^(struct|union|enum)\s+\w+\s*\{[\s\S]*\}\s*;$/.test(trimmed)) return 'type';
  if (trimmed.endsWith('}') && !STATEMENT_START.test(trimmed)) {
    const head = trimmed.slice(0, trimmed.indexOf('{')).trim();
    // `int add(int a, int b)`, `static void *make(size_t n)`: a declarator ending in a parameter list.
    if (
      /^[A-Za-z_][\w\s*]*\b[A-Za-z_]\w*\s*\([^;]*\)$/.test(head) &&
      /\s|\*/.test(head.slice(0, head.indexOf('(')).trim())
    )
      return 'function';
  }
  return 'body';
}

function lineOf(masked: string, index: number): number {
  let line = 0;
  for (let i = 0; i < index && i < masked.length; i++) if (masked[i] === '\n') line++;
  return line;
}

/** Chunks of `masked` (a fragment with comments and literals blanked), in source order. */
export function splitChunks(masked: string): Chunk[] {
  const chunks: Chunk[] = [];
  let depth = 0;
  let start = -1;
  const close = (end: number): void => {
    if (start === -1) return;
    chunks.push({
      kind: classify(masked.slice(start, end)),
      first: lineOf(masked, start),
      last: lineOf(masked, end - 1),
    });
    start = -1;
  };
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i] ?? '';
    if (start === -1) {
      if (/\s/.test(c)) continue;
      start = i;
      if (c === '#' && depth === 0) {
        // A directive runs to the end of the line, plus backslash continuations.
        let end = masked.indexOf('\n', i);
        while (end !== -1 && masked[end - 1] === '\\') end = masked.indexOf('\n', end + 1);
        i = end === -1 ? masked.length : end;
        close(i);
        continue;
      }
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        const text = masked.slice(start, i + 1).trim();
        // Initialisers and type definitions end at their `;`, functions and blocks at their `}`.
        const needsSemicolon = /^(struct|union|enum|typedef)\b/.test(text) || /=\s*\{/.test(text) || /^do\b/.test(text);
        if (!needsSemicolon) close(i + 1);
      }
    } else if (c === ';' && depth === 0) close(i + 1);
  }
  close(masked.length);
  return chunks;
}
