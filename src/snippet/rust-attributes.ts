/**
 * Rust block attributes, with rustdoc's spelling and meaning: `ignore`, `ignore-<target>`, `no_run`,
 * `compile_fail`, `should_panic`, `edition20xx`, error codes (`E0382`, enforced here on stable), plus
 * proofdeck's `id=` and lint names as expected codes (`lint=unconditional_panic`, or a bare
 * deny-by-default lint name such as `unconditional_panic`, which rustdoc simply ignores).
 */
import type { Expectation, Snippet } from '../model/snippet.ts';
import type { FenceAttribute } from '../parse/fence-meta.ts';
import { DISPLAY_KEYS, invalidValue, unknownAttribute, type AttributeProblem } from './attribute-problems.ts';

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
];
const KNOWN = [...FLAGS, 'id', 'lint'];

/** Host target triple parts that `ignore-<target>` can name (rustdoc ignores when the triple contains it). */
const HOST_TRIPLE =
  `${process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch}-unknown-` +
  `${process.platform}-gnu`;

/** The parts of a {@link Snippet} that Rust attributes decide. */
export type RustSpec = Pick<Snippet, 'expectation' | 'edition' | 'noRun'> & {
  id?: string;
  idOffset?: number;
  standalone: boolean;
};

type Edition = Snippet['edition'];

/** Parses the attributes of a `rust` fence (the language token already removed). */
export function parseRustAttributes(
  attributes: FenceAttribute[],
  defaultEdition: Edition,
): { spec: RustSpec; problems: AttributeProblem[] } {
  const problems: AttributeProblem[] = [];
  const seen = new Set<string>();
  const codes: string[] = [];
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
  // rustdoc's precedence: ignore, then compile_fail, then no_run (compile only), then should_panic.
  const expectation: Expectation =
    ignored || seen.has('ignore')
      ? { kind: 'ignore' }
      : seen.has('compile_fail')
        ? { kind: 'compile-fail', codes, messages: [] }
        : seen.has('no_run')
          ? { kind: 'compile' }
          : seen.has('should_panic')
            ? { kind: 'panic' }
            : { kind: 'run', exitCode: 0 };
  return {
    spec: {
      expectation,
      edition,
      noRun: seen.has('no_run'),
      standalone: seen.has('standalone_crate'),
      ...(id ? { id: id.value, idOffset: id.offset } : {}),
    },
    problems,
  };
}
