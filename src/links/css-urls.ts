/**
 * The files a stylesheet names: `url(…)` tokens and `@import "…"`, read with CSS Syntax Level 3's tokenizer rules
 * (comments and strings hide what looks like a url, escapes are decoded, a bad url is no url). A small tokenizer
 * instead of a CSS parser: proofdeck needs the urls only, and a test checks it against css-tree's.
 */

/** One file reference in a stylesheet: its decoded url and the text range of the whole token. */
export interface CssUrl {
  url: string;
  /** Offsets of the token in the stylesheet (`url(…)` or the `@import` string), to rewrite it. */
  start: number;
  end: number;
}

const isWhitespace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n';
const isIdentChar = (char: string | undefined): boolean =>
  char !== undefined && (/[A-Za-z0-9_-]/.test(char) || char.charCodeAt(0) >= 0x80);

/** Newlines as the CSS preprocessor leaves them: `\r\n`, `\r` and form feeds are one `\n`. */
function preprocess(css: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (let at = 0; at < css.length; at += 1) {
    const char = css[at] ?? '';
    offsets.push(at);
    if (char === '\r' && css[at + 1] === '\n') at += 1;
    text += char === '\r' || char === '\f' ? '\n' : char === '\0' ? '\uFFFD' : char;
  }
  offsets.push(css.length);
  return { text, offsets };
}

/** The character an escape at `at` (the backslash) stands for, and where the escape ends. */
function escape(text: string, at: number): { value: string; end: number } {
  const hex = /^[0-9a-fA-F]{1,6}/.exec(text.slice(at + 1, at + 7))?.[0];
  if (!hex) return { value: text[at + 1] ?? '\uFFFD', end: Math.min(at + 2, text.length) };
  const code = Number.parseInt(hex, 16);
  const end = at + 1 + hex.length + (isWhitespace(text[at + 1 + hex.length]) ? 1 : 0);
  const valid = code !== 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return { value: valid ? String.fromCodePoint(code) : '\uFFFD', end };
}

/** A string token at `at` (its quote): its value, where it ends, and whether a newline cut it (a bad string). */
function readString(text: string, at: number): { value: string; end: number; bad: boolean } {
  const quote = text[at];
  let value = '';
  let index = at + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === quote) return { value, end: index + 1, bad: false };
    if (char === '\n') return { value, end: index, bad: true };
    if (char === '\\') {
      if (text[index + 1] === '\n') index += 2;
      else if (index + 1 >= text.length) index += 1;
      else {
        const decoded = escape(text, index);
        value += decoded.value;
        index = decoded.end;
      }
      continue;
    }
    value += char;
    index += 1;
  }
  return { value, end: index, bad: false };
}

/** An unquoted url's body from `at` (after `url(` and whitespace): its value, or undefined for a bad url. */
function readUnquotedUrl(text: string, at: number): { value: string | undefined; end: number } {
  let value = '';
  let index = at;
  let bad = false;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === ')') return { value: bad ? undefined : value, end: index + 1 };
    if (isWhitespace(char)) {
      let next = index;
      while (isWhitespace(text[next])) next += 1;
      if (text[next] === ')' || next >= text.length) return { value: bad ? undefined : value, end: next + 1 };
      bad = true;
      index = next;
    } else if (char === '\\' && text[index + 1] !== '\n' && index + 1 < text.length) {
      const decoded = escape(text, index);
      value += decoded.value;
      index = decoded.end;
    } else {
      if (char === '"' || char === "'" || char === '(' || char === '\\' || /[\0-\x08\x0b\x0e-\x1f\x7f]/.test(char))
        bad = true;
      value += char;
      index += 1;
    }
  }
  return { value: bad ? undefined : value, end: index };
}

/** After `url(` and whitespace, a quoted url: the string, then whitespace and `)`. */
function readQuotedUrl(text: string, at: number): { value: string | undefined; end: number } {
  const string = readString(text, at);
  let index = string.end;
  while (isWhitespace(text[index])) index += 1;
  const closed = text[index] === ')';
  return { value: !string.bad && closed ? string.value : undefined, end: closed ? index + 1 : index };
}

/** Whether a name starts at `at`: a name character, or an escape. */
function startsName(text: string, at: number): boolean {
  return isIdentChar(text[at]) || (text[at] === '\\' && text[at + 1] !== '\n' && at + 1 < text.length);
}

/** A name (identifier characters and escapes) from `at`, decoded. */
function readName(text: string, at: number): { value: string; end: number } {
  let value = '';
  let index = at;
  while (startsName(text, index)) {
    if (text[index] === '\\') {
      const decoded = escape(text, index);
      value += decoded.value;
      index = decoded.end;
    } else {
      value += text[index];
      index += 1;
    }
  }
  return { value, end: index };
}

/** Every `url(…)` and `@import "…"` of a stylesheet, in order. */
export function cssUrls(css: string): CssUrl[] {
  const { text, offsets } = preprocess(css);
  const found: CssUrl[] = [];
  const push = (url: string | undefined, start: number, end: number) => {
    if (url !== undefined) found.push({ url, start: offsets[start] ?? 0, end: offsets[end] ?? css.length });
  };
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '/' && text[at + 1] === '*') {
      const close = text.indexOf('*/', at + 2);
      at = close < 0 ? text.length : close + 2;
    } else if (char === '"' || char === "'") at = readString(text, at).end;
    else if (startsName(text, at) || (char === '@' && startsName(text, at + 1))) {
      // A whole name at once (escapes decoded), so the `url` of `myurl(` is no url and `u\72l(` is one.
      const start = at;
      const name = readName(text, char === '@' ? at + 1 : at);
      at = name.end;
      if (char !== '@' && name.value.toLowerCase() === 'url' && text[at] === '(') {
        let body = at + 1;
        while (isWhitespace(text[body])) body += 1;
        const quoted = text[body] === '"' || text[body] === "'";
        const read = quoted ? readQuotedUrl(text, body) : readUnquotedUrl(text, body);
        push(read.value, start, read.end);
        at = Math.max(read.end, at + 1);
      } else if (char === '@' && name.value.toLowerCase() === 'import') {
        while (isWhitespace(text[at])) at += 1;
        if (text[at] !== '"' && text[at] !== "'") continue;
        const string = readString(text, at);
        if (!string.bad) push(string.value, at, string.end);
        at = string.end;
      }
    } else at += 1;
  }
  return found;
}
