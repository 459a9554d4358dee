/**
 * Runs every snippet with every toolchain it needs: cache lookups first, then sandboxed jobs in
 * parallel (bounded by cores), Rust snippets merged into shared crates where that is safe.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { SandboxUnavailableError } from '../model/errors.ts';
import type { CCompiler, Snippet, ToolRun } from '../model/snippet.ts';
import { cacheKey, createRunCache } from './cache.ts';
import { cCompileArgs, runCJob } from './c-job.ts';
import { DEFAULT_LIMITS, type ExecContext, type StepLimits } from './job-dir.ts';
import { canMerge, runMergedRust } from './rust-merge.ts';
import { runRustJob, rustNeedsRun } from './rust-job.ts';
import { probeSandbox, type Sandbox } from './sandbox.ts';
import {
  createToolchainSet,
  MissingToolchainError,
  type Toolchain,
  type ToolchainSet,
  type ToolName,
} from './toolchains.ts';

/** Options for {@link executeSnippets}. */
export interface ExecuteOptions {
  /** Cache folder; `undefined` disables caching (`--no-cache`). */
  cacheDir?: string | undefined;
  /** Concurrent compiler/program processes. @default os.availableParallelism() */
  concurrency?: number;
  /** @default DEFAULT_LIMITS */
  limits?: StepLimits;
  /** Pre-probed sandbox (probed on first cache miss otherwise). */
  sandbox?: Sandbox;
  /** Shared toolchain discovery (so a watch loop discovers once). */
  toolchains?: ToolchainSet;
  /** Build Rust snippets one crate each instead of merging them. @default false */
  noMerge?: boolean;
  /**
   * Run snippets even when bubblewrap is unusable (`--unsafe-no-sandbox`): limits only, no filesystem
   * or network isolation; every such run is flagged `sandboxDegraded`. @default false (fail closed)
   */
  allowUnsandboxed?: boolean;
}

/** Every run, per snippet (same order as the input), in the order of the snippet's toolchains. */
export interface ExecuteResult {
  runs: ToolRun[][];
}

/** The toolchains a snippet is proved with: rustc, or its C compilers (C++ ones for `cpp`). */
function toolsFor(snippet: Snippet): ToolName[] {
  // A block that cannot be proved as written is never run (its result is never ok).
  if (snippet.expectation.kind === 'ignore' || snippet.invalid !== undefined) return [];
  if (snippet.lang === 'rust') return ['rustc'];
  const cxx: Record<CCompiler, ToolName> = { gcc: 'g++', clang: 'clang++' };
  return snippet.compilers.map((compiler) => (snippet.lang === 'cpp' ? cxx[compiler] : compiler));
}

function missingRun(error: MissingToolchainError): ToolRun {
  return {
    tool: error.tool,
    version: '',
    outcome: 'skipped',
    diagnostics: [{ severity: 'error', message: error.message }],
    stdout: '',
    stderr: '',
    durationMs: 0,
    cached: false,
    missingTool: { tool: error.tool, hint: error.hint },
  };
}

function internalRun(tool: Toolchain, error: unknown): ToolRun {
  const message = error instanceof Error ? error.message : String(error);
  return {
    tool: tool.name,
    version: tool.version,
    outcome: 'skipped',
    diagnostics: [{ severity: 'error', message: `internal error: ${message}` }],
    stdout: '',
    stderr: '',
    durationMs: 0,
    cached: false,
  };
}

/**
 * Everything that can change a run: the program, how it is built (the real command line) and run, the
 * exact compiler (its name and `--version` line) and the machine type. Never a path: a cache restored on
 * another machine (a CI runner, a container, another checkout), where rustup's sysroot or the project
 * lives elsewhere, must still hit.
 */
export function keyFor(snippet: Snippet, tool: Toolchain, limits: StepLimits): string {
  const { program, lang, expectation, std, edition } = snippet;
  const build =
    lang === 'rust'
      ? { edition, flags: snippet.flags, run: rustNeedsRun(snippet) }
      : {
          args: cCompileArgs(snippet, tool),
          std: std ?? null,
          env: snippet.env ?? [],
          files: (snippet.files ?? []).map((file) => [file.name, file.text]),
        };
  return cacheKey({
    program,
    lang,
    expectation,
    build,
    run: limits.run,
    tool: { name: tool.name, version: tool.versionLine },
    machine: `${process.platform}-${process.arch}`,
  });
}

interface Pending {
  snippet: Snippet;
  tool: Toolchain;
  key: string;
  /** Where the run goes: `slots[index][slot]`. */
  index: number;
  slot: number;
}

