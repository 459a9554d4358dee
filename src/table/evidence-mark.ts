/** The mark a rendered table shows for a `:proof[id]` citation: ✓ linking to the snippet, with a text alternative. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { SnippetResult } from '../model/snippet.ts';
import { CLAIM_MEANINGS, provenClaim } from './claims.ts';
import type { Citation } from './model.ts';

/**
 * Renders one citation. `href` is where the snippet is shown (`#/bug-2-use-after-free` in the deck, an
 * anchor on the site). A citation that is not proved (no result, a failed snippet, another outcome) gets
 * ✗ and says so; such a build has already failed, but `check` output and previews stay honest.
 */
export function evidenceMark(
  citation: Pick<Citation, 'snippetId' | 'claims'>,
  result: SnippetResult | undefined,
  href: string,
): Element {
  const id = citation.snippetId;
  const claim = result ? provenClaim(result, citation.claims) : undefined;
  const toolchains = result ? toolchainText(result) : '';
  if (claim) {
    const meaning = CLAIM_MEANINGS[claim];
    return h('a.evidence', { href, title: `${id}: ${toolchains}`, dataSnippet: id, dataOutcome: claim }, [
      h('span', { ariaHidden: 'true' }, '✓'),
      h('span.sr-only', `proved by snippet ${id}, ${meaning}: ${toolchains}`),
    ]);
  }
  const why = !result
    ? 'not verified in this build'
    : !result.ok
      ? 'the snippet failed its own check'
      : `it did not end as claimed (${citation.claims.join(' or ')})`;
  return h('a.evidence.evidence-unproved', { href, title: `${id}: ${why}`, dataSnippet: id }, [
    h('span', { ariaHidden: 'true' }, '✗'),
    h('span.sr-only', `not proved by snippet ${id}: ${why}`),
  ]);
}

/** "ASan: heap-use-after-free · gcc 12, clang 14": the snippet's badge text, else its tools and versions. */
function toolchainText(result: SnippetResult): string {
  if (result.summary.trim() !== '') return result.summary;
  return result.runs.map((run) => `${run.tool} ${run.version}`).join(', ');
}
