/**
 * Blanks out comments and string/char literals (keeping length and newlines) so that simple scans
 * for braces, `fn main` or identifiers never look inside them. Works for Rust and for C.
 */

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function rawStringEnd(text: string, start: number): number | undefined {
  // r"…", r#"…"#, br##"…"##
  const match = /^b?r(#*)"/.exec(text.slice(start, start + 260));
  if (!match) return undefined;
  const close = `"${match[1] ?? ''}`;
  const end = text.indexOf(close, start + match[0].length);
  return end === -1 ? text.length : end + close.length;
}

function quotedEnd(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (c === '\n' && quote === "'") return i;
    else i++;
  }
  return text.length;
}

/** True when `'` at `i` starts a char literal rather than a Rust lifetime/label (`'a`, `'static`). */
function isCharLiteral(text: string, i: number, lang: 'rust' | 'c'): boolean {
  if (lang === 'c') return true;
  if (text[i + 1] === '\\') return true;
  // 'x' (any one code point) closes right after; a lifetime does not.
  const cp = text.codePointAt(i + 1);
  const width = cp !== undefined && cp > 0xffff ? 2 : 1;
  return text[i + 1 + width] === "'";
}

/** `text` with comments and literals replaced by spaces (quotes kept so literals stay visible as tokens). */
export function maskSource(text: string, lang: 'rust' | 'c'): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      let depth = 0;
      let j = i;
      // Rust block comments nest; C ones do not.
      while (j < text.length) {
        if (text.startsWith('/*', j)) {
          depth++;
          j += 2;
          if (lang === 'c' && depth > 1) depth = 1;
        } else if (text.startsWith('*/', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      out += blank(text.slice(i, j));
      i = j;
    } else if (
      lang === 'rust' &&
      (c === 'r' || c === 'b') &&
      /[\w]/.test(text[i - 1] ?? ' ') === false &&
      rawStringEnd(text, i) !== undefined
    ) {
      const end = rawStringEnd(text, i) ?? text.length;
      out += `"${blank(text.slice(i + 1, end - 1))}"`;
      i = end;
    } else if (c === '"' || (c === "'" && isCharLiteral(text, i, lang))) {
      const end = quotedEnd(text, i, c);
      out += c + blank(text.slice(i + 1, Math.max(i + 1, end - 1))) + (end - 1 > i ? c : '');
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