function sandboxUnavailable(sandbox: Sandbox): SandboxUnavailableError {
  return new SandboxUnavailableError(
    [
      `no sandbox for snippets: ${sandbox.reason ?? 'bubblewrap is unusable'}`,
      '  install it: sudo apt-get install bubblewrap (Debian/Ubuntu), sudo dnf install bubblewrap (Fedora)',
      '  or, for sources you trust, run with --unsafe-no-sandbox (no filesystem or network isolation)',
    ].join('\n'),
  );
}

/**
 * Compiles and runs `snippets`; never throws for content or missing tools (they become runs), but throws
 * {@link SandboxUnavailableError} before running anything when bubblewrap is unusable and not waived.
 */
export async function executeSnippets(
  snippets: readonly Snippet[],
  options: ExecuteOptions = {},
): Promise<ExecuteResult> {
  const toolchains =
    options.toolchains ??
    createToolchainSet({ cacheDir: options.cacheDir === undefined ? undefined : join(options.cacheDir, 'toolchains') });
  const cache = createRunCache(options.cacheDir);
  const slots: (ToolRun | undefined)[][] = snippets.map((snippet) => toolsFor(snippet).map(() => undefined));
  const pending: Pending[] = [];
  await Promise.all(
    snippets.map((snippet, index) =>
      Promise.all(
        toolsFor(snippet).map(async (name, slot) => {
          let tool: Toolchain;
          try {
            tool = await toolchains.get(name);
          } catch (error) {
            if (!(error instanceof MissingToolchainError)) throw error;
            (slots[index] ?? [])[slot] = missingRun(error);
            return;
          }
          const key = keyFor(snippet, tool, options.limits ?? DEFAULT_LIMITS);
          const hit = await cache.get(key);
          if (hit) (slots[index] ?? [])[slot] = hit;
          else pending.push({ snippet, tool, key, index, slot });
        }),
      ),
    ),
  );
  const result: ExecuteResult = { runs: [] };
  if (pending.length > 0) {
    const sandbox = options.sandbox ?? (await probeSandbox());
    if (sandbox.kind !== 'bwrap' && options.allowUnsandboxed !== true) throw sandboxUnavailable(sandbox);
    const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
    const context: ExecContext = { sandbox, limits: options.limits ?? DEFAULT_LIMITS, schedule: (task) => limit(task) };
    const fresh = await runPending(pending, context, options.noMerge === true);
    await Promise.all(
      pending.map(async (item) => {
        const run = fresh.get(item) ?? internalRun(item.tool, 'no result');
        (slots[item.index] ?? [])[item.slot] = run;
        // Timeouts depend on machine load and internal errors on the host: never cache them.
        if (run.outcome !== 'timeout' && run.outcome !== 'skipped') await cache.put(item.key, run);
      }),
    );
  }
  result.runs = slots.map((runs) => runs.filter((run): run is ToolRun => run !== undefined));
  return result;
}

async function guarded(tool: Toolchain, job: () => Promise<ToolRun>): Promise<ToolRun> {
  try {
    return await job();
  } catch (error) {
    return internalRun(tool, error);
  }
}

async function runPending(pending: Pending[], context: ExecContext, noMerge: boolean): Promise<Map<Pending, ToolRun>> {
  const fresh = new Map<Pending, ToolRun>();
  const groups = new Map<string, Pending[]>();
  const jobs: Promise<void>[] = [];
  for (const item of pending) {
    if (item.snippet.lang === 'rust' && !noMerge && canMerge(item.snippet)) {
      const group = `${item.snippet.edition}\0${item.snippet.flags.join('\0')}`;
      groups.set(group, [...(groups.get(group) ?? []), item]);
      continue;
    }
    const job =
      item.snippet.lang === 'rust'
        ? () => runRustJob(item.snippet, item.tool, context)
        : () => runCJob(item.snippet, item.tool, context);
    jobs.push(guarded(item.tool, job).then((run) => void fresh.set(item, run)));
  }
  for (const group of groups.values()) {
    const tool = group[0]?.tool;
    if (!tool) continue;
    jobs.push(
      runMergedRust(
        group.map((item) => item.snippet),
        tool,
        context,
      ).then(
        (runs) => {
          for (const item of group) {
            const run = runs.get(item.snippet);
            if (run) fresh.set(item, run);
          }
        },
        (error: unknown) => {
          for (const item of group) fresh.set(item, internalRun(tool, error));
        },
      ),
    );
  }
  await Promise.all(jobs);
  return fresh;
}
