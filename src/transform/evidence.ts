/**
 * The real line behind a verdict, shown under a `show=output` block (deck, PDFs, handout, site) and on the
 * verification page. Never invented: it is the verdict's `evidence`, and only for a proved block.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { SnippetEvidence, SnippetResult } from '../model/snippet.ts';

/** Lines of a program's stdout shown under a run block: enough to recognise it, few enough to fit a slide. */
const STDOUT_LINES = 3;

/**
 * What changes from run to run is shortened so dist/ is byte-identical across builds: addresses (ASLR moves
 * stacks and libraries; ASan's heap is fixed but its registers are not) become `0x…`, pids go, and ASan's
 * `at pc … bp … sp …` register tail is dropped (noise to an audience).
 */
function normaliseEvidence(line: string): string {
  return line
    .replace(/^==\d+==/, '')
    .replace(/ \(pid=\d+\)/g, '')
    .replace(/ at pc 0x[0-9a-f]+ bp 0x[0-9a-f]+ sp 0x[0-9a-f]+/g, '')
    .replace(/\b0x[0-9a-f]{5,}\b/gi, '0x…')
    .trimEnd();
}

/** The evidence lines of a proved verdict: its line, or the first lines of stdout for a run block. */
function evidenceLines(result: SnippetResult): string[] {
  const evidence = result.evidence;
  if (!evidence) return [];
  if (evidence.source !== 'stdout') return [normaliseEvidence(evidence.text)];
  // The run the verdict took its first line from: the first that ran and printed something.
  const run = result.runs.find(
    (candidate) =>
      (candidate.outcome === 'ran' || candidate.outcome === 'run-failed') && candidate.stdout.trim() !== '',
  );
  const lines = (run?.stdout ?? evidence.text).split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, STDOUT_LINES).map(normaliseEvidence);
}

/** Who printed it, in words: `rustc 1.95`, `gcc 12.2, at run time`, `gcc 12.2, stdout`. */
function sourceLabel(evidence: SnippetEvidence): string {
  return evidence.source === 'compiler'
    ? evidence.tool
    : `${evidence.tool}, ${evidence.source === 'stdout' ? 'program output' : 'at run time'}`;
}

/** The terminal-styled block under the code, or nothing when the verdict is not a proof with a line to show. */
export function evidenceBlock(result: SnippetResult | undefined): Element | undefined {
  if (!result || result.status !== 'proved' || !result.evidence) return undefined;
  const lines = evidenceLines(result);
  if (lines.length === 0) return undefined;
  return h(
    'pre.proof-output',
    { dataSource: result.evidence.source, ariaLabel: `Output: ${sourceLabel(result.evidence)}` },
    [h('code', lines.join('\n'))],
  );
}

/** The evidence as who printed it and its first line, for the verification page; absent when there is none. */
export function evidenceLine(result: SnippetResult | undefined): { label: string; line: string } | undefined {
  if (!result?.evidence || result.status === 'ignored') return undefined;
  return { label: sourceLabel(result.evidence), line: evidenceLines(result)[0] ?? '' };
}
