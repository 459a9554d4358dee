/**
 * Turns a Rust block into the program rustdoc would compile: hidden `# ` lines restored (`##` → `#`),
 * crate attributes and `extern crate` kept at the top, `#![allow(unused)]` injected, and the rest
 * wrapped in `fn main() { … }` unless the block has its own main. Mirrors rustdoc's
 * `partition_source` and `generate_unique_doctest` (src/librustdoc/doctest/make.rs), line by line.
 */
import { maskSource } from './mask.ts';
import { hasMainFn } from './rust-main.ts';
import { generated, joinLines, trimLines, type BuiltProgram, type SourceLine } from './source-lines.ts';

const LINT_LEVELS = new Set(['forbid', 'allow', 'warn', 'deny']);

/** rustdoc's `map_line`: is the line hidden, and what does the compiler see? */
export function mapHiddenLine(line: SourceLine): { hidden: boolean; code: SourceLine; shown?: string } {
  const trimmed = line.text.trim();
  const indent = line.text.length - line.text.trimStart().length;
  if (trimmed.startsWith('##')) {
    const text = line.text.replace('##', '#');
    return { hidden: false, code: { ...line, text }, shown: text };
  }
  if (trimmed.startsWith('# '))
    return { hidden: true, code: { ...line, text: trimmed.slice(2), column: line.column + indent + 2 } };
  if (trimmed === '#') return { hidden: true, code: { ...line, text: '' } };
  return { hidden: false, code: line, shown: line.text };
}

function bracketDepth(text: string): number {
  let depth = 0;
  for (const c of maskSource(text, 'rust')) {
    if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
  }
  return depth;
}

/** `Some(kind)` of rustdoc's `check_if_attr_is_complete`: lint attributes go after the other crate attributes. */
function attrKind(pending: string): 'crate' | 'lint' | undefined {
  if (bracketDepth(pending) !== 0 || !/\]\s*$/.test(maskSource(pending, 'rust'))) return undefined;
  const name = /#!\[\s*([A-Za-z_]\w*)/.exec(pending)?.[1] ?? '';
  if (!LINT_LEVELS.has(name)) return 'crate';
  return name === 'allow' && /\binternal_features\b/.test(pending) ? 'crate' : 'lint';
}

interface Partition {
  crateAttrs: SourceLine[];
  lintAttrs: SourceLine[];
  crates: SourceLine[];
  rest: SourceLine[];
}

const isBlankOrComment = (trimmed: string): boolean =>
  trimmed === '' || (trimmed.startsWith('//') && !trimmed.startsWith('///'));
const isExternCrate = (trimmed: string): boolean =>
  trimmed.startsWith('extern crate') || trimmed.startsWith('#[macro_use] extern crate');

/** rustdoc's `partition_source`; undefined when an attribute never completes (rustdoc then leaves the code alone). */
function partitionRust(lines: SourceLine[]): Partition | undefined {
  const part: Partition = { crateAttrs: [], lintAttrs: [], crates: [], rest: [] };
  let state: 'attrs' | 'crates' | 'other' = 'attrs';
  let pending: SourceLine[] = [];
  const settle = (): void => {
    const kind = attrKind(pending.map((line) => line.text).join('\n'));
    if (!kind) return;
    (kind === 'crate' ? part.crateAttrs : part.lintAttrs).push(...pending);
    pending = [];
  };
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (state === 'attrs') {
      if (trimmed.startsWith('#![')) {
        pending = [line];
        settle();
        continue;
      } else if (isBlankOrComment(trimmed)) state = 'attrs';
      else if (isExternCrate(trimmed)) state = 'crates';
      else if (pending.length > 0) {
        pending.push(line);
        if (trimmed !== '') settle();
        continue;
      } else state = 'other';
    } else if (state === 'crates') {
      state = isExternCrate(trimmed) || isBlankOrComment(trimmed) ? 'crates' : 'other';
    }
    (state === 'attrs' ? part.crateAttrs : state === 'crates' ? part.crates : part.rest).push(line);
  }
  if (pending.length > 0) return undefined;
  part.rest = trimLines(part.rest);
  return part;
}

/** The whole rustdoc transformation for one block's lines. `hidden: false` for included files. */
export function buildRustProgram(code: SourceLine[], options: { hidden: boolean } = { hidden: true }): BuiltProgram {
  const mapped = code.map((line) =>
    options.hidden ? mapHiddenLine(line) : { hidden: false, code: line, shown: line.text },
  );
  const displayed = mapped
    .filter((entry) => !entry.hidden)
    .map((entry) => entry.shown ?? '')
    .join('\n');
  const testLines = mapped.map((entry) => entry.code);
  const part = partitionRust(testLines);
  // Like rustdoc, code that does not even tokenise (unbalanced delimiters) is compiled as written.
  if (!part || bracketDepth(joinLines(testLines)) !== 0) return { displayed, lines: testLines, wrapped: false };
  const head = [generated('#![allow(unused)]'), ...part.crateAttrs, ...part.lintAttrs, ...part.crates];
  const body = part.rest;
  if (hasMainFn(joinLines([...part.crates, ...body])) || joinLines(head).includes('![no_std]')) {
    return { displayed, lines: [...head, ...body], wrapped: false };
  }
  // rustdoc keeps the code up to the end of its last statement: comments after `Ok(())` do not count.
  if (maskSource(joinLines(body), 'rust').trimEnd().endsWith('(())')) {
    return {
      displayed,
      lines: [
        ...head,
        generated('fn main() { fn _inner() -> core::result::Result<(), impl core::fmt::Debug> {'),
        ...body,
        generated('} _inner().unwrap() }'),
      ],
      wrapped: true,
    };
  }
  return { displayed, lines: [...head, generated('fn main() {'), ...body, generated('}')], wrapped: true };
}
