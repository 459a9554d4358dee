/** A fenced C, C++ or Rust block that proofdeck compiles (and runs where asked). */
import type { RuleId } from '../report/rules.ts';

/** Languages proofdeck proves. `h` blocks are compiled as C. */
export type SnippetLang = 'c' | 'cpp' | 'rust';

/** The compilers a C or C++ snippet can be proved with; Rust always uses rustc. */
export type CCompiler = 'gcc' | 'clang';

/** Sanitizer or hardening mode that a C snippet is expected to trip. */
export type Detector = 'asan' | 'ubsan' | 'lsan' | 'stack-protector';

/** What the talk claims a snippet does. One expectation per snippet. */
export type Expectation =
  /** Shown, never compiled (rustdoc `ignore`, C `ignore`). */
  | { kind: 'ignore' }
  /** Compiles cleanly (C: no warnings under -Wall -Wextra except those listed in `warns`). */
  | { kind: 'compile' }
  /** Compiles and runs; exit status (default 0) and optional stdout must match. */
  | { kind: 'run'; exitCode: number; stdout?: string }
  /**
   * Rejected by the compiler. `codes`: rustc error codes/lint names (E0382, unconditional_panic) or C `-W` flags;
   * `messages`: substrings of a diagnostic.
   */
  | { kind: 'compile-fail'; codes: string[]; messages: string[] }
  /** Rust `should_panic`: compiles, runs, panics (optional message substring). */
  | { kind: 'panic'; message?: string }
  /** C: compiled -O0 with the detector, run, and the detector reports `report` (e.g. heap-use-after-free). */
  | { kind: 'detect'; detector: Detector; report?: string };

/** A snippet as parsed from the markdown, before it is compiled. */
export interface Snippet {
  /** Stable id: explicit `id=` or derived from the deck and the block's ordinal. */
  id: string;
  lang: SnippetLang;
  /** Text shown on the slide (hidden lines removed). */
  displayed: string;
  /** Full program handed to the compiler (hidden lines restored, `main` wrapping applied). */
  program: string;
  /** For each 1-based program line, the 1-based markdown line it came from (0 when generated). */
  lineMap: number[];
  /** File the block lives in, and the position of its opening fence. */
  file: string;
  line: number;
  column: number;
  expectation: Expectation;
  /** C/C++ only: compilers that must all agree (`cc=both` by default). */
  compilers: CCompiler[];
  /** C/C++: -W flags expected to fire without failing a `compile` expectation. */
  warns: string[];
  /** C/C++: `-std=` value; Rust: edition. */
  std?: string;
  edition: '2015' | '2018' | '2021' | '2024';
  /** Extra compiler flags (`cflags=` / `rustflags=`). */
  flags: string[];
  /** Rust `no_run`: compile only even though it would normally be run. */
  noRun: boolean;
  /**
   * For each 1-based program line, the 0-based column in the markdown where that line's text starts (0 when generated).
   */
  columnMap?: number[];
  /** Set when the block's body is an include (`<<< ./file.c#region`): the whole file is compiled. */
  include?: SnippetInclude;
  /** Rust `standalone_crate`: never built together with other snippets. */
  standalone?: boolean;
  /** rustdoc's `fn main` wrapping, C's `int main(void)` wrapping: true when the program was wrapped. */
  wrapped?: boolean;
}

/** An included file: the slide shows `region` (or all of it), the compiler sees the whole file. */
interface SnippetInclude {
  /** Absolute path of the included file. */
  path: string;
  /** Path as written in the markdown (for messages). */
  spec: string;
  region?: string;
  /** 1-based line in the included file where the displayed text starts. */
  firstLine: number;
  /** For each 1-based program line, the 1-based line of the included file (0 when generated). */
  lineMap: number[];
}

/** One diagnostic from a compiler or a runtime detector, mapped to the markdown. */
export interface ToolDiagnostic {
  severity: 'error' | 'warning' | 'note';
  message: string;
  /** rustc code (E0382), rustc lint name, or gcc/clang `-W` flag. */
  code?: string;
  /** Position in the markdown file when it could be mapped. */
  line?: number;
  column?: number;
  /** Position in the compiled program (1-based), as the tool reported it. */
  programLine?: number;
  programColumn?: number;
  /** Set when the position is in an included file rather than in the markdown: that file's path and line. */
  file?: string;
  fileLine?: number;
}

/** What actually happened with one toolchain. */
export interface ToolRun {
  tool: string;
  version: string;
  outcome: 'compiled' | 'compile-error' | 'ran' | 'run-failed' | 'panicked' | 'detected' | 'timeout' | 'skipped';
  exitCode?: number;
  diagnostics: ToolDiagnostic[];
  /** Detector report kind (heap-use-after-free, double-free, stack smashing, ...). */
  report?: string;
  stdout: string;
  stderr: string;
  durationMs: number;
  cached: boolean;
  /** True when this run had no bubblewrap sandbox (limits and timeouts only). */
  sandboxDegraded?: boolean;
  /** Set when the toolchain is missing: the one-line fix (e.g. `apt-get install clang`). */
  missingTool?: { tool: string; hint: string };
}

/** How a snippet's check ended: every toolchain met its expectation, one did not, or it is `ignore`d. */
export type SnippetStatus = 'proved' | 'failed' | 'ignored';

/** Verdict for one snippet across its toolchains. */
export interface SnippetResult {
  id: string;
  status: SnippetStatus;
  /** `status !== 'failed'`. */
  ok: boolean;
  /**
   * One line of words, no glyph (the renderer adds ✓/✗): what was proved ("ASan: heap-use-after-free · gcc 12,
   * clang 14"), or briefly what went wrong ("compiles (rustc 1.95)"); empty when ignored.
   */
  summary: string;
  /** When not ok: what was expected and what happened. */
  problems: string[];
  runs: ToolRun[];
  /** The same problems with a rule id and a markdown position, ready to become vfile messages. */
  findings?: SnippetFinding[];
}

/** One positioned problem (or warning) about a snippet. */
export interface SnippetFinding {
  ruleId: RuleId;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  /** One-line fix hint. */
  hint?: string;
}
