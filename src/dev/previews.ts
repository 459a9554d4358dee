/**
 * The fast path of an edit in `proofdeck dev`: before the full rebuild of a deck (fit, every slide, site,
 * writing dist/), its changed slides are rendered alone and pushed to the open pages, which swap them in
 * place. The full build follows and confirms them (the client swaps again only what still differs).
 */
import type { BrowserSession } from '../browser/session.ts';
import type { DeckOptions } from '../pipeline/check.ts';
import { previewDeck, snapshotOf, type DeckPreview, type DeckSnapshot } from '../pipeline/preview.ts';
import type { BuiltDoc } from '../pipeline/renderers.ts';

/** The per-deck snapshots the previews compare with, kept current by written builds and by previews. */
export interface Previews {
  /** Takes the snapshots of the decks a build wrote. */
  written(docs: readonly BuiltDoc[]): void;
  /**
   * Renders each deck's changed slides and hands them to `push`; resolves with whether any were pushed.
   * Never rejects: what fails here, the full build that follows reports.
   */
  run(decks: readonly { name: string; path: string }[]): Promise<boolean>;
}

/** Options for {@link createPreviews}: the dev rebuild's options, and where the changed slides go. */
export interface PreviewsOptions extends DeckOptions {
  browser: BrowserSession;
  push(preview: Omit<DeckPreview, 'snapshot'> & { ms: number }): void;
}

export function createPreviews(options: PreviewsOptions): Previews {
  const { push, ...deckOptions } = options;
  const snapshots = new Map<string, DeckSnapshot>();
  // One preview at a time: a later edit's slides must not arrive before an earlier one's.
  let chain: Promise<boolean> = Promise.resolve(false);
  const one = async (deck: { name: string; path: string }): Promise<boolean> => {
    const snapshot = snapshots.get(deck.name);
    if (!snapshot) return false;
    const started = performance.now();
    const preview = await previewDeck(snapshot, { ...deckOptions, paths: [deck.path] }).catch(() => undefined);
    if (!preview) return false;
    snapshots.set(deck.name, preview.snapshot);
    if (preview.sections.length === 0) return false;
    const { snapshot: _kept, ...slides } = preview;
    push({ ...slides, ms: performance.now() - started });
    return true;
  };
  return {
    written(docs) {
      for (const doc of docs) if (doc.deck.meta.kind !== 'page') snapshots.set(doc.deck.name, snapshotOf(doc));
    },
    run(decks) {
      chain = chain.then(async () => {
        let pushed = false;
        for (const deck of decks) pushed = (await one(deck)) || pushed;
        return pushed;
      });
      return chain;
    },
  };
}
