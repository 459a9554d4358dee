/** A fenced C, C++ or Rust block that proofdeck compiles (and runs where asked). */
import type { RuleId } from '../report/rules.ts';

/** Languages proofdeck proves. `h` blocks are compiled as C. */
export type SnippetLang = 'c' | 'cpp' | 'rust';

/** The compilers a C or C++ snippet can be proved with; Rust always uses rustc. */
export type CCompiler = 'gcc' | 'clang';

/** Sanitizer or hardening mode that a C snippet is expected to trip. */
export type Detector = 'asan' | 'ubsan' | 'lsan' | 'tsan' | 'msan' | 'stack-protector';

/** What the talk claims a snippet does. One expectation per snippet. */
export type Expectation =
  /** Shown, never compiled (rustdoc `ignore`, C `ignore`). */
  | { kind: 'ignore' }
  /** Compiles cleanly (C: no warnings under -Wall -Wextra except those listed in `warns`). */
  | { kind: 'compile' }
  /** Compiles and runs; exit status (default 0) and optional stdout must match; Rust `stderr~=`: a substring. */
  | { kind: 'run'; exitCode: number; stdout?: string; stderr?: string }
  /**
   * Rejected by the compiler. `codes`: rustc error codes/lint names (E0382, unconditional_panic) or C `-W` flags;
   * `messages`: substrings of a diagnostic.
   */
  | { kind: 'compile-fail'; codes: string[]; messages: string[] }
  /** Rust `should_panic`: compiles, runs, panics (optional message substring). */
  | { kind: 'panic'; message?: string }
  /**
   * A shell transcript (```` ```console ````): compiled with the flags shown, run, and the shown output
   * found in the real one (addresses, pids, paths and stack frames compared loosely). `lines`: the
   * markdown line of each shown output line.
   */
  | {
      kind: 'transcript';
      output: string[];
      lines: number[];
      /** The exit status the transcript shows (`$ echo $?`, `Aborted (core dumped)` is 134) and its line. */
      exit?: { status: number; line: number };
    }
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
  /** C/C++: runtime environment for the program (`env="ASAN_OPTIONS=detect_leaks=1"`), in the order written. */
  env?: [string, string][];
  /** C/C++: the block's own file name in a multi-file program (`file=main.c`); `snippet.c` otherwise. */
  fileName?: string;
  /** C/C++: extra files of the program (other translation units, headers, a suppressions file), by name. */
  files?: SnippetFile[];
  /**
   * Set when the block cannot be proved as written (an unknown detector or attribute): the reason. Such a
   * block is never run and its result is never ok, whatever the compilers would say.
   */
  invalid?: string;
  /** rustdoc's `fn main` wrapping, C's `int main(void)` wrapping: true when the program was wrapped. */
  wrapped?: boolean;
}

/** One more file of a multi-file C/C++ program (`file=util.c`), compiled (sources) or only present (headers). */
export interface SnippetFile {
  name: string;
  text: string;
  /** For each 1-based line of `text`, the 1-based markdown line (0 when generated). */
  lineMap: number[];
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
  /** The other file of a multi-file program (`file=util.c`) that `programLine` is in; unset for the primary. */
  programFile?: string;
  /** Set when the position is in an included file rather than in the markdown: that file's path and line. */
  file?: string;
  fileLine?: number;
  /** The tool's own first line for this diagnostic, as a terminal shows it (rustc: `error[E0382]: borrow of …`). */
  headline?: string;
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

/**
 * Why a fenced block is not proved, as its fence says: `ignore`, a language proofdeck does not run (python,
 * a console session that shows no program), `text`, no language at all, a diagram or math (drawn and typeset,
 * not run), or a transcript that shows a program proofdeck cannot prove as written.
 */
export type UnprovedReason = 'ignore' | 'language' | 'text' | 'no-language' | 'diagram' | 'math' | 'transcript';

/** One fenced code block of a deck, and what proves it. */
export interface FencedBlock {
  /** Position of the opening fence. */
  line: number;
  column: number;
  /** A snippet's language (c, cpp, rust); otherwise the fence's language, lower case ('' when it has none). */
  lang: string;
  /** Id of the snippet that proves the block (the blocks of one program or transcript share it). */
  snippet?: string;
  /** Set when no snippet proves the block: the reason. */
  unproved?: UnprovedReason;
  /** Set when the block itself is wrong (a misspelt language, an include that cannot be read). */
  error?: true;
}

/** How a fenced block ended: exactly one of these. */
type BlockState = 'proved' | 'failed' | 'unproved';

/** A fenced block's final state, as the reports print it. */
export interface BlockVerdict {
  /** Path relative to the working folder. */
  file: string;
  line: number;
  column: number;
  lang: string;
  state: BlockState;
  /** The snippet that proved (or failed to prove) the block. */
  snippet?: string;
  /** Unproved blocks: why, as a reason id and in words. */
  reason?: UnprovedReason;
  why?: string;
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
  /** The real line that proved (or failed) the block, for the renderers; absent when there is none to show. */
  evidence?: SnippetEvidence;
}

/**
 * One line the tools really printed: a compiler's first error (`error[E0382]: borrow of moved value: \`v\``),
 * a panic (`panicked: attempt to subtract with overflow`), a sanitizer headline, or the program's first line
 * of stdout. Addresses and pids are as printed (renderers normalise them).
 */
export interface SnippetEvidence {
  text: string;
  /** `rustc 1.95`, `gcc 12.2`: the toolchain that printed it. */
  tool: string;
  /** Which stream it came from. */
  source: 'compiler' | 'runtime' | 'stdout';
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
