/** Runs one process with a wall-clock timeout that kills its whole process group, capturing capped output. */
import { spawn } from 'node:child_process';
import { killTree, processTree, watchTreeMemory } from './tree-watch.ts';
import { terminalSafe } from '../report/terminal-safe.ts';

/** What a finished (or killed) process left behind. */
export interface ProcessResult {
  /** `null` when the process was killed by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the wall-clock timeout fired and the group was killed. */
  timedOut: boolean;
  /** True when the process tree's resident memory passed `memoryBytes` and the tree was killed. */
  memoryExceeded: boolean;
  /** True when stdout or stderr went over the cap and was cut. */
  truncated: boolean;
  durationMs: number;
}

/** Options for {@link runProcess}. */
export interface ProcessOptions {
  cwd?: string;
  /** The complete environment: nothing is inherited from this process. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Cap on the resident memory of the whole process tree (polled); unset means no cap. */
  memoryBytes?: number;
  /** Bytes kept per stream. @default 65536 */
  outputCap?: number;
}

/** A spawn failure (e.g. ENOENT), as opposed to the program failing. */
export class SpawnError extends Error {
  override name = 'SpawnError';
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone, which is what we want.
  }
}

class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly cap: number;
  truncated = false;
  constructor(cap: number) {
    this.cap = cap;
  }
  push(chunk: Buffer): void {
    const room = this.cap - this.size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.chunks.push(kept);
    this.size += kept.length;
  }
  text(): string {
    // Tool output ends up in the terminal, tooltips and JSON: its control sequences never do.
    return terminalSafe(Buffer.concat(this.chunks).toString('utf8')) + (this.truncated ? '\n[output truncated]' : '');
  }
}

/**
 * Spawns `argv` in a new session (so it leads its own process group) and resolves when it is done.
 * On timeout the whole group gets SIGKILL; it is killed again on exit so no stray child survives.
 */
export function runProcess(argv: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  const [command, ...args] = argv;
  if (command === undefined) return Promise.reject(new SpawnError('empty command line'));
  const cap = options.outputCap ?? 65536;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = new CappedBuffer(cap);
    const err = new CappedBuffer(cap);
    let timedOut = false;
    let memoryExceeded = false;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid === undefined ? [] : processTree(child.pid));
      killGroup(child.pid);
    }, options.timeoutMs);
    const stopWatch =
      options.memoryBytes !== undefined && child.pid !== undefined
        ? watchTreeMemory(child.pid, options.memoryBytes, (tree) => {
            memoryExceeded = true;
            killTree(tree);
            killGroup(child.pid);
          })
        : () => {};
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      stopWatch();
      if (settled) return;
      settled = true;
      reject(new SpawnError(`cannot run ${command}: ${error.message}`));
    });
    // A background child can keep the pipes open after the leader exits: kill the group so `close` comes.
    child.on('exit', () => killGroup(child.pid));
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      stopWatch();
      if (settled) return;
      settled = true;
      resolve({
        exitCode,
        signal,
        stdout: out.text(),
        stderr: err.text(),
        timedOut,
        memoryExceeded,
        truncated: out.truncated || err.truncated,
        durationMs: Math.round(performance.now() - started),
      });
    });
  });
}
