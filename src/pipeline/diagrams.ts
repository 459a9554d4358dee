/** The diagram stage of a build: render every deck's diagrams (cache first), report mermaid's errors. */
import type { BrowserSession } from '../browser/session.ts';
import { cacheFolder } from '../cache/store.ts';
import { reportDiagramResults } from '../diagram/report-results.ts';
import type { Theme } from '../config/themes.ts';
import { renderDiagrams } from '../diagram/render.ts';
import type { Diagram, DiagramResult } from '../model/diagram.ts';
import type { LoadedDeck } from './load.ts';

/** The default diagram cache: beside other tools' caches, never in dist/ or git. */
export function defaultDiagramCache(root: string): string {
  return cacheFolder(root, 'diagrams');
}

/** Options for {@link runDiagramStage}. */
interface DiagramStageOptions {
  browser: BrowserSession;
  cacheDir: string | undefined;
  /** A theme of the other appearance to draw every diagram in too (the site's other colour scheme). */
  alternateOf?: (theme: Theme) => Theme | undefined;
}

/** Renders all decks' diagrams, one batch per theme, and attaches errors to each deck's file. */
export async function runDiagramStage(
  decks: readonly LoadedDeck[],
  themeOf: (deck: LoadedDeck) => Theme | undefined,
  options: DiagramStageOptions,
): Promise<Map<LoadedDeck, Map<string, DiagramResult>>> {
  const byDeck = new Map<LoadedDeck, Map<string, DiagramResult>>();
  for (const deck of decks) {
    const theme = themeOf(deck);
    if (deck.diagrams.length === 0 || !theme) continue;
    const diagrams = deck.diagrams;
    const results = await renderDiagrams(diagrams, {
      browser: options.browser,
      config: theme.mermaid,
      cacheDir: options.cacheDir,
    });
    reportDiagramResults(diagrams, results, deck.file);
    const alternate = options.alternateOf?.(theme);
    if (alternate) await addAlternates(diagrams, results, alternate, options);
    byDeck.set(deck, results);
  }
  return byDeck;
}

/** Draws the diagrams that rendered again in `theme`; its errors are the same diagrams' and already reported. */
async function addAlternates(
  diagrams: readonly Diagram[],
  results: Map<string, DiagramResult>,
  theme: Theme,
  options: DiagramStageOptions,
): Promise<void> {
  const drawn = diagrams.filter((diagram) => results.get(diagram.id)?.ok);
  const alternates = await renderDiagrams(
    drawn.map((diagram) => ({ ...diagram, id: `${diagram.id}-${theme.appearance}` })),
    { browser: options.browser, config: theme.mermaid, cacheDir: options.cacheDir },
  );
  for (const diagram of drawn) {
    const result = results.get(diagram.id);
    const alternate = alternates.get(`${diagram.id}-${theme.appearance}`);
    if (result?.ok && alternate?.ok)
      results.set(diagram.id, { ...result, alternate: { appearance: theme.appearance, svg: alternate.svg } });
  }
}
