/**
 * Does a Rust snippet define its own `fn main`? A token-level model of rustdoc's check: rustdoc parses
 * top-level items until the first thing that is not an item (a statement such as `let x = 1;`), and
 * finds `fn main` only among those items. If it saw a macro call and no main, it falls back to a text
 * search for "fn main" outside `//` comments (rust-lang/rust#56898).
 */
import { maskSource } from './mask.ts';

const ITEM_KEYWORDS = new Set([
  'fn',
  'struct',
  'enum',
  'union',
  'trait',
  'impl',
  'mod',
  'use',
  'const',
  'static',
  'type',
  'extern',
  'macro_rules',
  'auto',
]);
const QUALIFIERS = new Set(['pub', 'async', 'unsafe', 'default', 'safe', 'const', 'extern']);
const BLOCK_ITEMS = new Set(['fn', 'struct', 'enum', 'union', 'trait', 'impl', 'mod', 'macro_rules', 'extern']);

interface Token {
  text: string;
  index: number;
}

function tokenize(masked: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /[A-Za-z_][A-Za-z0-9_]*|"[^"]*"|'[^']*'|::|->|=>|\S/g;
  for (let match = pattern.exec(masked); match; match = pattern.exec(masked))
    tokens.push({ text: match[0], index: match.index });
  return tokens;
}

/** Index just past the balanced group that opens at `start` (`(`, `[` or `{`). */
function skipGroup(tokens: Token[], start: number): number {
  const open = tokens[start]?.text ?? '';
  const close = open === '(' ? ')' : open === '[' ? ']' : '}';
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const text = tokens[i]?.text;
    if (text === open) depth++;
    else if (text === close && --depth === 0) return i + 1;
  }
  return tokens.length;
}

/** Index just past the item starting at `start`: its `;`, or its closing `}` for block items. */
function skipItem(tokens: Token[], start: number, keyword: string): number {
  for (let i = start; i < tokens.length; ) {
    const text = tokens[i]?.text;
    if (text === ';') return i + 1;
    if (text === '(' || text === '[') {
      i = skipGroup(tokens, i);
      continue;
    }
    if (text === '{') {
      const end = skipGroup(tokens, i);
      if (BLOCK_ITEMS.has(keyword)) return tokens[end]?.text === ';' ? end + 1 : end;
      i = end;
      continue;
    }
    i++;
  }
  return tokens.length;
}

/** rustdoc's answer to "does this doctest have a `fn main`?" (see module comment). */
export function hasMainFn(source: string): boolean {
  const masked = maskSource(source, 'rust');
  const tokens = tokenize(masked);
  let foundMacro = false;
  let i = 0;
  while (i < tokens.length) {
    const text = tokens[i]?.text ?? '';
    if (text === ';') {
      i++;
      continue;
    }
    if (text === '#' && tokens[i + 1]?.text === '[') {
      i = skipGroup(tokens, i + 1);
      continue;
    }
    if (text === 'pub' && tokens[i + 1]?.text === '(') {
      i = skipGroup(tokens, i + 1);
      continue;
    }
    if (QUALIFIERS.has(text) && text !== 'const' && text !== 'extern') {
      i++;
      continue;
    }
    if (text === 'extern' && tokens[i + 1]?.text.startsWith('"')) {
      i += 2;
      continue;
    }
    if (
      text === 'const' &&
      (tokens[i + 1]?.text === 'fn' || tokens[i + 1]?.text === 'unsafe' || tokens[i + 1]?.text === 'async')
    ) {
      i++;
      continue;
    }
    if (text === 'fn') {
      if (tokens[i + 1]?.text === 'main') return true;
      i = skipItem(tokens, i, 'fn');
      continue;
    }
    if (ITEM_KEYWORDS.has(text)) {
      i = skipItem(tokens, i, text === 'extern' && tokens[i + 1]?.text === 'crate' ? 'use' : text);
      continue;
    }
    if (/^[A-Za-z_]/.test(text) && tokens[i + 1]?.text === '!') {
      foundMacro = true;
      i = skipItem(tokens, i, 'macro_rules');
      continue;
    }
    break;
  }
  // Macro calls inside the items rustdoc parsed (e.g. `println!` in a helper fn) count too.
  const parsed = masked.slice(0, tokens[i]?.index ?? masked.length);
  if (/\b[A-Za-z_]\w*\s*!\s*[([{]/.test(parsed)) foundMacro = true;
  if (!foundMacro) return false;
  return source.split('\n').some((line) => {
    const comment = line.indexOf('//');
    return (comment === -1 ? line : line.slice(0, comment)).includes('fn main');
  });
}
