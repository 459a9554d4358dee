/** The diagram stage of a build: render every deck's diagrams (cache first), report mermaid's errors. */
import type { BrowserSession } from '../browser/session.ts';
import { cacheFolder } from '../cache/store.ts';
import { reportDiagramResults } from '../diagram/report-results.ts';
import type { Theme } from '../config/themes.ts';
import { renderDiagrams } from '../diagram/render.ts';
import type { DiagramResult } from '../model/diagram.ts';
import type { LoadedDeck } from './load.ts';

/** The default diagram cache: beside other tools' caches, never in dist/ or git. */
export function defaultDiagramCache(root: string): string {
  return cacheFolder(root, 'diagrams');
}

/** Renders all decks' diagrams, one batch per theme, and attaches errors to each deck's file. */
export async function runDiagramStage(
  decks: readonly LoadedDeck[],
  themeOf: (deck: LoadedDeck) => Theme | undefined,
  options: { browser: BrowserSession; cacheDir: string | undefined },
): Promise<Map<LoadedDeck, Map<string, DiagramResult>>> {
  const byDeck = new Map<LoadedDeck, Map<string, DiagramResult>>();
  for (const deck of decks) {
    const theme = themeOf(deck);
    if (deck.diagrams.size === 0 || !theme) continue;
    const results = await renderDiagrams([...deck.diagrams.values()], {
      browser: options.browser,
      config: theme.mermaid,
      cacheDir: options.cacheDir,
    });
    reportDiagramResults(deck.diagrams.values(), results, deck.file);
    byDeck.set(deck, results);
  }
  return byDeck;
}
