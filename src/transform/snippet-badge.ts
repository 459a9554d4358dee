/** A proved code block: the highlighted code with a small verification badge and its details on hover. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Snippet, SnippetResult, ToolRun } from '../model/snippet.ts';

/** The first diagnostic or detector report of a run, as one line. */
function runDetail(run: ToolRun): string {
  const first = run.diagnostics.find((d) => d.severity === 'error') ?? run.diagnostics[0];
  const what = run.report ?? (first ? `${first.code ? `${first.code}: ` : ''}${first.message}` : run.outcome);
  return `${run.tool} ${run.version}: ${what}`;
}

/** Hover text: every toolchain with what it said. */
function snippetDetails(snippet: Snippet, result: SnippetResult | undefined): string {
  if (!result) return `${snippet.id}: not verified`;
  const lines = result.runs.filter((run) => run.outcome !== 'skipped').map(runDetail);
  const summary = result.status === 'failed' ? `✗ ${result.summary}` : result.summary;
  return [`${snippet.id}: ${summary}`, ...lines, ...(result.ok ? [] : result.problems)].join('\n');
}

/** Wraps `pre` in a figure with the badge; the figure's id lets tables and the site link to the snippet. */
export function snippetFigure(pre: Element, snippet: Snippet, result: SnippetResult | undefined): Element {
  if (snippet.expectation.kind === 'ignore')
    return h('figure.snippet.snippet-ignored', { id: `snippet-${snippet.id}` }, [pre]);
  const state = !result ? 'unverified' : result.status === 'failed' ? 'failed' : 'proved';
  const mark = state === 'proved' ? '✓' : '✗';
  const label = result?.summary ?? 'not verified';
  return h('figure.snippet', { id: `snippet-${snippet.id}`, dataSnippet: snippet.id, dataState: state }, [
    pre,
    h('figcaption.badge', { className: [`badge-${state}`], title: snippetDetails(snippet, result) }, [
      h('span.badge-mark', { ariaHidden: 'true' }, mark),
      ` ${label}`,
    ]),
  ]);
}
