/**
 * What a fence's language makes of a block: a snippet proofdeck proves (C, C++, Rust, or an info string of
 * only rustdoc attributes, which rustdoc treats as Rust), a shell transcript, a block proofdeck does not
 * prove (and why), or a mistake: a language a typo away from a runnable one (`rsut`, `cpp17`), or proof
 * attributes on a language proofdeck does not run (```` ```python asan ````), which would otherwise leave
 * the claim silently unproved.
 */
import { bundledLanguagesInfo } from 'shiki/langs';
import type { SnippetLang, UnprovedReason } from '../model/snippet.ts';
import type { FenceAttribute, FenceMeta } from '../parse/fence-meta.ts';
import { TRANSCRIPT_LANGS } from './transcript.ts';

const RUNNABLE: Record<string, SnippetLang> = {
  rust: 'rust',
  c: 'c',
  cpp: 'cpp',
  rs: 'rust',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  h: 'c',
  hpp: 'cpp',
};

/** Not code: never flagged, and exempt from `proofs: all`. */
const TEXT = new Set(['text', 'txt', 'plain', 'plaintext']);

/**
 * Languages that are not shiki's but are real and common in talks (fences of diagrams, math, terminal
 * output, GPU code): never taken for a misspelt runnable language.
 */
const OTHER_KNOWN = [
  ...TEXT,
  ...TRANSCRIPT_LANGS,
  'ansi',
  'mermaid',
  'math',
  'katex',
  'output',
  'terminal',
  'none',
  'nohighlight',
  'raw',
  'dot',
  'graphviz',
  'plantuml',
  'svg',
  'cu',
  'cuda',
  'cl',
  'opencl',
  'hh',
  'hxx',
  'gdb',
  'pseudo',
  'pseudocode',
];

/** Every language id and alias shiki bundles, plus {@link OTHER_KNOWN}. */
const KNOWN_LANGUAGES = new Set([
  ...bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])]).map((name) => name.toLowerCase()),
  ...OTHER_KNOWN,
]);

/** rustdoc's own attributes: an info string made only of these is a Rust block (as `rustdoc --test` reads it). */
const RUSTDOC_FLAGS = new Set([
  'rust',
  'ignore',
  'no_run',
  'should_panic',
  'compile_fail',
  'test_harness',
  'standalone_crate',
  'edition2015',
  'edition2018',
  'edition2021',
  'edition2024',
]);

/** Attributes that state a proof, by the language that understands them. */
const RUST_PROOF = ['should_panic', 'no_run', 'test_harness', 'standalone_crate', 'rustflags'];
const C_PROOF = ['run', 'stdout', 'exit', 'warns', 'asan', 'ubsan', 'lsan', 'tsan', 'msan', 'stack-protector'];
const SHARED_PROOF = ['compile_fail', 'cflags'];

/** How a fence's block is treated. */
export type FenceLanguage =
  | { kind: 'snippet'; lang: SnippetLang; attributes: FenceAttribute[] }
  | { kind: 'transcript' }
  | { kind: 'other'; reason: UnprovedReason }
  | { kind: 'mistake'; message: string; hint: string; offset: number; key: string };

/** Optimal string alignment distance: Levenshtein plus the swap of two neighbours (`rsut` → `rust` is 1). */
function osaDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The runnable language an unknown one is a typo of. Length-aware: one edit for names of two or three
 * letters, two for `rust`; none for `c` and `h`, whose every neighbour is a different word. A runnable
 * name with a version stuck to it (`cpp17`, `c11`, `rust2021`) is that language too.
 */
