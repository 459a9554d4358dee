/**
 * Pandoc fenced divs (`::: notes`, `::: {.column width="40%"}`, nested divs closed by bare `:::`) as
 * remark-directive containers: `:::name{attrs}`, with more colons outside than inside, as micromark needs.
 */
import type { SourceEdit } from './types.ts';

const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DIV_OPEN = /^( {0,3})(:{3,})[ \t]*(\{[^}]*\}|[A-Za-z][\w-]*(?:[ \t]*\{[^}]*\})?)[ \t]*:*[ \t]*$/;
const DIV_CLOSE = /^ {0,3}:{3,}[ \t]*$/;

interface Line {
  start: number;
  text: string;
}

function lines(source: string, from: number): Line[] {
  const result: Line[] = [];
  let start = from;
  while (start <= source.length) {
    const end = source.indexOf('\n', start);
    const stop = end === -1 ? source.length : end;
    result.push({ start, text: source.slice(start, stop).replace(/\r$/, '') });
    if (end === -1) break;
    start = end + 1;
  }
  return result;
}

/** `{.a .b #id k=v}` or `name` or `name {…}` → directive name and remaining attribute block. */
function divNameAndAttributes(spec: string): { name: string; attributes: string } {
  const braced = /^([A-Za-z][\w-]*)?[ \t]*(?:\{([^}]*)\})?$/.exec(spec.trim());
  const word = braced?.[1];
  const inner = (braced?.[2] ?? '').trim();
  if (word) return { name: word, attributes: inner ? `{${inner}}` : '' };
  const tokens = inner.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
  const firstClass = tokens.findIndex((token) => /^\.[A-Za-z][\w-]*$/.test(token));
  if (firstClass === -1) return { name: 'div', attributes: inner ? `{${inner}}` : '' };
  const name = (tokens[firstClass] ?? '.div').slice(1);
  const rest = tokens.filter((_, index) => index !== firstClass).join(' ');
  return { name, attributes: rest ? `{${rest}}` : '' };
}

interface Div {
  open: Line;
  indent: string;
  name: string;
  attributes: string;
  close?: Line;
  height: number;
  pandocSpelling: boolean;
}

/**
 * Edits turning pandoc div fences into directive fences. With `renest`, bare `:::` closes the innermost open
 * div (pandoc's rule) and colons are recounted; without it (native decks), only the spelling of openings
 * with a space or braces changes and the colons stay as written.
 */
export function pandocDivEdits(source: string, bodyStart: number, options: { renest: boolean }): SourceEdit[] {
  const edits: SourceEdit[] = [];
  const stack: Div[] = [];
  const all: Div[] = [];
  let fence: string | undefined;
  for (const line of lines(source, bodyStart)) {
    const code = CODE_FENCE.exec(line.text);
    if (fence) {
      if (
        code &&
        code[1]?.[0] === fence[0] &&
        (code[1]?.length ?? 0) >= fence.length &&
        !/\S/.test(line.text.slice(code[0].length))
      )
        fence = undefined;
      continue;
    }
    if (code) {
      fence = code[1];
      continue;
    }
    const open = DIV_OPEN.exec(line.text);
    if (open) {
      const spec = open[3] ?? '';
      const { name, attributes } = divNameAndAttributes(spec);
      const div: Div = {
        open: line,
        indent: open[1] ?? '',
        name,
        attributes,
        height: 0,
        pandocSpelling:
          /^[ \t]|\{/.test(line.text.slice((open[1] ?? '').length + (open[2] ?? '').length)) || name === 'div',
      };
      if (!options.renest && !div.pandocSpelling) continue;
      all.push(div);
      if (options.renest) stack.push(div);
      else
        edits.push({
          start: line.start,
          end: line.start + line.text.length,
          text: `${div.indent}${open[2]}${name}${attributes}`,
        });
      continue;
    }
    if (options.renest && DIV_CLOSE.test(line.text)) {
      const div = stack.pop();
      if (!div) continue;
      div.close = line;
      const parent = stack.at(-1);
      if (parent) parent.height = Math.max(parent.height, div.height + 1);
    }
  }
  if (!options.renest) return edits;
  // Unclosed divs run to the end of the file, as in pandoc; their parents still count their height.
  for (let i = stack.length - 1; i > 0; i--) {
    const div = stack[i];
    const parent = stack[i - 1];
    if (div && parent) parent.height = Math.max(parent.height, div.height + 1);
  }
  for (const div of all) {
    const colons = ':'.repeat(3 + div.height);
    edits.push({
      start: div.open.start,
      end: div.open.start + div.open.text.length,
      text: `${div.indent}${colons}${div.name}${div.attributes}`,
    });
    if (div.close) edits.push({ start: div.close.start, end: div.close.start + div.close.text.length, text: colons });
  }
  return edits;
}
