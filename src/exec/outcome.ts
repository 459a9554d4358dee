/** Turns what a compile step and a run step left behind into a {@link ToolRun}. */
import type { ToolDiagnostic, ToolRun } from '../model/snippet.ts';
import type { SandboxLimits } from './sandbox.ts';
import type { ProcessResult } from './spawn.ts';
import type { Toolchain } from './toolchains.ts';
import { limitReason } from './job-dir.ts';
import { parseRuntimeReport } from './runtime-reports.ts';

/** Common fields of a run from one toolchain. */
function baseRun(
  tool: Toolchain,
  degraded: boolean,
): Pick<ToolRun, 'tool' | 'version' | 'cached'> & { sandboxDegraded?: boolean } {
  return { tool: tool.name, version: tool.version, cached: false, ...(degraded ? { sandboxDegraded: true } : {}) };
}

/** The run after compiling only (or after a failed compile). */
export function compiledRun(
  tool: Toolchain,
  degraded: boolean,
  result: ProcessResult,
  diagnostics: ToolDiagnostic[],
  limits: SandboxLimits,
): ToolRun {
  const stopped = limitReason(result, limits);
  const failed = result.exitCode !== 0;
  const extra: ToolDiagnostic[] = stopped ? [{ severity: 'error', message: `compiler ${stopped}` }] : [];
  if (failed && !stopped && !diagnostics.some((d) => d.severity === 'error')) {
    // A compiler that fails without a parsable error (crash, missing runtime): keep its words.
    extra.push({
      severity: 'error',
      message: result.stderr.trim().split('\n').slice(-3).join(' ') || `exit status ${String(result.exitCode)}`,
    });
  }
  return {
    ...baseRun(tool, degraded),
    outcome: stopped ? 'timeout' : failed ? 'compile-error' : 'compiled',
    ...(result.exitCode !== null ? { exitCode: result.exitCode } : {}),
    diagnostics: [...diagnostics, ...extra],
    stdout: result.stdout,
    stderr: result.stderr,
    durationMs: result.durationMs,
  };
}

/** The run after executing the binary: timeout, a detector/panic report, or a plain exit. */
export function executedRun(
  compiled: ToolRun,
  result: ProcessResult,
  sourceName: string,
  limits: SandboxLimits,
  programOffset = 0,
  otherFiles: readonly string[] = [],
): ToolRun {
  const stopped = limitReason(result, limits);
  const report = parseRuntimeReport(result.stderr, sourceName, otherFiles);
  const diagnostics = [...compiled.diagnostics];
  if (report) {
    const line = report.programLine !== undefined ? report.programLine - programOffset : undefined;
    diagnostics.push({
      severity: 'error',
      message: report.reporter === 'panic' ? `panicked: ${report.detail}` : report.headline,
      code: report.kind,
      ...(line !== undefined && line > 0 ? { programLine: line } : {}),
      ...(report.programColumn !== undefined ? { programColumn: report.programColumn } : {}),
      ...(report.programFile !== undefined ? { programFile: report.programFile } : {}),
    });
  }
  if (stopped) diagnostics.push({ severity: 'error', message: `program ${stopped}` });
  const outcome: ToolRun['outcome'] =
    stopped && !report
      ? 'timeout'
      : report?.reporter === 'panic'
        ? 'panicked'
        : report
          ? 'detected'
          : result.exitCode === 0
            ? 'ran'
            : 'run-failed';
  const exitCode = result.exitCode ?? (result.signal ? 128 + signalNumber(result.signal) : undefined);
  return {
    ...compiled,
    outcome,
    ...(exitCode !== undefined ? { exitCode } : {}),
    diagnostics,
    ...(report ? { report: report.kind } : {}),
    stdout: result.stdout,
    stderr: result.stderr,
    durationMs: compiled.durationMs + result.durationMs,
  };
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = {
  SIGABRT: 6,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGILL: 4,
  SIGFPE: 8,
  SIGBUS: 7,
  SIGTERM: 15,
};

function signalNumber(signal: NodeJS.Signals): number {
  return SIGNALS[signal] ?? 0;
}
