/**
 * The fuzz target: what `proofdeck build --no-pdf` does to one deck, in-process and without running
 * anything external. Parse, every deck/table/link rule, then (when the deck has no error) the transform
 * and every HTML renderer (deck, handout, site). Snippets are extracted but not run (no verdicts);
 * diagrams are extracted and stand in as an empty SVG (mermaid runs in chromium): everything else is the
 * build's own code in the build's order.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discoverThemes, type Theme } from '../../src/config/themes.ts';
import { checkLinks } from '../../src/links/check.ts';
import { indexDocs } from '../../src/links/resolve.ts';
import { loadDeck } from '../../src/pipeline/load.ts';
import { renderDecks, renderSiteFolder, type BuiltDoc } from '../../src/pipeline/renderers.ts';
import type { DiagramResult } from '../../src/model/diagram.ts';
import { hasErrors } from '../../src/report/messages.ts';
import { checkTableEvidence } from '../../src/table/check/tables.ts';
import { contentOptions, highlightRequests } from '../../src/transform/content.ts';
import { prepareHighlighter } from '../../src/transform/highlight-cache.ts';
import { createHighlighterPool, type HighlighterPool, type ShikiHighlighter } from '../../src/transform/highlight.ts';

const DRAWN: DiagramResult = { ok: true, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', cached: true };

/** What one input did: its diagnostics (rule ids) and how many bytes of HTML it rendered. */
interface FuzzOutcome {
  rules: string[];
  lines: number[];
  errors: number;
  htmlBytes: number;
}

/** A project folder the fuzz target writes each input into, and what is kept between inputs. */
export interface FuzzTarget {
  root: string;
  run(markdown: string, fileName?: string): Promise<FuzzOutcome>;
  dispose(): void;
}

/**
 * A fuzz target in `root` (an empty folder): `decks/fuzz/<fileName>` is overwritten by every input;
 * `extraFiles` are copied beside it (the data files of the decks that are mutated).
 */
export function fuzzTarget(root: string, extraFiles: readonly string[] = []): FuzzTarget {
  const deckDir = path.join(root, 'decks', 'fuzz');
  mkdirSync(deckDir, { recursive: true });
  // Things a deck may name, so the happy paths of assets, data files and includes are reached too.
  writeFileSync(path.join(deckDir, 'image.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  writeFileSync(path.join(deckDir, 'data.csv'), 'name,value\nA,1\nB,2\n');
  writeFileSync(path.join(deckDir, 'lib.c'), 'int add(int a, int b) { return a + b; }\n');
  for (const name of extraFiles) cpSync(name, path.join(deckDir, path.basename(name)));
  const themes = discoverThemes(root);
  const pool = sequentialPool();
  return {
    root,
    run: (markdown, fileName = 'deck.md') => runOne(root, deckDir, themes, pool, markdown, fileName),
    dispose: () => pool.dispose(),
  };
}

/**
 * proofdeck's highlighter pool makes a new shiki when a build needs a new language and keeps the old one
 * alive (one per language change; over thousands of inputs shiki warns and memory grows). Inputs run one
 * at a time here, so the replaced instance can be released at once.
 */
function sequentialPool(): HighlighterPool {
  const inner = createHighlighterPool();
  let last: ShikiHighlighter | undefined;
  return {
    async get(themes, langs) {
      const next = await inner.get(themes, langs);
      if (last && last !== next) last.highlighter.dispose();
      last = next;
      return next;
    },
    dispose: () => inner.dispose(),
  };
}

async function runOne(
  root: string,
  deckDir: string,
  themes: Map<string, Theme>,
  pool: HighlighterPool,
  markdown: string,
  fileName: string,
): Promise<FuzzOutcome> {
  const file = path.join(deckDir, fileName);
  writeFileSync(file, markdown);
  const loaded = loadDeck(
    { name: 'fuzz', path: file },
    { knownThemes: new Set(themes.keys()), cwd: root, root, diagramsDir: path.join(root, 'diagrams') },
  );
  if (loaded.deck) checkLinks([{ file: loaded.file, tree: loaded.tree, deck: loaded.deck }]);
  // The snippet stage without compilers, as a check shard that proves none of them: citations of unknown
  // snippets are still reported, verdicts are not required.
  checkTableEvidence(loaded.tables, loaded.file, {
    snippetIds: new Set(loaded.snippets.map((snippet) => snippet.id)),
    results: new Map(),
    provedHere: new Set(),
    reportUnknown: true,
  });
  const outcome = (htmlBytes: number): FuzzOutcome => ({
    rules: loaded.file.messages.map((message) => message.ruleId ?? '?'),
    lines: loaded.file.messages.map((message) => message.line ?? 0),
    errors: loaded.file.messages.filter((message) => message.fatal === true).length,
    htmlBytes,
  });
  const theme = themes.get(loaded.deck?.meta.theme ?? '');
  if (hasErrors([loaded.file]) || !loaded.deck || !theme) return outcome(0);
  const highlighter = await prepareHighlighter(highlightRequests(loaded.tree, theme.shiki), {
    cacheDir: undefined,
    pool,
  });
  try {
    const context = {
      theme,
      highlighter,
      assets: loaded.assets,
      // Every diagram as if mermaid drew it (a build with a failed diagram stops before rendering).
      diagramResults: new Map(loaded.diagrams.map((diagram) => [diagram.id, DRAWN])),
      tables: loaded.tables,
      snippets: loaded.snippets,
      snippetResults: new Map(),
      self: loaded.deck,
      docs: indexDocs([loaded.deck]),
    };
    const doc: BuiltDoc = {
      loaded,
      deck: loaded.deck,
      theme,
      context,
      content: contentOptions(context, loaded.deck.items),
    };
    const build = { docs: [doc], index: context.docs };
    const render = { pdf: true, handoutLayout: 'notes', paper: 'A4', base: undefined } as const;
    const folders = [...(await renderDecks(build, render)), ...(await renderSiteFolder(build, render))];
    let bytes = 0;
    for (const folder of folders)
      for (const output of folder.files)
        if ('content' in output && typeof output.content === 'string') bytes += output.content.length;
    return outcome(bytes);
  } finally {
    highlighter.dispose();
  }
}
