/** Compiles (and runs, where the expectation says so) one C or C++ snippet with one compiler. */
import { dirname } from 'node:path';
import type { Detector, Snippet, ToolRun } from '../model/snippet.ts';
import { parseCcDiagnostics } from './cc-diagnostics.ts';
import { baseEnv, runStep, withJobDir, type ExecContext } from './job-dir.ts';
import { compiledRun, executedRun } from './outcome.ts';
import { sandboxPaths } from './sandbox.ts';
import type { Toolchain } from './toolchains.ts';

/** Compiler flags for each detector; sanitizer runs are -O0 because the optimiser deletes these bugs. */
const DETECTOR_FLAGS: Record<Detector, string[]> = {
  asan: ['-fsanitize=address', '-fno-omit-frame-pointer'],
  ubsan: ['-fsanitize=undefined', '-fno-sanitize-recover=all'],
  lsan: ['-fsanitize=leak'],
  'stack-protector': ['-fstack-protector-strong'],
};

/** Runtime options: memory is bounded by ASan's RSS limit because RLIMIT_AS breaks ASan's shadow memory. */
const DETECTOR_ENV: Record<string, string> = {
  ASAN_OPTIONS: 'detect_stack_use_after_return=1:hard_rss_limit_mb=512',
  UBSAN_OPTIONS: 'print_stacktrace=0',
};

/** The source file name inside the job dir (also what diagnostics and reports are matched against). */
function cSourceName(snippet: Snippet): string {
  return snippet.lang === 'cpp' ? 'snippet.cpp' : 'snippet.c';
}

/** True when the expectation needs a binary that is then executed. */
function cNeedsRun(snippet: Snippet): boolean {
  return snippet.expectation.kind === 'run' || snippet.expectation.kind === 'detect';
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
  if (cNeedsRun(snippet)) args.push(source, '-o', 'prog', ...(snippet.lang === 'c' ? ['-lm'] : []));
  else args.push('-c', source, '-o', 'snippet.o');
  return args;
}

/** Compiles `snippet` with `tool` in a fresh sandboxed dir, runs it when needed, and reports what happened. */
export function runCJob(snippet: Snippet, tool: Toolchain, context: ExecContext): Promise<ToolRun> {
  const { sandbox, limits } = context;
  const source = cSourceName(snippet);
  const degraded = sandbox.kind !== 'bwrap';
  return withJobDir(sandbox, { [source]: snippet.program }, async (dir) => {
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
    const compiled = compiledRun(tool, degraded, compile, parseCcDiagnostics(compile.stderr, source), limits.compile);
    if (compiled.outcome !== 'compiled' || !cNeedsRun(snippet)) return compiled;
    const detector = snippet.expectation.kind === 'detect' ? snippet.expectation.detector : undefined;
    const sanitized = detector === 'asan' || detector === 'lsan' || detector === 'ubsan';
    // RLIMIT_AS breaks the sanitizer runtimes; they get ASan's RSS limit instead.
    const { addressSpaceBytes: _dropped, ...withoutAs } = limits.run;
    const runLimits = sanitized ? withoutAs : limits.run;
    const run = await runStep(context, {
      argv: [`${paths.build}/prog`],
      hostDir: dir,
      phase: 'run',
      env: { ...env, ...DETECTOR_ENV },
      limits: runLimits,
    });
    return executedRun(compiled, run, source, runLimits);
  });
}
