/**
 * How a checked document's slides become HTML, shared by the deck, the handout and the site: code through
 * shiki with snippet badges, rendered diagrams, generated tables, evidence marks, hashed assets and links.
 */
import type { Code, Data, Root } from 'mdast';
import { visit } from '../parse/visit.ts';
import { resolveLink, type DocIndex } from '../links/resolve.ts';
import type { HighlightRequest } from './highlight-cache.ts';
import type { Theme } from '../config/themes.ts';
import type { ParsedDeck } from '../model/deck.ts';
import { DISPLAY_ATTRIBUTES, fenceMeta } from '../parse/fence-meta.ts';
import type { AssetPlan } from '../links/assets.ts';
import { highlightCode, type CodeHighlighter } from './highlight.ts';
import type { CodeRenderer, ContentOptions } from './slide.ts';
import { diagramFigure } from './diagram.ts';
import type { DiagramResult } from '../model/diagram.ts';
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { TextDirective } from 'mdast-util-directive';
import { citationsOf } from '../table/check/evidence.ts';
import type { Snippet, SnippetResult } from '../model/snippet.ts';
import type { BadgeMode, DeckItem, DialectName } from '../model/deck.ts';
import { allSlides } from '../parse/slides.ts';
import { snippetFigure } from './snippet-badge.ts';
import { evidenceMark } from '../table/evidence-mark.ts';
import type { TableModel } from '../table/model.ts';
import { smartPunctuationFor } from './smart-punctuation.ts';

/** Dialects whose tool writes pandoc's implicit figures (dialect/figures.ts). */
const FIGURE_DIALECTS: ReadonlySet<DialectName> = new Set(['proofdeck', 'pandoc']);

/** What a deck renderer needs besides the deck. */
export interface DeckRenderContext {
  theme: Theme;
  highlighter: CodeHighlighter;
  assets: AssetPlan;
  /** Rendered diagrams by diagram id (each diagram sits on its node: `node.data.diagram`). */
  diagramResults?: ReadonlyMap<string, DiagramResult>;
  /** Checked tables, for generated tables and evidence marks. */
  tables?: readonly TableModel[];
  /** Snippet verdicts by id, and the slide id each snippet is on (where an evidence mark links to). */
  snippets?: readonly Snippet[];
  snippetResults?: ReadonlyMap<string, SnippetResult>;
  /** This deck, and every deck and page of the build, so links between them point at the built HTML. */
  self?: ParsedDeck;
  docs?: DocIndex | undefined;
  /** How proved blocks are badged (frontmatter `badges:`, else the project config's). @default 'compact' */
  badges?: BadgeMode;
}

/** `../other/deck.md#slide` → `../other/index.html#/slide`; `#slide` → `#/slide`; a page → its site article. */
function deckLink(url: string, self: ParsedDeck, docs: DocIndex): string | undefined {
  const target = resolveLink(url, self, docs);
  if (target.kind !== 'doc') return undefined;
  const hash = target.anchor ? `#/${encodeURIComponent(target.anchor)}` : '';
  if (target.doc === self) return hash || undefined;
  if (target.doc.meta.kind === 'page')
    return `../site/${target.doc.name}/index.html${target.anchor ? `#${encodeURIComponent(target.anchor)}` : ''}`;
  return `../${target.doc.name}/index.html${hash}`;
}

/** The slide each snippet is on: the last slide starting at or before the snippet's fence. */
function snippetSlideIds(items: readonly DeckItem[], snippets: readonly Snippet[]): Map<string, string> {
  const slides = allSlides(items);
  return new Map(
    snippets.map(
      (snippet) => [snippet.id, slides.filter((slide) => slide.line <= snippet.line).at(-1)?.id ?? 'title'] as const,
    ),
  );
}

/** Evidence marks for every `:proof[id]` of the deck's tables, by directive node. */
function proofRenderer(
  context: DeckRenderContext,
  slideOf: ReadonlyMap<string, string>,
): (node: TextDirective) => Element | undefined {
  const citations = new Map(
    (context.tables ?? []).flatMap((model) => citationsOf(model)).map((citation) => [citation.node, citation]),
  );
  return (node) => {
    const citation = citations.get(node);
    if (!citation) return undefined;
    const slide = slideOf.get(citation.snippetId);
    return evidenceMark(citation, context.snippetResults?.get(citation.snippetId), slide ? `#/${slide}` : '#');
  };
}

