/** The snippet stage of a build: prove every deck's snippets, report verdicts, then check table evidence. */
import { checkTableEvidence } from '../table/check/tables.ts';
import type { Snippet, SnippetResult } from '../model/snippet.ts';
import { verifySnippets, type VerifyOptions } from '../snippet/check/verify.ts';
import { reportSnippetResults } from '../snippet/check/report-results.ts';
import type { LoadedDeck } from './load.ts';

/** Options of the snippet stage. */
export interface SnippetStageOptions {
  root: string;
  noCache: boolean;
  /** Toolchains and sandbox found once and reused across builds (`proofdeck dev`). */
  session?: SnippetSession | undefined;
  /** `--unsafe-no-sandbox`: run snippets without bubblewrap when it is unusable. @default false */
  unsafeNoSandbox?: boolean;
  /** Which snippets this run proves (`check --shard`): by default all of them. */
  select?: ((snippet: Snippet) => boolean) | undefined;
  /** Decks whose own findings this run reports (`check --shard`: the decks this shard owns). @default all */
  owns?: ((deck: LoadedDeck) => boolean) | undefined;
}

/** What a long-running process keeps between builds so a rebuild does not rediscover compilers. */
export type SnippetSession = Pick<VerifyOptions, 'toolchains' | 'sandbox'>;

/**
 * Verifies all decks' snippets in one batch (one pool of processes, one cache), attaches the findings to
 * each deck's file, and checks every `:proof[id]` against the verdicts. A missing compiler is reported at
 * every snippet that needs it (`snippet/missing-toolchain`, with the command that installs it), so the build
 * writes nothing; the CLI exits 3 for it (see `findMissingTools`).
 */
export async function runSnippetStage(
  decks: readonly LoadedDeck[],
  options: SnippetStageOptions,
): Promise<Map<LoadedDeck, Map<string, SnippetResult>>> {
  const snippets = decks.flatMap((deck) => deck.snippets).filter((snippet) => options.select?.(snippet) ?? true);
  const results =
    snippets.length > 0
      ? await verifySnippets(snippets, {
          root: options.root,
          noCache: options.noCache,
          allowUnsandboxed: options.unsafeNoSandbox === true,
          ...options.session,
        })
      : [];
  reportSnippetResults(results, snippets, new Map(decks.map((deck) => [deck.file.path, deck.file])));
  // Keyed by snippet, not id: files checked together may derive the same id (`a/intro.md`, `b/intro.md`).
  const bySnippet = new Map(snippets.map((snippet, index) => [snippet, results[index]] as const));
  const provedHere = options.select ? new Set(snippets.map((snippet) => snippet.id)) : undefined;
  const byDeck = new Map<LoadedDeck, Map<string, SnippetResult>>();
  for (const deck of decks) {
    const own = new Map(
      deck.snippets.flatMap((snippet) => {
        const result = bySnippet.get(snippet);
        return result ? [[snippet.id, result] as const] : [];
      }),
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
