/** Compiles (and runs, where the expectation says so) one Rust snippet on its own. */
import type { Snippet, ToolRun } from '../model/snippet.ts';
import { baseEnv, runStep, withJobDir, type ExecContext } from './job-dir.ts';
import { compiledRun, executedRun } from './outcome.ts';
import { parseRustcDiagnostics } from './rustc-diagnostics.ts';
import { sandboxPaths, type SandboxPaths } from './sandbox.ts';
import type { Toolchain } from './toolchains.ts';

/** Name of the compiled file inside the job dir. */
export const RUST_SOURCE = 'snippet.rs';

/** True when the snippet's binary is executed (rustdoc's default; not for `no_run` or `compile_fail`). */
export function rustNeedsRun(snippet: Snippet): boolean {
  return snippet.expectation.kind === 'run' || snippet.expectation.kind === 'panic';
}

/**
 * rustc's command line. Compile-only checks use `--emit=mir`: `--emit=metadata` is faster but stops
 * before the MIR lints, so it misses deny-by-default lints such as `unconditional_panic` (facts §2).
 */
export function rustCompileArgs(snippet: Snippet, paths: SandboxPaths, run: boolean): string[] {
  return [
    `${paths.sysroot ?? ''}/bin/rustc`,
    '--edition',
    snippet.edition,
    '--crate-name',
    'snippet',
    '--crate-type',
    'bin',
    '--error-format=json',
    ...(run ? ['-o', 'prog'] : ['--emit=mir', '-o', 'snippet.mir']),
    ...snippet.flags,
    RUST_SOURCE,
  ];
}

/** The environment for rustc and for Rust binaries in the sandbox. */
export function rustEnv(paths: SandboxPaths): Record<string, string> {
  return baseEnv(`${paths.sysroot ?? ''}/bin:/usr/local/bin:/usr/bin:/bin`);
}

/** Builds one snippet as its own crate in a fresh sandboxed dir, runs it when needed. */
export function runRustJob(snippet: Snippet, tool: Toolchain, context: ExecContext): Promise<ToolRun> {
  const { sandbox, limits } = context;
  const degraded = sandbox.kind !== 'bwrap';
  const run = rustNeedsRun(snippet);
  return withJobDir(sandbox, { [RUST_SOURCE]: snippet.program }, async (dir) => {
    const paths = sandboxPaths(sandbox, dir, tool.sysroot);
    const env = rustEnv(paths);
    const compile = await runStep(context, {
      argv: rustCompileArgs(snippet, paths, run),
      hostDir: dir,
      phase: 'compile',
      env,
      limits: limits.compile,
      ...(tool.sysroot ? { sysroot: tool.sysroot } : {}),
    });
    const compiled = compiledRun(
      tool,
      degraded,
      compile,
      parseRustcDiagnostics(compile.stderr, RUST_SOURCE),
      limits.compile,
    );
    if (compiled.outcome !== 'compiled' || !run) return compiled;
    const result = await runStep(context, {
      argv: [`${paths.build}/prog`],
      hostDir: dir,
      phase: 'run',
      env,
      limits: limits.run,
      ...(tool.sysroot ? { sysroot: tool.sysroot } : {}),
    });
    return executedRun(compiled, result, RUST_SOURCE, limits.run);
  });
}
