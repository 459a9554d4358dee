/** The outcomes an evidence cell can claim, and how a snippet's tool runs prove them. */
import type { SnippetResult, ToolRun } from '../model/snippet.ts';
import type { Claim } from './model.ts';

/** What each claim means, in the words used by messages and the rendered mark. */
export const CLAIM_MEANINGS: Readonly<Record<Claim, string>> = {
  'compile-error': 'rejected by the compiler',
  panic: 'panics at run time',
  detected: 'caught by a sanitizer or the stack protector',
  compiles: 'compiles cleanly',
  runs: 'compiles and runs cleanly',
};

const PROVEN_BY: Readonly<Record<Claim, readonly ToolRun['outcome'][]>> = {
  'compile-error': ['compile-error'],
  panic: ['panicked'],
  detected: ['detected'],
  compiles: ['compiled', 'ran'],
  runs: ['ran'],
};

/**
 * Parses `compile-error|panic`: the claims a cell may make, any one of which must be proved. Commas also
 * separate, because inside a table cell a `|` would end the cell: `:proof[x]{outcome="runs,compiles"}`.
 */
export function parseClaims(text: string): { claims: Claim[] } | { error: string } {
  const claims: Claim[] = [];
  for (const part of text.split(/[|,]/).map((word) => word.trim())) {
    if (!Object.hasOwn(CLAIM_MEANINGS, part)) {
      return { error: `unknown outcome "${part}"; use ${Object.keys(CLAIM_MEANINGS).join(', ')}` };
    }
    claims.push(part as Claim);
  }
  return { claims };
}

/**
 * The claim the snippet's runs prove, if any: the snippet met its own expectation in this build and every
 * toolchain that ran it ended the way the claim says. A skipped toolchain proves nothing.
 */
export function provenClaim(result: SnippetResult, claims: readonly Claim[]): Claim | undefined {
  if (!result.ok || result.runs.length === 0) return undefined;
  return claims.find((claim) => result.runs.every((run) => PROVEN_BY[claim].includes(run.outcome)));
}

/** How the runs ended, for messages: `gcc 12.2.0: detected, clang 14.0.6: detected`. */
export function describeRuns(result: SnippetResult): string {
  if (result.runs.length === 0) return 'no toolchain ran it';
  return result.runs.map((run) => `${run.tool} ${run.version}: ${run.outcome}`).join(', ');
}
