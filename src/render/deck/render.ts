/** Renders a checked deck to the files of `dist/<deck>/`. */
import type { Code } from 'mdast';
import type { Highlighter } from 'shiki';
import type { Theme } from '../../config/themes.ts';
import type { ParsedDeck } from '../../model/deck.ts';
import { parseFenceMeta } from '../../parse/fence-meta.ts';
import type { AssetPlan } from '../../transform/assets.ts';
import { highlightCode } from '../../transform/highlight.ts';
import type { CodeRenderer } from '../../transform/slide.ts';
import { renderDocument } from './document.ts';
import { fontFiles, revealFiles, themeFiles, type OutputFile } from './runtime.ts';
import { renderItems, titleSlide } from './slides.ts';

/** What a deck renderer needs besides the deck. */
export interface DeckRenderContext {
  theme: Theme;
  highlighter: Highlighter;
  assets: AssetPlan;
  /** Wraps a highlighted block, e.g. with its verification badge. @default identity */
  decorateCode?: (node: Code, pre: ReturnType<CodeRenderer>) => ReturnType<CodeRenderer>;
}

/** The deck's files, paths relative to `dist/<deck>/`, in a stable order. */
export function renderDeck(deck: ParsedDeck, context: DeckRenderContext): OutputFile[] {
  const renderCode: CodeRenderer = (node) => {
    const meta = parseFenceMeta(node.lang, node.meta);
    const pre = highlightCode(context.highlighter, node.value, { lang: meta.lang, theme: context.theme.shiki, steps: meta.highlight });
    return context.decorateCode ? context.decorateCode(node, pre) : pre;
  };
  const sections = [titleSlide(deck.meta), ...renderItems(deck.items, { renderCode, assets: context.assets.assets })];
  const assets: OutputFile[] = [...context.assets.assets.values()].map((asset) => ({ path: asset.target, copyFrom: asset.source }));
  return [
    { path: 'index.html', content: renderDocument(deck.meta, sections) },
    ...revealFiles(),
    ...fontFiles(),
    ...themeFiles(context.theme),
    ...assets,
  ];
}
