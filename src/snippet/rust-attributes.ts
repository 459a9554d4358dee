/**
 * Rust block attributes, with rustdoc's spelling and meaning: `ignore`, `ignore-<target>`, `no_run`,
 * `compile_fail`, `should_panic`, `edition20xx`, error codes (`E0382`, enforced here on stable); mdBook's
 * `editable`, `noplayground`, `mdbook-runnable` (playground buttons) and the Rust book's `does_not_compile`,
 * `panics`, `not_desired_behavior` (Ferris markers): accepted, no effect on the proof, as in rustdoc; plus
 * proofdeck's `id=`, lint names as expected codes (`lint=unconditional_panic`, or a bare deny-by-default lint
 * name such as `unconditional_panic`, which rustdoc simply ignores), and the claims of
 * a run block: `stdout="…"`, `stderr~="…"`, `exit=N`, `should_panic="message"`, `rustflags="…"`.
 */
import type { Expectation, Snippet } from '../model/snippet.ts';
import { DISPLAY_KEYS, type FenceAttribute } from '../parse/fence-meta.ts';
import { invalidValue, unknownAttribute, type AttributeProblem } from './attribute-problems.ts';
import { checkRustFlags } from './compiler-flags.ts';

/** rustc 1.95's deny-by-default lints (`rustc -W help`): accepted bare as expected codes. */
const DENY_BY_DEFAULT_LINTS = new Set(
  (
    'ambiguous_associated_items arithmetic_overflow binary_asm_labels bindings_with_variant_name ' +
    'conflicting_repr_hints ' +
    'dangerous_implicit_autorefs deref_nullptr enum_intrinsics_non_enums ill_formed_attribute_input ' +
    'incomplete_include ' +
    'invalid_atomic_ordering invalid_from_utf8_unchecked invalid_null_arguments invalid_reference_casting ' +
    'let_underscore_lock ' +
    'long_running_const_eval mutable_transmutes named_asm_labels no_mangle_const_items overflowing_literals ' +
    'text_direction_codepoint_in_comment text_direction_codepoint_in_literal unconditional_panic ' +
    'undropped_manually_drops ' +
    'useless_deprecated'
  ).split(' '),
);

const FLAGS = [
  'ignore',
  'no_run',
  'compile_fail',
  'should_panic',
  'standalone_crate',
  'rust',
  'edition2015',
  'edition2018',
  'edition2021',
  'edition2024',
  // mdBook's playground attributes: they change the HTML page, not what rustdoc compiles.
  'editable',
  'noplayground',
  'noplaypen',
  'mdbook-runnable',
  // The Rust book's markers for the Ferris beside a listing (rust-lang/book ferris.js): display only, always
  // written with `ignore` or `should_panic`, which make the claim; rustdoc skips words it does not know.
  'does_not_compile',
  'panics',
  'not_desired_behavior',
];
const KNOWN = [...FLAGS, 'id', 'lint', 'stdout', 'stderr~', 'exit', 'rustflags'];

/** The rustc options a block may add (the allow-list in compiler-flags.ts). */
const RUST_FLAG_HINT =
  'allowed: -C opt-level|overflow-checks|debug-assertions|panic|…=, -W/-A/-D/-F <lint>, --cfg name, -O, -g, ' +
  '--cap-lints=';

/** `\n` and `\t` in a quoted value, as in C's `stdout=`. */
const unescape = (value: string): string => value.replace(/\\n/g, '\n').replace(/\\t/g, '\t');

/** Host target triple parts that `ignore-<target>` can name (rustdoc ignores when the triple contains it). */
const HOST_TRIPLE =
  `${process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch}-unknown-` +
  `${process.platform}-gnu`;

/** The parts of a {@link Snippet} that Rust attributes decide. */
export type RustSpec = Pick<Snippet, 'expectation' | 'edition' | 'noRun' | 'flags'> & {
  id?: string;
  idOffset?: number;
  standalone: boolean;
};

type Edition = Snippet['edition'];

