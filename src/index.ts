/**
 * proofdeck's public library API: `build` and `check` (what the CLI's `build` and `check` do), the
 * pieces of the pipeline, and unified plugins for other markdown pipelines.
 */
export {
  buildDecks as build,
  checkDecks as check,
  buildDecks,
  checkDecks,
  type BuildOptions,
  type BuildResult,
  type CheckResult,
  type DeckOptions,
} from './build/build.ts';
export { discoverDecks, resolveDeckPaths, type DeckSource } from './build/discover.ts';
export { loadDeck, type LoadedDeck, type LoadOptions } from './build/load.ts';
export { scaffoldDeck } from './build/scaffold.ts';
export { discoverThemes, type Theme } from './config/themes.ts';
export type { DeckItem, DeckMeta, ParsedDeck, Slide, SlideAttributes } from './model/deck.ts';
export type { Snippet, SnippetResult, Expectation } from './model/snippet.ts';
export { parseFenceMeta, parseLineSpec, type FenceMeta } from './parse/fence-meta.ts';
export { parseMarkdown } from './parse/parser.ts';
export { splitSlides } from './parse/slides.ts';
export { countMessages, formatReport } from './report/text.ts';
export { remarkProofdeck, type RemarkProofdeckOptions } from './check/snippet/remark-plugin.ts';
export { diagnosticsToFiles, mergeReports, readJsonReport, type JsonReport } from './build/merge.ts';
export { parseShard, type Shard } from './model/shard.ts';
