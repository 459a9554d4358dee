/** The snippet stage of a build: prove every deck's snippets, report verdicts, then check table evidence. */
import { checkTableEvidence } from '../check/table/tables.ts';
import { MissingToolError } from '../model/errors.ts';
import type { Snippet, SnippetResult } from '../model/snippet.ts';
import { findMissingTools, reportSnippetResults, verifySnippets, type VerifyOptions } from '../snippet/index.ts';
import type { LoadedDeck } from './load.ts';

/** Options of the snippet stage. */
export interface SnippetStageOptions {
  root: string;
  noCache: boolean;
  /** Toolchains and sandbox found once and reused across builds (`proofdeck dev`). */
  session?: SnippetSession | undefined;
  /** Which snippets this run proves (`check --shard`): by default all of them. */
  select?: ((snippet: Snippet) => boolean) | undefined;
  /** Decks whose own findings this run reports (`check --shard`: the decks this shard owns). @default all */
  owns?: ((deck: LoadedDeck) => boolean) | undefined;
}

/** What a long-running process keeps between builds so a rebuild does not rediscover compilers. */
export type SnippetSession = Pick<VerifyOptions, 'toolchains' | 'sandbox'>;

/**
 * Verifies all decks' snippets in one batch (one pool of processes, one cache), attaches the findings to
 * each deck's file, and checks every `:proof[id]` against the verdicts. A missing compiler is an
 * environment problem: it throws {@link MissingToolError} after nothing was written.
 */
export async function runSnippetStage(
  decks: readonly LoadedDeck[],
  options: SnippetStageOptions,
): Promise<Map<LoadedDeck, Map<string, SnippetResult>>> {
  const snippets = decks.flatMap((deck) => deck.snippets).filter((snippet) => options.select?.(snippet) ?? true);
  const results =
    snippets.length > 0
      ? await verifySnippets(snippets, { root: options.root, noCache: options.noCache, ...options.session })
      : [];
  const missing = findMissingTools(results);
  if (missing.length > 0)
    throw new MissingToolError(missing.map(({ tool, hint }) => `${tool} is not installed; ${hint}`).join('\n'));
  reportSnippetResults(results, snippets, new Map(decks.map((deck) => [deck.file.path, deck.file])));
  const byId = new Map(results.map((result) => [result.id, result]));
  const provedHere = options.select ? new Set(snippets.map((snippet) => snippet.id)) : undefined;
  const byDeck = new Map<LoadedDeck, Map<string, SnippetResult>>();
  for (const deck of decks) {
    const own = new Map(
      deck.snippets.flatMap((snippet) =>
        byId.has(snippet.id) ? [[snippet.id, byId.get(snippet.id) as SnippetResult] as const] : [],
      ),
    );
    checkTableEvidence(deck.tables, deck.file, {
      snippetIds: new Set(deck.snippets.map((snippet) => snippet.id)),
      results: own,
      provedHere,
      reportUnknown: options.owns?.(deck) ?? true,
    });
    byDeck.set(deck, own);
  }
  return byDeck;
}