/** The figure for the diagram at `node`, when it rendered; `alternates`: with its other-appearance drawing. */
function renderedDiagram(
  node: { data?: Data | undefined },
  context: DeckRenderContext,
  alternates = false,
): Element | undefined {
  const diagram = node.data?.diagram;
  const result = diagram ? context.diagramResults?.get(diagram.id) : undefined;
  if (!diagram || !result?.ok) return undefined;
  return diagramFigure(diagram, result.svg, alternates ? result.alternate : undefined);
}

/** The site's content: diagrams come in both appearances where the build drew both (light and dark pages). */
export function withDiagramAlternates(content: ContentOptions, context: DeckRenderContext): ContentOptions {
  const both = (node: { data?: Data | undefined }) => renderedDiagram(node, context, true);
  return {
    ...content,
    renderCode: (node) => (node.lang?.toLowerCase() === 'mermaid' ? both(node) : undefined) ?? content.renderCode(node),
    renderLeaf: (node) => both(node) ?? content.renderLeaf?.(node),
  };
}

/** How slide content is turned into HTML for this deck; shared by the deck and the handout. */
/** A fence's code as shown: a snippet's displayed text (hidden setup lines removed, an include's region only). */
function shownCode(node: Code): { code: string; snippet: Snippet | undefined } {
  const snippet = node.data?.snippet;
  return { code: snippet?.displayed ?? node.value, snippet };
}

/** Every block the deck will highlight, so they can be looked up in the cache before rendering. */
export function highlightRequests(tree: Root, theme: string): HighlightRequest[] {
  const requests: HighlightRequest[] = [];
  visit(tree, 'code', (node) => {
    if (node.lang?.toLowerCase() === 'mermaid') return;
    requests.push({ code: shownCode(node).code, lang: fenceMeta(node).lang, theme });
  });
  return requests;
}

export function contentOptions(context: DeckRenderContext, items: readonly DeckItem[] = []): ContentOptions {
  const renderCode: CodeRenderer = (node) => {
    const figure = node.lang?.toLowerCase() === 'mermaid' ? renderedDiagram(node, context) : undefined;
    if (figure) return figure;
    const meta = fenceMeta(node);
    const { code, snippet } = shownCode(node);
    const pre = highlightCode(context.highlighter, code, {
      lang: meta.lang,
      theme: context.theme.shiki,
      steps: meta.highlight,
    });
    const showOutput = meta.attributes.some((attribute) => attribute.key === DISPLAY_ATTRIBUTES.show);
    const shown = snippet
      ? snippetFigure(pre, snippet, context.snippetResults?.get(snippet.id), {
          showOutput,
          ...(context.badges ? { badges: context.badges } : {}),
        })
      : pre;
    // A file of a multi-file program (`file=util.h`) is labelled with its name, as an editor tab would; so is a
    // block with a `title=`/`filename=` caption (mdBook, Docusaurus, Quarto).
    const name = ['file', 'title', 'filename']
      .map((key) => meta.attributes.find((attribute) => attribute.key === key)?.value)
      .find((value) => value !== undefined && value !== '');
    return name ? h('div.code-file', [h('span.code-file-name', name), shown]) : shown;
  };
  return {
    renderCode,
    assets: context.assets.assets,
    renderLeaf: (node) => renderedDiagram(node, context),
    tableFor: (node) => context.tables?.find((model) => model.container === node)?.table,
    renderProof: proofRenderer(context, snippetSlideIds(items, context.snippets ?? [])),
    memo: new WeakMap(),
    definitions: context.self?.definitions ?? [],
    smartypants: context.self ? smartPunctuationFor(context.self.meta.dialect, context.self.meta.smartypants) : 'full',
    // Marp, Slidev, reveal.js and reveal-md write a captioned image as a plain `<img>`; pandoc and Quarto do not.
    figures: !context.self || FIGURE_DIALECTS.has(context.self.meta.dialect),
    ...(context.self && context.docs
      ? { rewriteLink: (url: string) => deckLink(url, context.self as ParsedDeck, context.docs as DocIndex) }
      : {}),
  };
}
