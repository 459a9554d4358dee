/**
 * Compares what a snippet claims (its expectation) with what each toolchain did. An unmet expectation
 * says what was expected and what happened, quoting the compiler or the sanitizer; an expected failure
 * that does not happen is an error; a failure of another kind is an error.
 */
import type { Snippet, SnippetFinding, ToolDiagnostic, ToolRun } from '../../model/snippet.ts';
import {
  actualReport,
  expectedReport,
  rejectionWanted,
  reportDiagnostic,
  reportMatches,
  toolLabel,
} from './detectors.ts';
import { includedLocation, placeOf } from './positions.ts';
import { compareTranscript, exitMismatch } from './transcript-output.ts';
import type { RuleId } from '../../report/rules.ts';

/** Findings for one run, plus a few words for a failing badge. */
export interface RunVerdict {
  findings: SnippetFinding[];
  short?: string;
}

type Add = (ruleId: RuleId, message: string, at?: ToolDiagnostic, hint?: string) => void;

const MAX_WARNINGS = 5;

function quote(diagnostic: ToolDiagnostic | undefined): string {
  if (!diagnostic) return '';
  const code = diagnostic.code && !diagnostic.message.includes(diagnostic.code) ? ` [${diagnostic.code}]` : '';
  return `: ${diagnostic.message}${code}${includedLocation(diagnostic)}`;
}

function firstError(run: ToolRun): ToolDiagnostic | undefined {
  return run.diagnostics.find((d) => d.severity === 'error');
}

function exitText(run: ToolRun): string {
  const last = run.stderr.trim().split('\n').filter(Boolean).slice(-1)[0];
  return `exited with status ${String(run.exitCode ?? '?')}${last ? ` (${last.slice(0, 160)})` : ''}`;
}

/** C only: warnings the snippet did not declare with `warns=`, and declared ones that did not fire. */
function checkWarnings(snippet: Snippet, run: ToolRun, add: Add, clean: boolean): void {
  if (snippet.lang === 'rust') return;
  const warnings = run.diagnostics.filter((d) => d.severity === 'warning');
  for (const flag of snippet.warns) {
    if (!warnings.some((d) => d.code === flag))
      add(
        'snippet/missing-warning',
        `expected ${toolLabel(run)} to warn ${flag}, but it did not`,
        undefined,
        'drop the warns= attribute for this compiler with cc=, or fix the claim',
      );
  }
  if (!clean) return;
  const unexpected = warnings.filter((d) => !d.code || !snippet.warns.includes(d.code));
  for (const warning of unexpected.slice(0, MAX_WARNINGS)) {
    add(
      'snippet/unexpected-warning',
      `expected to compile cleanly with -Wall -Wextra, but ${toolLabel(run)} warned${quote(warning)}`,
      warning,
      warning.code ? `fix the code, or declare it with warns=${warning.code}` : 'fix the code',
    );
  }
}

