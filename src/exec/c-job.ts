/** Compiles (and runs, where the expectation says so) one C or C++ snippet with one compiler. */
import { dirname } from 'node:path';
import type { Detector, Snippet, ToolRun } from '../model/snippet.ts';
import { parseCcDiagnostics } from './cc-diagnostics.ts';
import { baseEnv, runStep, withJobDir, type ExecContext } from './job-dir.ts';
import { compiledRun, executedRun } from './outcome.ts';
import { findOnPath, sandboxPaths } from './sandbox.ts';
import type { Toolchain } from './toolchains.ts';

/** Compiler flags for each detector; sanitizer runs are -O0 because the optimiser deletes these bugs. */
const DETECTOR_FLAGS: Record<Detector, string[]> = {
  asan: ['-fsanitize=address', '-fno-omit-frame-pointer'],
  ubsan: ['-fsanitize=undefined', '-fno-sanitize-recover=all'],
  lsan: ['-fsanitize=leak'],
  tsan: ['-fsanitize=thread'],
  // Origin tracking makes MSan say where the uninitialised value was created (as its docs show).
  msan: ['-fsanitize=memory', '-fsanitize-memory-track-origins', '-fno-omit-frame-pointer'],
  'stack-protector': ['-fstack-protector-strong'],
};

/** Runtime options: memory is bounded by ASan's RSS limit because RLIMIT_AS breaks ASan's shadow memory. */
const DETECTOR_ENV: Record<string, string> = {
  ASAN_OPTIONS: 'detect_stack_use_after_return=1:hard_rss_limit_mb=512',
  UBSAN_OPTIONS: 'print_stacktrace=0',
};

/** Options the sandbox needs whatever the block says: they go last, and sanitizers let the last one win. */
const ENFORCED_ENV: Record<string, string> = { ASAN_OPTIONS: 'hard_rss_limit_mb=512' };

const SOURCE = /\.(c|cc|cpp|cxx)$/;

/** The source file name inside the job dir (also what diagnostics and reports are matched against). */
function cSourceName(snippet: Snippet): string {
  return snippet.fileName ?? (snippet.lang === 'cpp' ? 'snippet.cpp' : 'snippet.c');
}

/** The other translation units of a multi-file program (headers and text files are only present). */
function otherSources(snippet: Snippet): string[] {
  return (snippet.files ?? []).map((file) => file.name).filter((name) => SOURCE.test(name));
}

/**
 * The program's runtime environment: proofdeck's defaults, then the block's `env=` (a sanitizer reads its
 * options left to right, the last one winning), then the limits the sandbox enforces. A relative
 * `suppressions=` path that names a file of the program points into the job dir, since runs start elsewhere.
 */
function cRunEnv(snippet: Snippet, buildDir: string): Record<string, string> {
  // A transcript runs with the options it shows, nothing more: defaults could change the output it claims.
  const env: Record<string, string> = snippet.expectation.kind === 'transcript' ? {} : { ...DETECTOR_ENV };
  const names = new Set((snippet.files ?? []).map((file) => file.name));
  for (const [name, raw] of snippet.env ?? []) {
    const value = raw.replace(/(suppressions=)([\w.-]+)/g, (all, key: string, file: string) =>
      names.has(file) ? `${key}${buildDir}/${file}` : all,
    );
    env[name] = env[name] ? `${env[name]}:${value}` : value;
  }
  for (const [name, value] of Object.entries(ENFORCED_ENV)) env[name] = env[name] ? `${env[name]}:${value}` : value;
  return env;
}

/** True when the expectation needs a binary that is then executed. */
function cNeedsRun(snippet: Snippet): boolean {
  const kind = snippet.expectation.kind;
  return kind === 'run' || kind === 'detect' || kind === 'transcript';
}

