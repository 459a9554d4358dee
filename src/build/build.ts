/** Library entry points: check decks, and build them into `dist/`. */
import path from 'node:path';
import type { VFile } from 'vfile';
import { discoverThemes, type Theme } from '../config/themes.ts';
import { renderDeck } from '../render/deck/render.ts';
import { hasErrors } from '../report/messages.ts';
import { createCodeHighlighter, loadLanguages } from '../transform/highlight.ts';
import { resolveDeckPaths, UsageError } from './discover.ts';
import { loadDeck, type LoadedDeck } from './load.ts';
import { commitStage, discardStage, openStage, writeToStage } from './stage.ts';
import { visit } from 'unist-util-visit';

/** Options shared by {@link checkDecks} and {@link buildDecks}. */
export interface DeckOptions {
  /** Project folder holding `decks/` and `themes/`. @default process.cwd() */
  root?: string;
  /** Deck folders or markdown files; empty means every deck under `decks/`. @default [] */
  paths?: readonly string[];
  /** Theme for every deck, overriding the frontmatter. */
  theme?: string | undefined;
}

/** Options for {@link buildDecks}. */
export interface BuildOptions extends DeckOptions {
  /** Output folder. @default '<root>/dist' */
  outDir?: string;
}

/** Checked decks and their diagnostics. */
export interface CheckResult {
  decks: LoadedDeck[];
  files: VFile[];
}

/** Result of a build: diagnostics, and the deck folders written (none when anything failed). */
export interface BuildResult extends CheckResult {
  written: string[];
}

function loadAll(options: DeckOptions): { decks: LoadedDeck[]; themes: Map<string, Theme> } {
  const root = path.resolve(options.root ?? process.cwd());
  const themes = discoverThemes(root);
  if (options.theme && !themes.has(options.theme)) {
    throw new UsageError(`unknown theme "${options.theme}" (available: ${[...themes.keys()].join(', ')})`);
  }
  const sources = resolveDeckPaths(root, options.paths ?? []);
  if (sources.length === 0) throw new UsageError(`no decks found under ${path.join(root, 'decks')}`);
  const knownThemes = new Set(themes.keys());
  const decks = sources.map((source) => loadDeck(source, { knownThemes, themeOverride: options.theme, cwd: process.cwd() }));
  return { decks, themes };
}

/** Parses and checks decks without writing anything. */
export async function checkDecks(options: DeckOptions = {}): Promise<CheckResult> {
  const { decks } = loadAll(options);
  return { decks, files: decks.map((deck) => deck.file) };
}

/** Checks and renders decks; writes `dist/<deck>/` only when no deck has an error. */
export async function buildDecks(options: BuildOptions = {}): Promise<BuildResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const { decks, themes } = loadAll(options);
  const files = decks.map((deck) => deck.file);
  if (hasErrors(files)) return { decks, files, written: [] };
  const used = decks.map((loaded) => themes.get(loaded.deck?.meta.theme ?? '') as Theme);
  const highlighter = await createCodeHighlighter(used.map((theme) => theme.shiki));
  const langs = new Set<string>();
  for (const { tree } of decks) visit(tree, 'code', (node) => void (node.lang && langs.add(node.lang)));
  await loadLanguages(highlighter, langs);
  const stage = openStage(path.resolve(root, options.outDir ?? 'dist'));
  try {
    const written: string[] = [];
    decks.forEach((loaded, index) => {
      const theme = used[index];
      if (!loaded.deck || !theme) return;
      writeToStage(stage, loaded.deck.name, renderDeck(loaded.deck, { theme, highlighter, assets: loaded.assets }));
      written.push(loaded.deck.name);
    });
    commitStage(stage, written);
    return { decks, files, written };
  } catch (error) {
    discardStage(stage);
    throw error;
  } finally {
    highlighter.dispose();
  }
}
