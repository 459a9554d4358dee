/**
 * A private temp dir per job: outside the source tree (in the process's scratch folder, removed even when the
 * build is killed), owned by the sandbox uid, always removed.
 */
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scratchDir } from '../cache/scratch.ts';
import type { Sandbox, SandboxLimits, SandboxStep } from './sandbox.ts';
import { sandboxCommand } from './sandbox.ts';
import { runProcess, type ProcessResult } from './spawn.ts';

/** Limits for compiling and for running snippets. */
export interface StepLimits {
  compile: SandboxLimits;
  run: SandboxLimits;
}

/** Defaults: generous for compilers, tight for snippet programs. */
export const DEFAULT_LIMITS: StepLimits = {
  compile: {
    wallMs: 60_000,
    cpuSeconds: 60,
    fileSizeBytes: 256 << 20,
    openFiles: 1024,
    processes: 256,
    // Per process (gcc, cc1, as, ld, rustc are never sanitized themselves) and for the whole tree.
    addressSpaceBytes: 2 * 1024 ** 3,
    memoryBytes: 2 * 1024 ** 3,
    tmpfsBytes: 512 << 20,
  },
  run: {
    wallMs: 10_000,
    cpuSeconds: 5,
    fileSizeBytes: 64 << 20,
    openFiles: 256,
    processes: 128,
    addressSpaceBytes: 1 << 30,
    // Sanitizer runs drop RLIMIT_AS (shadow memory); this RSS cap for the whole tree still holds for them.
    memoryBytes: 1 << 30,
    tmpfsBytes: 64 << 20,
  },
};

/** Creates the job dir with `files`, runs `body`, and removes the dir whatever happens. */
export async function withJobDir<T>(
  sandbox: Sandbox,
  files: Record<string, string>,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = scratchDir('job');
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    if (sandbox.kind === 'limits-only') await mkdir(join(dir, 'run'));
    if (sandbox.uid !== undefined) {
      // The compiler runs as the unprivileged uid and writes its outputs here.
      await chown(dir, sandbox.uid, sandbox.uid);
      if (sandbox.kind === 'limits-only') await chown(join(dir, 'run'), sandbox.uid, sandbox.uid);
    }
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What every job needs: the sandbox, the limits, and a scheduler bounding concurrent processes. */
export interface ExecContext {
  sandbox: Sandbox;
  limits: StepLimits;
  /** Runs `task` when a slot is free (p-limit); steps, not whole jobs, take slots, so jobs never deadlock. */
  schedule: <T>(task: () => Promise<T>) => Promise<T>;
}

/** Runs one step in the sandbox when a slot is free; the wall clock is enforced here (CPU time by prlimit). */
export function runStep(context: ExecContext, step: SandboxStep): Promise<ProcessResult> {
  const command = sandboxCommand(context.sandbox, step);
  return context.schedule(() =>
    runProcess(command.argv, {
      cwd: command.cwd,
      env: command.env,
      timeoutMs: step.limits.wallMs,
      ...(step.limits.memoryBytes !== undefined ? { memoryBytes: step.limits.memoryBytes } : {}),
    }),
  );
}

/** The environment every step starts from: C locale (gcc quotes change with it), no backtraces. */
export function baseEnv(path: string): Record<string, string> {
  return { PATH: path, HOME: '/tmp', TMPDIR: '/tmp', LC_ALL: 'C', RUST_BACKTRACE: '0' };
}

/** Why a step stopped, when limits stopped it: wall clock, CPU time, file size. */
export function limitReason(result: ProcessResult, limits: SandboxLimits): string | undefined {
  if (result.memoryExceeded) {
    const mib = Math.round((limits.memoryBytes ?? 0) / 2 ** 20);
    return `killed at ${mib} MiB of memory for the whole process tree (memory limit)`;
  }
  if (result.timedOut) return `killed after ${limits.wallMs / 1000} s (wall-clock limit)`;
  const signal =
    result.signal ?? (result.exitCode !== null && result.exitCode > 128 ? result.exitCode - 128 : undefined);
  if (signal === 'SIGXCPU' || signal === 24) return `killed after ${limits.cpuSeconds} s of CPU time (CPU limit)`;
  if (signal === 'SIGXFSZ' || signal === 25)
    return `stopped writing at ${limits.fileSizeBytes >> 20} MiB (file size limit)`;
  if (signal === 'SIGKILL' || signal === 9) return 'killed (SIGKILL)';
  return undefined;
}
