/** Proves snippets: runs them (cached, sandboxed, in parallel) and judges each against its expectation. */
import { defaultCacheDir } from '../../exec/cache.ts';
import { executeSnippets, type ExecuteOptions } from '../../exec/execute.ts';
import type { StepLimits } from '../../exec/job-dir.ts';
import type { Sandbox } from '../../exec/sandbox.ts';
import type { ToolchainSet } from '../../exec/toolchains.ts';
import type { Snippet, SnippetResult } from '../../model/snippet.ts';
import { evidenceOf } from './evidence.ts';
import { judgeSnippet } from './judge.ts';
import { mapRun } from './positions.ts';
import { failSummary, passSummary } from './summary.ts';

/** Options for {@link verifySnippets}. */
export interface VerifyOptions {
  /** Project root; the default cache lives under it. @default process.cwd() */
  root?: string;
  /** Cache folder. @default `<root>/node_modules/.cache/proofdeck/snippets` */
  cacheDir?: string;
  /** Bypass the cache entirely (no reads, no writes). @default false */
  noCache?: boolean;
  /** Concurrent processes. @default os.availableParallelism() */
  concurrency?: number;
  /**
   * Compile/run limits. @default DEFAULT_LIMITS (compile 60 s; run 10 s wall, 5 s CPU, 64 MiB files, 128 processes, 1
   * GiB address space)
   */
  limits?: StepLimits;
  /** A sandbox probed earlier (e.g. once per watch session). */
  sandbox?: Sandbox;
  /** Shared toolchain discovery. */
  toolchains?: ToolchainSet;
  /** Build every Rust snippet as its own crate (slower; for debugging the merged build). @default false */
  noMerge?: boolean;
  /** Run without bubblewrap when it is unusable (`--unsafe-no-sandbox`). @default false: exit code 3 */
  allowUnsandboxed?: boolean;
}

/**
 * One {@link SnippetResult} per snippet, in the same order. Never throws for content problems or
 * missing compilers: those are findings (`snippet/missing-toolchain` runs carry `missingTool`, which
 * the CLI turns into exit code 3, see {@link findMissingTools}).
 */
export async function verifySnippets(
  snippets: readonly Snippet[],
  options: VerifyOptions = {},
): Promise<SnippetResult[]> {
  const root = options.root ?? process.cwd();
  const execute: ExecuteOptions = {
    cacheDir: options.noCache ? undefined : (options.cacheDir ?? defaultCacheDir(root)),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    ...(options.toolchains ? { toolchains: options.toolchains } : {}),
    ...(options.noMerge ? { noMerge: true } : {}),
    ...(options.allowUnsandboxed ? { allowUnsandboxed: true } : {}),
  };
  const { runs } = await executeSnippets(snippets, execute);
  return snippets.map((snippet, index) => {
    // The attribute error is already on the file, positioned; the result only has to say "not proved".
    if (snippet.invalid !== undefined)
      return {
        id: snippet.id,
        status: 'failed',
        ok: false,
        summary: failSummary(snippet.invalid),
        problems: [snippet.invalid],
        runs: [],
      };
    const mapped = (runs[index] ?? []).map((run) => mapRun(snippet, run));
    const verdict = judgeSnippet(snippet, mapped);
    const ok = verdict.findings.length === 0;
    // A proof made without the sandbox says so wherever its summary is shown (badge, report, site).
    const unsandboxed = mapped.some((run) => run.sandboxDegraded === true) ? ' · no sandbox' : '';
    const evidence = evidenceOf(snippet, mapped);
    return {
      id: snippet.id,
      status: !ok ? 'failed' : snippet.expectation.kind === 'ignore' ? 'ignored' : 'proved',
      ok,
      summary: ok ? `${passSummary(snippet, mapped)}${unsandboxed}` : failSummary(verdict.short),
      problems: verdict.findings.map((finding) => finding.message),
      runs: mapped,
      findings: verdict.findings,
      ...(evidence ? { evidence } : {}),
    };
  });
}

/** The distinct missing toolchains among the results (the CLI exits 3 when there are any). */
export function findMissingTools(results: readonly SnippetResult[]): { tool: string; hint: string }[] {
  const missing = new Map<string, string>();
  for (const result of results)
    for (const run of result.runs) if (run.missingTool) missing.set(run.missingTool.tool, run.missingTool.hint);
  return [...missing].sort(([a], [b]) => a.localeCompare(b)).map(([tool, hint]) => ({ tool, hint }));
}