/** The compiler command line (without the compiler itself) for `snippet` under `tool`. */
export function cCompileArgs(snippet: Snippet, tool: Toolchain): string[] {
  const gnu = tool.name === 'gcc' || tool.name === 'g++';
  const args = [
    ...(snippet.std ? [`-std=${snippet.std}`] : []),
    '-Wall',
    '-Wextra',
    '-O0',
    '-g',
    ...(gnu ? ['-fdiagnostics-plain-output'] : ['-fno-caret-diagnostics', '-fno-color-diagnostics']),
  ];
  // Like rustdoc's `#![allow(unused)]`: a slide fragment's variables are often unused by design.
  if (snippet.wrapped === true) {
    for (const flag of ['-Wunused-variable', '-Wunused-but-set-variable'])
      if (!snippet.warns.includes(flag)) args.push(`-Wno-${flag.slice(2)}`);
  }
  const expectation = snippet.expectation;
  if (expectation.kind === 'detect') args.push(...DETECTOR_FLAGS[expectation.detector]);
  if (expectation.kind === 'compile-fail') {
    // `compile_fail=-Wflag` means "rejected once that warning is an error".
    for (const code of expectation.codes) if (code.startsWith('-W')) args.push(`-Werror=${code.slice(2)}`);
  }
  args.push(...snippet.flags);
  const source = cSourceName(snippet);
  const others = otherSources(snippet);
  if (cNeedsRun(snippet)) args.push(source, ...others, '-o', 'prog', ...(snippet.lang === 'c' ? ['-lm'] : []));
  else if (others.length > 0) args.push('-c', source, ...others);
  else args.push('-c', source, '-o', 'snippet.o');
  return args;
}

const SETARCH = findOnPath('setarch', '/usr/bin:/bin');

/**
 * TSan and MSan runtimes of this age (clang 14, gcc 12) map shadow memory at fixed addresses and are known to
 * abort with "unexpected memory mapping" on kernels with more ASLR bits (vm.mmap_rnd_bits 32; LLVM 18 re-execs
 * itself without ASLR for this): their binaries run under `setarch -R` (a per-process personality flag, no
 * privilege needed). Here (mmap_rnd_bits=28) both ways give the same reports; the failing kernel was not tried.
 */
function fixedLayout(snippet: Snippet, detector: string | undefined): string[] {
  const thread = /^-fsanitize=.*\b(thread|memory)\b/;
  const needs = detector === 'tsan' || detector === 'msan' || snippet.flags.some((flag) => thread.test(flag));
  return needs && SETARCH ? [SETARCH, '-R'] : [];
}

/** Compiles `snippet` with `tool` in a fresh sandboxed dir, runs it when needed, and reports what happened. */
export function runCJob(snippet: Snippet, tool: Toolchain, context: ExecContext): Promise<ToolRun> {
  const { sandbox, limits } = context;
  const source = cSourceName(snippet);
  const degraded = sandbox.kind !== 'bwrap';
  const files = Object.fromEntries((snippet.files ?? []).map((file) => [file.name, file.text]));
  return withJobDir(sandbox, { ...files, [source]: snippet.program }, async (dir) => {
    const paths = sandboxPaths(sandbox, dir);
    const env = baseEnv('/usr/local/bin:/usr/bin:/bin');
    // A compiler outside /usr (e.g. /opt/gcc-13/bin/gcc) needs its install prefix in the sandbox.
    const binds = tool.path.startsWith('/usr/') ? [] : [dirname(dirname(tool.path))];
    const compile = await runStep(context, {
      argv: [tool.path, ...cCompileArgs(snippet, tool)],
      hostDir: dir,
      phase: 'compile',
      env,
      limits: limits.compile,
      binds,
    });
    const diagnostics = parseCcDiagnostics(compile.stderr, source, Object.keys(files));
    const compiled = compiledRun(tool, degraded, compile, diagnostics, limits.compile);
    if (compiled.outcome !== 'compiled' || !cNeedsRun(snippet)) return compiled;
    const detector = snippet.expectation.kind === 'detect' ? snippet.expectation.detector : undefined;
    const sanitized =
      (detector !== undefined && detector !== 'stack-protector') ||
      snippet.flags.some((flag) => flag.startsWith('-fsanitize='));
    // RLIMIT_AS breaks the sanitizer runtimes; they get ASan's RSS limit instead.
    const { addressSpaceBytes: _dropped, ...withoutAs } = limits.run;
    const runLimits = sanitized ? withoutAs : limits.run;
    const run = await runStep(context, {
      argv: [...fixedLayout(snippet, detector), `${paths.build}/prog`],
      hostDir: dir,
      phase: 'run',
      env: { ...env, ...cRunEnv(snippet, paths.build) },
      limits: runLimits,
    });
    const executed = executedRun(compiled, run, source, runLimits, 0, Object.keys(files));
    // A transcript's `gcc x.c && ./a.out` shows the compiler's words and the program's in one stream.
    if (snippet.expectation.kind === 'transcript') return { ...executed, stderr: compile.stderr + executed.stderr };
    return executed;
  });
}