function judgeRun(snippet: Snippet, run: ToolRun, add: Add): string | undefined {
  const tool = toolLabel(run);
  const expectation = snippet.expectation;
  if (run.missingTool) {
    add(
      'snippet/missing-toolchain',
      `${run.missingTool.tool} is not installed, so this snippet was not checked`,
      undefined,
      run.missingTool.hint,
    );
    return `${run.missingTool.tool} missing`;
  }
  if (run.outcome === 'skipped') {
    add('snippet/internal-error', `${tool}: ${firstError(run)?.message ?? 'not run'}`);
    return 'not checked';
  }
  if (run.outcome === 'timeout') {
    add(
      'snippet/timeout',
      `${tool}: ${firstError(run)?.message ?? 'stopped by a limit'}`,
      undefined,
      'make the program finish quickly; snippets run with CPU, memory and time limits',
    );
    return 'timed out';
  }
  if (expectation.kind === 'compile-fail') {
    if (run.outcome !== 'compile-error') {
      const wanted = rejectionWanted(expectation);
      add(
        'snippet/unexpected-success',
        `expected ${tool} to reject this${wanted ? ` with ${wanted}` : ''}, but it compiled`,
      );
      return 'compiles';
    }
    const errors = run.diagnostics.filter((d) => d.severity === 'error');
    const missingCodes = expectation.codes.filter((code) => !errors.some((d) => d.code === code));
    const missingMessages = expectation.messages.filter((text) => !errors.some((d) => d.message.includes(text)));
    const missing = [...missingCodes, ...missingMessages.map((m) => `"${m}"`)];
    if (missing.length > 0) {
      const got = errors.find((d) => d.code) ?? errors[0];
      add(
        'snippet/wrong-failure',
        `expected ${tool} to reject this with ${missing.join(', ')}, but it failed differently${quote(got)}`,
        got,
      );
      return `rejected with ${got?.code ?? 'another error'}`;
    }
    return undefined;
  }
  if (run.outcome === 'compile-error') {
    const error = firstError(run);
    add('snippet/compile-error', `expected to compile, but ${tool} rejected it${quote(error)}`, error);
    return 'does not compile';
  }
  checkWarnings(snippet, run, add, expectation.kind === 'compile' || expectation.kind === 'run');
  const report = reportDiagnostic(run);
  if (expectation.kind === 'compile' || expectation.kind === 'ignore') return undefined;
  if (expectation.kind === 'run') {
    if (run.outcome === 'panicked' || run.outcome === 'detected') {
      add(
        run.outcome === 'panicked' ? 'snippet/unexpected-panic' : 'snippet/wrong-exit',
        `expected to run and exit ${expectation.exitCode}, but with ${tool} it ` +
          `${run.outcome === 'panicked' ? '' : 'failed: '}${report?.message ?? exitText(run)}`,
        report,
      );
      return run.outcome === 'panicked' ? 'panics' : 'crashes';
    }
    if (run.exitCode !== expectation.exitCode) {
      add('snippet/wrong-exit', `expected exit status ${expectation.exitCode}, but with ${tool} it ${exitText(run)}`);
      return `exit ${String(run.exitCode ?? '?')}`;
    }
    if (expectation.stdout !== undefined && run.stdout.replace(/\n+$/, '') !== expectation.stdout.replace(/\n+$/, '')) {
      add(
        'snippet/wrong-output',
        `expected stdout ${JSON.stringify(expectation.stdout)}, but with ${tool} it printed ` +
          `${JSON.stringify(run.stdout.slice(0, 200))}`,
      );
      return 'wrong output';
    }
    if (expectation.stderr !== undefined && !run.stderr.includes(expectation.stderr)) {
      add(
        'snippet/wrong-output',
        `expected stderr to contain ${JSON.stringify(expectation.stderr)}, but with ${tool} it printed ` +
          `${JSON.stringify(run.stderr.slice(0, 200))}`,
      );
      return 'wrong stderr';
    }
    return undefined;
  }
  if (expectation.kind === 'panic') {
    if (run.outcome === 'panicked') {
      if (expectation.message !== undefined && !(report?.message ?? '').includes(expectation.message)) {
        add(
          'snippet/wrong-failure',
          `expected a panic with "${expectation.message}", but ${tool}'s build ` +
            `${report?.message ?? 'panicked differently'}`,
          report,
        );
        return 'other panic';
      }
      return undefined;
    }
    if (run.outcome === 'ran')
      add(
        'snippet/unexpected-success',
        `expected a panic (should_panic), but with ${tool} it ran to completion (exit 0)`,
      );
    else
      add(
        'snippet/wrong-failure',
        `expected a panic (should_panic, exit 101), but with ${tool} it ` +
          `${report ? `failed: ${report.message}` : exitText(run)}`,
        report,
      );
    return run.outcome === 'ran' ? 'does not panic' : 'fails without panic';
  }
  if (expectation.kind === 'transcript') return judgeTranscript(snippet, expectation, run, add);
  if (reportMatches(expectation, run)) return undefined;
  if (run.outcome === 'ran') {
    add(
      'snippet/unexpected-success',
      `expected ${expectedReport(expectation)}, but with ${tool} the program ran cleanly (exit 0, no report)`,
      undefined,
      'sanitizer runs are -O0; check the bug is reachable',
    );
    return 'no report';
  }
  const happened = report
    ? `the run reported ${actualReport(run)}${quote(report)}`
    : `the program ${exitText(run)} with no report`;
  add('snippet/wrong-failure', `expected ${expectedReport(expectation)}, but with ${tool} ${happened}`, report);
  return actualReport(run);
}

/** A transcript: the shown output must be in the real one; the position is the first shown line missing. */
function judgeTranscript(
  snippet: Snippet,
  expectation: Extract<Snippet['expectation'], { kind: 'transcript' }>,
  run: ToolRun,
  add: Add,
): string | undefined {
  const sources = [snippet.fileName ?? '', ...(snippet.files ?? []).map((file) => file.name)].filter(Boolean);
  const mismatch = compareTranscript(expectation.output, { stdout: run.stdout, stderr: run.stderr, sources });
  const exit = exitMismatch(expectation.exit, run.exitCode, toolLabel(run));
  if (!mismatch && exit && expectation.exit) {
    const at = { severity: 'error' as const, message: '', line: expectation.exit.line, column: 1 };
    add('snippet/transcript-output', exit, at, 'show the exit status the program really has (`echo $?`)');
    return 'exit status differs';
  }
  if (!mismatch) return undefined;
  const real = `${run.stdout}${run.stderr}`.trim().split('\n').slice(0, 3).join(' | ');
  add(
    'snippet/transcript-output',
    `the transcript shows \`${mismatch.shown.trim()}\`, but with ${toolLabel(run)} the real run did not print it` +
      ` (it printed: ${real.slice(0, 200) || 'nothing'})`,
    { severity: 'error', message: '', line: expectation.lines[mismatch.index] ?? snippet.line, column: 1 },
    'update the shown output to what the program prints (addresses, pids and paths may differ)',
  );
  return 'output differs';
}

/** Judges every run of `snippet`; findings are positioned in the markdown. */
export function judgeSnippet(snippet: Snippet, runs: readonly ToolRun[]): RunVerdict {
  const findings: SnippetFinding[] = [];
  let short: string | undefined;
  for (const run of runs) {
    const add: Add = (ruleId, message, at, hint) => {
      findings.push({ ruleId, severity: 'error', message, ...placeOf(snippet, at), ...(hint ? { hint } : {}) });
    };
    const reason = judgeRun(snippet, run, add);
    short ??= reason ? `${reason} (${toolLabel(run)})` : undefined;
    if (!short && findings.length > 0)
      short = `${findings[0]?.ruleId.replace('snippet/', '').replace(/-/g, ' ')} (${toolLabel(run)})`;
  }
  return { findings, ...(short ? { short } : {}) };
}
