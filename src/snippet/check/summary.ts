/** One-line badge text for a snippet's verdict: "compiles · gcc 12.2 · clang 14.0", "rejected · rustc 1.95 · E0382". */
import type { Snippet, ToolRun } from '../../model/snippet.ts';
import { DETECTOR_NAMES, rejectionWanted, toolLabel } from './detectors.ts';

function tools(runs: readonly ToolRun[]): string {
  return runs.map(toolLabel).join(' · ');
}

/** The badge text when every run met the expectation. */
export function passSummary(snippet: Snippet, runs: readonly ToolRun[]): string {
  const expectation = snippet.expectation;
  switch (expectation.kind) {
    case 'ignore':
      return '';
    case 'compile':
      return snippet.warns.length > 0
        ? `warns ${snippet.warns.join(', ')} · ${tools(runs)}`
        : `compiles · ${tools(runs)}`;
    case 'run': {
      const exit = expectation.exitCode === 0 ? 'runs' : `exits ${expectation.exitCode}`;
      const checked = expectation.stdout !== undefined || expectation.stderr !== undefined;
      return `${checked ? `${exit}, output checked` : exit} · ${tools(runs)}`;
    }
    case 'compile-fail': {
      const why = rejectionWanted(expectation);
      return `rejected · ${tools(runs)}${why ? ` · ${why}` : ''}`;
    }
    case 'panic':
      return `panics · ${tools(runs)}`;
    case 'transcript':
      return `transcript output matches · ${tools(runs)}`;
    case 'detect': {
      const kind =
        expectation.report ??
        (expectation.detector === 'lsan'
          ? 'memory leak'
          : expectation.detector === 'stack-protector'
            ? 'stack smashing'
            : 'report');
      return `${DETECTOR_NAMES[expectation.detector]}: ${kind} · ${runs.map((run) => run.tool).join(', ')}`;
    }
  }
}

/** The badge text when something failed: what went wrong, briefly; details are in the findings. */
export function failSummary(short: string | undefined): string {
  return short ?? 'expectation not met';
}
