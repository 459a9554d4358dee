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
} from './pipeline/build.ts';
export { discoverDecks, resolveDeckPaths, type DeckSource } from './pipeline/discover.ts';
export { loadDeck, type LoadedDeck, type LoadOptions } from './pipeline/load.ts';
export { scaffoldDeck } from './pipeline/scaffold.ts';
export { discoverThemes, type Theme } from './config/themes.ts';
export type { DeckItem, DeckMeta, ParsedDeck, Slide, SlideAttributes } from './model/deck.ts';
export type {
  BlockVerdict,
  Expectation,
  FencedBlock,
  Snippet,
  SnippetResult,
  UnprovedReason,
} from './model/snippet.ts';
export { blockVerdicts } from './snippet/block-states.ts';
export { parseFenceMeta, parseLineSpec, type FenceMeta } from './parse/fence-meta.ts';
export { parseMarkdown } from './parse/parser.ts';
export { splitSlides } from './parse/slides.ts';
export { countMessages, formatReport } from './report/text.ts';
export { remarkProofdeck, type RemarkProofdeckOptions } from './snippet/check/remark-plugin.ts';
export { diagnosticsToFiles, mergeReports, readJsonReport, type JsonReport } from './pipeline/merge.ts';
export { parseShard, type Shard } from './model/shard.ts';
