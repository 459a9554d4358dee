/** A proved code block: the highlighted code with a small verification badge and its details on hover. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Snippet, SnippetResult, ToolRun } from '../model/snippet.ts';
import { evidenceBlock } from './evidence.ts';
import type { BadgeMode } from '../model/deck.ts';

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

/** Options for {@link snippetFigure}. */
export interface FigureOptions {
  /** `compact`: glyph and summary; `full`: also the verdict in words; `off`: no badge. @default 'compact' */
  badges?: BadgeMode;
  /** `show=output`: the real line of the proof under the code. @default false */
  showOutput?: boolean;
}

/** The badge's words: the summary, preceded in `full` mode by the verdict (the glyph alone is aria-hidden). */
function badgeLabel(state: 'proved' | 'failed' | 'unverified', result: SnippetResult | undefined, mode: BadgeMode) {
  const label = result?.summary ?? 'not verified';
  if (mode !== 'full' || state === 'unverified') return ` ${label}`;
  return ` ${state === 'proved' ? 'proved' : 'failed'}: ${label}`;
}

/** Wraps `pre` in a figure with the badge; the figure's id lets tables and the site link to the snippet. */
export function snippetFigure(
  pre: Element,
  snippet: Snippet,
  result: SnippetResult | undefined,
  options: FigureOptions = {},
): Element {
  if (snippet.expectation.kind === 'ignore')
    return h('figure.snippet.snippet-ignored', { id: `snippet-${snippet.id}` }, [pre]);
  const mode = options.badges ?? 'compact';
  const state = !result ? 'unverified' : result.status === 'failed' ? 'failed' : 'proved';
  const mark = state === 'proved' ? '✓' : '✗';
  const evidence = options.showOutput ? evidenceBlock(result) : undefined;
  // `off` hides a proof's badge only: a failed or unverified block never looks proved by staying silent.
  const badge =
    mode === 'off' && state === 'proved'
      ? undefined
      : h('figcaption.badge', { className: [`badge-${state}`], title: snippetDetails(snippet, result) }, [
          h('span.badge-mark', { ariaHidden: 'true' }, mark),
          badgeLabel(state, result, mode),
        ]);
  return h('figure.snippet', { id: `snippet-${snippet.id}`, dataSnippet: snippet.id, dataState: state }, [
    pre,
    ...(evidence ? [evidence] : []),
    ...(badge ? [badge] : []),
  ]);
}
