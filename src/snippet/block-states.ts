/**
 * The state every fenced block ends in (proved, failed, or not proved for a reason its fence states), the
 * reason in words for the `check` list, and `snippet/unproved` for decks that want every block proved
 * (`--frail`, `proofs: all`). Text, diagrams and math are exempt from that: they are not code.
 */
import type { VFile } from 'vfile';
import type { BlockVerdict, FencedBlock, SnippetResult } from '../model/snippet.ts';
import { addError } from '../report/messages.ts';

/** Why the block is not proved, in words ("`python` is not a language proofdeck runs"). */
function unprovedText(block: Pick<FencedBlock, 'lang' | 'unproved'>): string {
  switch (block.unproved) {
    case 'ignore':
      return 'marked `ignore`';
    case 'text':
      return `\`${block.lang}\`: not code`;
    case 'no-language':
      return 'no language';
    case 'diagram':
      return `\`${block.lang}\` diagram: drawn, not run`;
    case 'math':
      return 'math: typeset, not run';
    case 'transcript':
      return 'a transcript proofdeck cannot prove as written';
    default:
      return `\`${block.lang}\` is not a language proofdeck runs`;
  }
}

/** True when `proofs: all` lets the block stay unproved: it is not code. */
function exempt(block: FencedBlock): boolean {
  return block.unproved === 'text' || block.unproved === 'diagram' || block.unproved === 'math';
}

const HINTS: Readonly<Record<NonNullable<FencedBlock['unproved']>, string>> = {
  ignore: 'remove `ignore` so the block is proved',
  language: 'prove it as C, C++ or Rust, or mark it ```text if it is not code',
  text: '',
  'no-language': 'name its language (```text if it is not code); an indented block needs a fence for that',
  diagram: '',
  math: '',
  transcript: 'show `$ cat FILE.c`, then `$ gcc|clang [flags] FILE.c && ./a.out` and its output',
};

/** `snippet/unproved` at the fence of every block that is not proved and not exempt. */
export function reportUnproved(blocks: readonly FencedBlock[], file: VFile): void {
  for (const block of blocks) {
    if (!block.unproved || exempt(block)) continue;
    addError(
      file,
      `this block is not proved (${unprovedText(block)}), and this deck asks for every block to be proved`,
      { line: block.line, column: block.column },
      'snippet/unproved',
      HINTS[block.unproved],
    );
  }
}

/**
 * Each block's final state, given the verdicts of the snippets (by id). A snippet block without a verdict
 * (proved by another `--shard`) is left out, and so are the other blocks when `owned` is false (a
 * deck another shard owns), so that joined shard reports list every block once.
 */
export function blockVerdicts(
  blocks: readonly FencedBlock[],
  file: string,
  results: ReadonlyMap<string, SnippetResult>,
  owned = true,
): BlockVerdict[] {
  return blocks.flatMap((block): BlockVerdict[] => {
    const place = { file, line: block.line, column: block.column, lang: block.lang };
    if (block.snippet !== undefined) {
      const result = results.get(block.snippet);
      if (!result) return [];
      const snippet = { ...place, snippet: block.snippet };
      if (result.status === 'failed') return [{ ...snippet, state: 'failed' }];
      if (result.status === 'proved') return [{ ...snippet, state: 'proved' }];
      const why = unprovedText({ lang: block.lang, unproved: 'ignore' });
      return [{ ...snippet, state: 'unproved', reason: 'ignore', why }];
    }
    if (!owned) return [];
    if (block.error || !block.unproved) return [{ ...place, state: 'failed' }];
    return [{ ...place, state: 'unproved', reason: block.unproved, why: unprovedText(block) }];
  });
}
