/**
 * Loads the site fixture (two decks and a page) into a SiteInput, the way the build would, without compilers or
 * mermaid.
 */
import path from 'node:path';
import { loadDeck, type LoadedDeck } from '../../../src/pipeline/load.ts';
import { discoverThemes } from '../../../src/config/themes.ts';
import type { DiagramResult } from '../../../src/model/diagram.ts';
import type { SnippetResult, ToolRun } from '../../../src/model/snippet.ts';
import { contentOptions } from '../../../src/transform/content.ts';
import { siteTables } from '../../../src/render/site/tables.ts';
import type { SiteDoc, SiteInput } from '../../../src/render/site/site-input.ts';
import { prepareHighlighter } from '../../../src/transform/highlight-cache.ts';
import { highlightRequests } from '../../../src/transform/content.ts';
import { FIXTURES } from '../../helpers.ts';

export const SITE_FIXTURE = path.join(FIXTURES, 'site');

/** The fixture's documents: name → markdown path relative to the fixture root. */
const SITE_SOURCES = [
  { name: 'alpha', path: 'decks/alpha/deck.md' },
  { name: 'beta', path: 'decks/beta/deck.md' },
  { name: 'guide', path: 'decks/guide.md' },
];

/** Loads the fixture documents from `root` (the fixture itself or a temp copy). */
export function loadSiteDocs(root: string = SITE_FIXTURE): LoadedDeck[] {
  const themes = discoverThemes(root);
  return SITE_SOURCES.map((source) =>
    loadDeck(
      { name: source.name, path: path.join(root, source.path) },
      { knownThemes: new Set(themes.keys()), cwd: root },
    ),
  );
}

function run(tool: string, version: string, outcome: ToolRun['outcome'], extra: Partial<ToolRun> = {}): ToolRun {
  return { tool, version, outcome, diagnostics: [], stdout: '', stderr: '', durationMs: 0, cached: true, ...extra };
}

/** Verdicts as the snippet checker would give them, fixed so the golden output does not depend on compilers. */
const RESULTS: SnippetResult[] = [
  {
    id: 'uaf',
    status: 'proved',
    ok: true,
    summary: 'ASan: heap-use-after-free · gcc, clang',
    problems: [],
    runs: [
      run('gcc', '12.2.0', 'detected', { report: 'heap-use-after-free' }),
      run('clang', '14.0.6', 'detected', { report: 'heap-use-after-free' }),
    ],
  },
  {
    id: 'moved',
    status: 'proved',
    ok: true,
    summary: 'rejected · rustc 1.95 · E0382',
    problems: [],
    runs: [run('rustc', '1.95.0', 'compile-error')],
  },
  {
    id: 'borrow',
    status: 'proved',
    ok: true,
    summary: 'compiles · rustc 1.95',
    problems: [],
    runs: [run('rustc', '1.95.0', 'compiled')],
  },
];

/** A small stand-in for mermaid's SVG. */
function fakeSvg(id: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" viewBox="0 0 240 40" role="img"><rect x="1" y="1" ` +
    `width="90" height="38" fill="#243044"/><text x="12" y="25" fill="#f1f4f8">source</text><text x="130" y="25" ` +
    `fill="#f1f4f8">compiler</text></svg>`
  );
}

/** Builds the site input from the fixture at `root`. The caller disposes of nothing: the highlighter is returned. */
export async function siteInputFor(
  root: string = SITE_FIXTURE,
): Promise<{ input: SiteInput; loaded: LoadedDeck[]; dispose: () => void }> {
  const loaded = loadSiteDocs(root);
  const themes = discoverThemes(root);
  const requests = loaded.flatMap((deck) =>
    highlightRequests(deck.tree, themes.get(deck.deck?.meta.theme ?? '')?.shiki ?? ''),
  );
  const highlighter = await prepareHighlighter(requests, { cacheDir: undefined });
  const allResults = new Map(RESULTS.map((result) => [result.id, result]));
  const docs: SiteDoc[] = loaded.map((deck) => {
    if (!deck.deck) throw new Error(`fixture ${deck.file.path} did not load: ${deck.file.messages.join('; ')}`);
    const theme = themes.get(deck.deck.meta.theme);
    if (!theme) throw new Error(`no theme ${deck.deck.meta.theme}`);
    const { snippets } = deck;
    const snippetResults = new Map(
      snippets.flatMap((snippet) =>
        allResults.has(snippet.id) ? [[snippet.id, allResults.get(snippet.id) as SnippetResult] as const] : [],
      ),
    );
    const diagramResults = new Map<string, DiagramResult>(
      deck.diagrams.map((diagram) => [diagram.id, { ok: true, svg: fakeSvg(diagram.id), cached: true }]),
    );
    const context = {
      theme,
      highlighter,
      assets: deck.assets,
      diagramResults,
      tables: deck.tables,
      snippets,
      snippetResults,
    };
    return { deck: deck.deck, content: contentOptions(context, deck.deck.items), theme, snippets, snippetResults };
  });
  const input: SiteInput = {
    docs,
    title: 'Fixture talks',
    base: '/talks/site/',
    tables: loaded.flatMap((deck) => (deck.deck ? siteTables(deck.deck.name, deck.tables) : [])),
  };
  return { input, loaded, dispose: () => highlighter.dispose() };
}
