/**
 * Does a Rust snippet define its own `fn main`? A token-level model of rustdoc's `parse_source`
 * (src/librustdoc/doctest/make.rs, rustdoc 1.88+): the block is parsed as the body of a function, one
 * statement at a time. `fn main` counts only as a top-level item, or as the tokens `fn main (` inside the
 * arguments of a top-level macro call (rust-lang/rust#56898). Any statement that is not an item or a macro
 * call (`let`, an expression, a stray `;`) means the block is wrapped in `fn main` whatever it defines.
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
      // After `struct S {}` a `;` is a statement of its own (rustdoc: a non-item); `macro_rules! m {};` keeps it.
      if (BLOCK_ITEMS.has(keyword)) return keyword === 'macro_rules' && tokens[end]?.text === ';' ? end + 1 : end;
      i = end;
      continue;
    }
    i++;
  }
  return tokens.length;
}

/** The index just past `name!(…)`/`path::name![…]` starting at `i`, with its delimiter, or undefined. */
function macroCall(tokens: Token[], i: number): { end: number; open: string } | undefined {
  let j = i;
  while (/^[A-Za-z_]/.test(tokens[j]?.text ?? '') && tokens[j + 1]?.text === '::') j += 2;
  if (!/^[A-Za-z_]/.test(tokens[j]?.text ?? '') || tokens[j + 1]?.text !== '!') return undefined;
  const open = tokens[j + 2]?.text ?? '';
  if (open !== '(' && open !== '[' && open !== '{') return undefined;
  return { end: skipGroup(tokens, j + 2), open };
}

/** True when the tokens from `start` to `end` contain `fn main (` (rustdoc's check of macro arguments). */
function mentionsMain(tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end - 2; i++)
    if (tokens[i]?.text === 'fn' && tokens[i + 1]?.text === 'main' && tokens[i + 2]?.text === '(') return true;
  return false;
}

/** The item keyword a statement starts with after its qualifiers, and where it is; undefined for a non-item. */
function itemStart(tokens: Token[], i: number): { keyword: string; at: number } | undefined {
  let j = i;
  for (;;) {
    const text = tokens[j]?.text ?? '';
    const next = tokens[j + 1]?.text ?? '';
    if (text === 'pub' && next === '(') j = skipGroup(tokens, j + 1);
    else if (text === 'extern' && next.startsWith('"')) j += 2;
    else if (text === 'extern' && next === 'crate') return { keyword: 'use', at: j };
    else if (text === 'const' && !['fn', 'unsafe', 'async', 'extern'].includes(next))
      return next === '{' ? undefined : { keyword: 'const', at: j };
    // `unsafe { … }`, `async move { … }`, `const { … }`: block expressions, not items.
    else if (QUALIFIERS.has(text) && next !== '{' && next !== 'move' && next !== '|' && next !== '||') j++;
    else if (ITEM_KEYWORDS.has(text) && (text !== 'macro_rules' || next === '!')) return { keyword: text, at: j };
    else return undefined;
  }
}

/** rustdoc's answer to "does this doctest have a `fn main`?" (see module comment). */
export function hasMainFn(source: string): boolean {
  const tokens = tokenize(maskSource(source, 'rust'));
  let found = false;
  let i = 0;
  while (i < tokens.length) {
    const text = tokens[i]?.text ?? '';
    // Attributes belong to the statement that follows; inner ones (`#![…]`) to the wrapper function.
    if (text === '#' && (tokens[i + 1]?.text === '[' || tokens[i + 1]?.text === '!')) {
      i = skipGroup(tokens, tokens[i + 1]?.text === '!' ? i + 2 : i + 1);
      continue;
    }
    const item = itemStart(tokens, i);
    if (item) {
      if (item.keyword === 'fn' && tokens[item.at + 1]?.text === 'main') found = true;
      i = skipItem(tokens, item.at, item.keyword);
      continue;
    }
    const call = macroCall(tokens, i);
    const after = call ? (tokens[call.end]?.text ?? ';') : '';
    // `m!(…);`, `m! { … }` or a trailing `m!(…)` is a macro statement; `v![1].len();` is an expression.
    if (call && (after === ';' || call.open === '{' || call.end >= tokens.length)) {
      if (mentionsMain(tokens, i, call.end)) found = true;
      i = after === ';' ? call.end + 1 : call.end;
      continue;
    }
    return false;
  }
  return found;
}