function nearRunnable(lang: string): { name: string; version?: string } | undefined {
  if (lang === '' || KNOWN_LANGUAGES.has(lang) || RUNNABLE[lang]) return undefined;
  const versioned = /^(rust|rs|c|cpp|c\+\+|cc|cxx)[-_]?(\d{2,4})$/.exec(lang);
  if (versioned?.[1] && versioned[2]) return { name: versioned[1], version: versioned[2] };
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(RUNNABLE)) {
    const limit = name.length <= 1 ? 0 : name.length <= 3 ? 1 : 2;
    const distance = osaDistance(lang, name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best ? { name: best.name } : undefined;
}

/** How the version of a `cpp17`-style language is written as an attribute. */
function versionAttribute(name: string, version: string): string {
  if (RUNNABLE[name] === 'rust') return `edition${version}`;
  return `std=${RUNNABLE[name] === 'cpp' ? 'c++' : 'c'}${version}`;
}

/** The fence's tokens as attributes: the language word itself first (its original spelling, offset 0). */
function allTokens(rawLang: string, meta: FenceMeta): FenceAttribute[] {
  const first = meta.lang === '' ? [] : [{ key: rawLang.slice(0, meta.lang.length), offset: 0 }];
  return [...first, ...meta.attributes];
}

/** True when every token is a rustdoc attribute (`id=` allowed); error codes count only with `compile_fail`. */
function onlyRustdocAttributes(tokens: readonly FenceAttribute[]): boolean {
  const failing = tokens.some((token) => token.key === 'compile_fail' && token.value === undefined);
  return (
    tokens.length > 0 &&
    tokens.every(({ key, value }) =>
      value === undefined
        ? RUSTDOC_FLAGS.has(key) || /^ignore-[\w-]+$/.test(key) || (failing && /^E\d{4}$/.test(key))
        : key === 'id',
    )
  );
}

function proofLanguage(key: string): string | undefined {
  if (RUST_PROOF.includes(key) || /^edition\d{4}$/.test(key)) return '`rust`';
  if (C_PROOF.includes(key)) return '`c`';
  if (SHARED_PROOF.includes(key)) return '`rust` or `c`';
  return undefined;
}

function reasonOf(lang: string): UnprovedReason {
  if (lang === '') return 'no-language';
  if (TEXT.has(lang)) return 'text';
  if (lang === 'mermaid') return 'diagram';
  if (lang === 'math') return 'math';
  return 'language';
}

/**
 * Classifies a fence. `rawLang` is the node's `lang` as written (the parsed meta lower-cases it), so an
 * info string of only rustdoc attributes keeps `E0382`'s spelling when it becomes Rust attributes.
 */
export function classifyFence(rawLang: string, meta: FenceMeta): FenceLanguage {
  const runnable = RUNNABLE[meta.lang];
  if (runnable) return { kind: 'snippet', lang: runnable, attributes: meta.attributes };
  const tokens = allTokens(rawLang, meta);
  if (onlyRustdocAttributes(tokens)) return { kind: 'snippet', lang: 'rust', attributes: tokens };
  const near = nearRunnable(meta.lang);
  if (near)
    return {
      kind: 'mistake',
      message: `unknown fence language \`${meta.lang}\`: the block would not be proved`,
      hint: near.version
        ? `did you mean \`${near.name} ${versionAttribute(near.name, near.version)}\`?`
        : `did you mean \`${near.name}\`?`,
      offset: 0,
      key: rawLang.slice(0, meta.lang.length),
    };
  const proof = tokens.find((token) => proofLanguage(token.key) !== undefined);
  if (proof) {
    const shown = meta.lang === '' ? 'a block without a language' : `\`${meta.lang}\` blocks`;
    return {
      kind: 'mistake',
      message: `\`${proof.key}\` is a proof attribute, but proofdeck does not prove ${shown}`,
      hint: `did you mean ${proofLanguage(proof.key) ?? '`rust`'}? (or remove the attribute)`,
      offset: proof.offset,
      key: proof.key,
    };
  }
  if (TRANSCRIPT_LANGS.has(meta.lang)) return { kind: 'transcript' };
  const reason = reasonOf(meta.lang);
  return { kind: 'other', reason };
}
