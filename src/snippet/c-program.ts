/**
 * Turns a C/C++ block into a program: `/// ` lines are hidden from the slide but compiled (presenterm's
 * convention for C), and a fragment without `main(` is wrapped in `int main(void) { … return 0; }`
 * with the standard headers it uses. Directives, function and type definitions stay at file scope.
 */
import { splitChunks, type Chunk } from './c-chunks.ts';
import { headersFor } from './c-headers.ts';
import { cStructure } from './c-syntax.ts';
import { maskSource } from './mask.ts';
import { generated, joinLines, type BuiltProgram, type SourceLine } from './source-lines.ts';

const HIDDEN = /^(\s*)\/\/\/(?: |$)/;

/** Hidden-line handling for C: `/// int setup;` compiles `int setup;` and is not shown. */
export function mapCHiddenLine(line: SourceLine): { hidden: boolean; code: SourceLine } {
  const match = HIDDEN.exec(line.text);
  if (!match) return { hidden: false, code: line };
  const cut = match[0].length;
  return {
    hidden: true,
    code: {
      text: (match[1] ?? '') + line.text.slice(cut),
      line: line.line,
      column: line.column + cut - (match[1] ?? '').length,
    },
  };
}

/** Groups chunks that share a line, so a line is never split between file scope and main. */
function destinations(chunks: Chunk[], lineCount: number): ('top' | 'body')[] {
  const where: ('top' | 'body' | undefined)[] = Array.from({ length: lineCount }, () => undefined);
  let groupStart = 0;
  let groupTop = true;
  let lastLine = -1;
  const flush = (end: number): void => {
    for (let line = groupStart; line <= end && line < lineCount; line++) where[line] = groupTop ? 'top' : 'body';
  };
  for (const chunk of chunks) {
    const top = chunk.kind !== 'body';
    if (chunk.first <= lastLine) {
      groupTop = groupTop && top;
    } else {
      if (lastLine >= 0) flush(lastLine);
      // Blank and comment lines before a chunk travel with it.
      groupStart = lastLine + 1;
      groupTop = top;
    }
    lastLine = Math.max(lastLine, chunk.last);
  }
  if (lastLine >= 0) flush(lastLine);
  return where.map((value) => value ?? 'body');
}

const MAIN = /\bmain\s*\(/;

/** True when the code defines or calls `main` itself (then it is compiled as written). */
export function hasCMain(code: string): boolean {
  return MAIN.test(maskSource(code, 'c'));
}

/** The whole C transformation for one block. `wrap: false` for headers and included files. */
export function buildCProgram(
  code: SourceLine[],
  lang: 'c' | 'cpp',
  options: { hidden: boolean; wrap: boolean },
): BuiltProgram {
  const mapped = code.map((line) => (options.hidden ? mapCHiddenLine(line) : { hidden: false, code: line }));
  const displayed = mapped
    .filter((entry) => !entry.hidden)
    .map((entry) => entry.code.text)
    .join('\n');
  const lines = mapped.map((entry) => entry.code);
  const text = joinLines(lines);
  if (!options.wrap) return { displayed, lines, wrapped: false };
  const masked = maskSource(text, 'c');
  if (MAIN.test(masked)) return { displayed, lines, wrapped: false };
  // The syntax tree decides; the bracket-level chunker is the fallback for a tree the grammar could not parse.
  const structure = cStructure(text, lang);
  if (structure.translationUnit) return { displayed, lines, wrapped: false };
  const included = new Set([...text.matchAll(/^\s*#\s*include\s*[<"]([^>"]+)[>"]/gm)].map((match) => match[1] ?? ''));
  const headers = headersFor(masked, lang, included).map((header) => generated(`#include <${header}>`));
  const where = destinations(structure.chunks.length > 0 ? structure.chunks : splitChunks(masked), lines.length);
  const top = lines.filter((_line, index) => where[index] === 'top');
  const body = lines.filter((_line, index) => where[index] === 'body');
  while (body.length > 0 && (body[body.length - 1]?.text.trim() ?? '') === '') body.pop();
  return {
    displayed,
    lines: [
      ...headers,
      ...top,
      generated(lang === 'cpp' ? 'int main() {' : 'int main(void) {'),
      ...body,
      generated('return 0;'),
      generated('}'),
    ],
    wrapped: true,
  };
}
