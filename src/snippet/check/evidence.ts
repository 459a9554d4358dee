/**
 * The one real line behind a verdict, for the renderers (slides, handout, site): what the compiler or the
 * program printed that proved the claim, or that broke it. Never invented: a run that printed nothing
 * relevant has no evidence.
 */
import type { Snippet, SnippetEvidence, ToolDiagnostic, ToolRun } from '../../model/snippet.ts';
import { reportDiagnostic, toolLabel } from './detectors.ts';

const MAX_LENGTH = 240;

function clip(text: string): string {
  const line = text.trim();
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}

/** rustc's own first line when it gave one; otherwise `error[CODE]: message` the way rustc and gcc print it. */
function compilerLine(diagnostic: ToolDiagnostic): string {
  if (diagnostic.headline) return diagnostic.headline;
  const code = diagnostic.code && /^E\d{4}$/.test(diagnostic.code) ? `[${diagnostic.code}]` : '';
  return `${diagnostic.severity}${code}: ${diagnostic.message}`;
}

function fromRun(run: ToolRun): Omit<SnippetEvidence, 'tool'> | undefined {
  if (run.outcome === 'compile-error') {
    const error = run.diagnostics.find((d) => d.severity === 'error');
    return error ? { text: compilerLine(error), source: 'compiler' } : undefined;
  }
  if (run.outcome === 'panicked' || run.outcome === 'detected') {
    const report = reportDiagnostic(run);
    return report ? { text: report.message, source: 'runtime' } : undefined;
  }
  if (run.outcome === 'ran' || run.outcome === 'run-failed') {
    const first = run.stdout.split('\n').find((line) => line.trim() !== '');
    return first !== undefined ? { text: first, source: 'stdout' } : undefined;
  }
  return undefined;
}

/** The evidence of the first run that has some (C: the first compiler; Rust: rustc). */
export function evidenceOf(snippet: Snippet, runs: readonly ToolRun[]): SnippetEvidence | undefined {
  if (snippet.expectation.kind === 'ignore') return undefined;
  for (const run of runs) {
    const found = fromRun(run);
    if (found) return { ...found, text: clip(found.text), tool: toolLabel(run) };
  }
  return undefined;
}