/** Parses the attributes of a `rust` fence (the language token already removed). */
export function parseRustAttributes(
  attributes: FenceAttribute[],
  defaultEdition: Edition,
  options: { root?: string } = {},
): { spec: RustSpec; problems: AttributeProblem[] } {
  const problems: AttributeProblem[] = [];
  const seen = new Set<string>();
  const claims = new Map<string, FenceAttribute>();
  const codes: string[] = [];
  const flags: string[] = [];
  let stdout: string | undefined;
  let stderr: string | undefined;
  let exitCode: number | undefined;
  let panicMessage: string | undefined;
  let edition = defaultEdition;
  let id: { value: string; offset: number } | undefined;
  let ignored = false;
  let codeOffset: number | undefined;
  for (const attribute of attributes) {
    const { key, value } = attribute;
    if (value === undefined && FLAGS.includes(key)) {
      seen.add(key);
      const match = /^edition(\d{4})$/.exec(key);
      if (match) edition = match[1] as Edition;
    } else if (value === undefined && key.startsWith('ignore-')) {
      if (HOST_TRIPLE.includes(key.slice('ignore-'.length))) ignored = true;
    } else if (value === undefined && /^E\d{4}$/.test(key)) {
      codes.push(key);
      codeOffset ??= attribute.offset;
    } else if (value === undefined && DENY_BY_DEFAULT_LINTS.has(key)) {
      codes.push(key);
      codeOffset ??= attribute.offset;
    } else if (key === 'lint' && value !== undefined) {
      if (/^[a-z][a-z0-9_]*(::[a-z0-9_]+)?$/.test(value)) {
        codes.push(value);
        codeOffset ??= attribute.offset;
      } else
        problems.push(
          invalidValue(
            attribute,
            `\`lint=${value}\` is not a lint name`,
            'write a rustc lint name, e.g. lint=unconditional_panic',
          ),
        );
    } else if (key === 'id' && value !== undefined) {
      id = { value, offset: attribute.offset };
    } else if ((key === 'stdout' || key === 'stderr~') && value !== undefined) {
      claims.set(key, attribute);
      if (key === 'stdout') stdout = unescape(value);
      else stderr = unescape(value);
    } else if (key === 'exit' && value !== undefined) {
      claims.set(key, attribute);
      if (/^\d{1,3}$/.test(value) && Number(value) <= 255) exitCode = Number(value);
      else problems.push(invalidValue(attribute, `\`exit=${value}\` is not an exit status (0–255)`));
    } else if (key === 'should_panic' && value !== undefined) {
      // #[should_panic(expected = "…")]: the panic message must contain it.
      seen.add(key);
      panicMessage = unescape(value);
    } else if (key === 'rustflags' && value !== undefined) {
      const words = value.split(/\s+/).filter(Boolean);
      const refused = checkRustFlags(words, options.root ? [options.root] : []);
      for (const { flag, why } of refused)
        problems.push(invalidValue(attribute, `rustflags: \`${flag}\` ${why}`, RUST_FLAG_HINT));
      if (refused.length === 0) flags.push(...words);
    } else if (key === 'test_harness') {
      problems.push(
        invalidValue(
          attribute,
          '`test_harness` is not supported: proofdeck builds snippets as binaries',
          'write a `fn main` that calls the tests instead',
        ),
      );
    } else if (!(DISPLAY_KEYS.includes(key) && attribute.value !== undefined)) {
      problems.push(unknownAttribute(attribute, 'rust', [...KNOWN, ...DISPLAY_KEYS]));
    }
  }
  if (codes.length > 0 && !seen.has('compile_fail') && codeOffset !== undefined) {
    problems.push({
      ruleId: 'snippet/conflicting-attributes',
      severity: 'warning',
      message: `expected codes (${codes.join(', ')}) only apply to a \`compile_fail\` block`,
      offset: codeOffset,
      hint: 'add `compile_fail`, or remove the codes',
    });
  }
  if (seen.has('compile_fail') && seen.has('should_panic')) {
    const offset = attributes.find((a) => a.key === 'should_panic')?.offset ?? 0;
    problems.push({
      ruleId: 'snippet/conflicting-attributes',
      severity: 'warning',
      message: '`should_panic` has no effect on a `compile_fail` block',
      offset,
      hint: 'keep one of them',
    });
  }
  for (const [key, attribute] of claims) {
    const other = ['compile_fail', 'no_run', 'should_panic'].find((name) => seen.has(name));
    if (other)
      problems.push({
        ruleId: 'snippet/conflicting-attributes',
        severity: 'error',
        message: `\`${key}\` is a claim about a run, which a \`${other}\` block does not make`,
        offset: attribute.offset,
        hint: 'one expectation per snippet: split it into two blocks',
      });
  }
  // rustdoc's precedence: ignore, then compile_fail, then no_run (compile only), then should_panic.
  const expectation: Expectation =
    ignored || seen.has('ignore')
      ? { kind: 'ignore' }
      : seen.has('compile_fail')
        ? { kind: 'compile-fail', codes, messages: [] }
        : seen.has('no_run')
          ? { kind: 'compile' }
          : seen.has('should_panic')
            ? { kind: 'panic', ...(panicMessage !== undefined ? { message: panicMessage } : {}) }
            : {
                kind: 'run',
                exitCode: exitCode ?? 0,
                ...(stdout !== undefined ? { stdout } : {}),
                ...(stderr !== undefined ? { stderr } : {}),
              };
  return {
    spec: {
      expectation,
      edition,
      noRun: seen.has('no_run'),
      flags,
      standalone: seen.has('standalone_crate'),
      ...(id ? { id: id.value, idOffset: id.offset } : {}),
    },
    problems,
  };
}
