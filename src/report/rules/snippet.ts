/** The `snippet/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const snippetRules = {
  'snippet/compile-error': {
    severity: 'error',
    summary: 'A snippet expected to compile does not.',
    help: 'Fix the code, or state the failure with compile_fail.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/conflicting-attributes': {
    severity: 'error',
    summary: 'Two attributes of a snippet contradict each other.',
    help: 'Keep one of the two attributes.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/duplicate-id': {
    severity: 'error',
    summary: 'Two snippets share an id.',
    help: 'Give every snippet its own id=.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/include-outside-root': {
    severity: 'error',
    summary: 'An included file lies outside the project.',
    help: 'Include files from inside the project only.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/internal-error': {
    severity: 'error',
    summary: 'proofdeck could not run the toolchain for a snippet.',
    help: 'Run again with --no-cache; report it if it persists.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/invalid-attribute': {
    severity: 'error',
    summary: 'A snippet attribute has an invalid value.',
    help: 'Give the attribute a value of the documented form.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/missing-include': {
    severity: 'error',
    summary: 'An included file does not exist.',
    help: 'Fix the path after <<< (relative to the markdown file).',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/missing-toolchain': {
    severity: 'error',
    summary: 'The compiler a snippet needs is not installed.',
    help: 'Install the compiler (gcc, clang or rustc) and run again.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/missing-warning': {
    severity: 'error',
    summary: 'A snippet expected to warn compiles without that warning.',
    help: 'Fix the claim (warns=…) or the code, so the warning fires.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/sandbox-degraded': {
    severity: 'warning',
    summary: 'Snippets ran without the bubblewrap sandbox.',
    help: 'Install bubblewrap and allow unprivileged user namespaces.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/timeout': {
    severity: 'error',
    summary: 'A snippet ran past its time limit.',
    help: 'Make the program finish quickly; snippets run with CPU, memory and time limits.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/transcript-not-proved': {
    severity: 'warning',
    summary: 'A shell transcript shows a C program but cannot be proved as written (the reason says why).',
    help: 'Show one allow-listed compile command and the run, or mark the block as not proved.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/transcript-output': {
    severity: 'error',
    summary: 'A shell transcript shows output that the real run did not print.',
    help: 'Show the output the program really prints under this compiler, or fix the program.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unexpected-panic': {
    severity: 'error',
    summary: 'A Rust program panicked although it was expected to run cleanly.',
    help: 'Fix the program, or state the panic with should_panic.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unexpected-success': {
    severity: 'error',
    summary: 'A snippet expected to fail succeeded.',
    help: 'Make the code fail as claimed, or drop the failure attribute.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unexpected-warning': {
    severity: 'error',
    summary: 'A snippet expected to compile cleanly warns.',
    help: 'Fix the code, or declare the warning with warns=.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unknown-attribute': {
    severity: 'error',
    summary: 'A snippet attribute proofdeck does not know.',
    help: 'Use an attribute from the snippet tables, or fix its spelling.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unknown-compiler': {
    severity: 'error',
    summary: 'cc= names a compiler proofdeck does not know.',
    help: 'Use cc=gcc, cc=clang or cc=both.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unknown-region': {
    severity: 'error',
    summary: 'An include names a region the file does not mark.',
    help: 'Mark the region in the file (#region name / ANCHOR: name) or fix the name.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-exit': {
    severity: 'error',
    summary: 'A program exited with another status than the one stated.',
    help: 'State the exit status the program really has (exit=N), or fix the program.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-failure': {
    severity: 'error',
    summary: 'A snippet failed, but not the way it claims.',
    help: 'State the failure the compiler or sanitizer really reports.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-language-attribute': {
    severity: 'error',
    summary: 'An attribute of another language (a Rust one on C, say).',
    help: "Use the attributes of the block's language.",
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-output': {
    severity: 'error',
    summary: 'A program printed other output than the one stated.',
    help: 'State the output the program really prints (stdout="…"), or fix the program.',
    docs: 'proved-snippets-c-c-and-rust',
  },
} as const satisfies Record<string, Rule>;
