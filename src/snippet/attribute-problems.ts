/** Problems found in a fence's info string, and the shared vocabulary of both attribute grammars. */
import type { FenceAttribute } from '../parse/fence-meta.ts';
import { editDistance } from '../report/closest.ts';

/** A problem with one attribute, positioned by its offset in the info string. */
export interface AttributeProblem {
  ruleId:
    | 'snippet/unknown-attribute'
    | 'snippet/invalid-attribute'
    | 'snippet/conflicting-attributes'
    | 'snippet/unknown-compiler'
    | 'snippet/wrong-language-attribute';
  severity: 'error' | 'warning';
  message: string;
  offset: number;
  hint?: string;
}

/** Attributes only Rust blocks understand. */
const RUST_ONLY = [
  'no_run',
  'should_panic',
  'edition2015',
  'edition2018',
  'edition2021',
  'edition2024',
  'lint',
  'standalone_crate',
  'test_harness',
  'rustflags',
  'editable',
  'noplayground',
  'mdbook-runnable',
  'does_not_compile',
  'panics',
  'not_desired_behavior',
];
/** Attributes only C/C++ blocks understand that are no `run`/`warns` claim: detectors and how to compile and run. */
export const C_TOOL_KEYS: readonly string[] = [
  'asan',
  'ubsan',
  'lsan',
  'tsan',
  'msan',
  'stack-protector',
  'std',
  'cflags',
  'cc',
  'env',
];
/** Attributes only C/C++ blocks understand. */
const C_ONLY = ['run', 'warns', ...C_TOOL_KEYS];

/** The closest known spelling (`no-run` → `no_run`), when one is close enough to be a typo. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  const normalized = word.toLowerCase().replace(/-/g, '_');
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const score = Math.min(editDistance(word.toLowerCase(), name), editDistance(normalized, name.replace(/-/g, '_')));
    if (score <= Math.max(1, Math.floor(name.length / 4)) && (!best || score < best.score)) best = { name, score };
  }
  return best?.name;
}

/** "unknown attribute" with a did-you-mean, or a pointer to the other language when it belongs there. */
export function unknownAttribute(
  attribute: FenceAttribute,
  lang: 'rust' | 'c',
  known: readonly string[],
): AttributeProblem {
  const other = lang === 'rust' ? C_ONLY : RUST_ONLY;
  if (other.includes(attribute.key) || (lang === 'c' && /^E\d{4}$/.test(attribute.key))) {
    return {
      ruleId: 'snippet/wrong-language-attribute',
      severity: 'error',
      message: `\`${attribute.key}\` applies to ${lang === 'rust' ? 'C/C++' : 'Rust'} blocks only`,
      offset: attribute.offset,
      hint: `remove it, or see the ${lang === 'rust' ? 'Rust' : 'C'} attribute list in the README`,
    };
  }
  // `tsan-typo`, `asan_uaf`: a known name with something stuck to it.
  const guess =
    suggest(attribute.key, known) ??
    known.find((name) => attribute.key.startsWith(name) && /^[^a-z0-9]/i.test(attribute.key.slice(name.length)));
  return {
    ruleId: 'snippet/unknown-attribute',
    severity: 'error',
    message: `unknown ${lang === 'rust' ? 'Rust' : 'C'} snippet attribute \`${attribute.key}\``,
    offset: attribute.offset,
    hint: guess ? `did you mean \`${guess}\`?` : `known attributes: ${known.join(', ')}`,
  };
}

/** A malformed value. */
export function invalidValue(attribute: FenceAttribute, message: string, hint?: string): AttributeProblem {
  return {
    ruleId: 'snippet/invalid-attribute',
    severity: 'error',
    message,
    offset: attribute.offset,
    ...(hint ? { hint } : {}),
  };
}
