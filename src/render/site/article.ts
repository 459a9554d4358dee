/** One deck or page as an article: a header from the frontmatter, then every slide as a section. */
import path from 'node:path';
import type { Element } from 'hast';
import { h } from 'hastscript';
import { resolveLink, type DocIndex } from '../../links/resolve.ts';
import type { Asset } from '../../links/assets.ts';
import type { ContentOptions } from '../../transform/slide.ts';
import type { OutputFile } from '../../runtime/files.ts';
import { docPath } from './nav.ts';
import { byline } from './parts.ts';
import { searchRecords, type SearchRecord } from './search.ts';
import { renderSections, slideRefs, type SlideRef } from './sections.ts';
import { tocEntries, type TocEntry } from './toc.ts';
import type { SiteDoc } from './site-input.ts';

/** What rendering one document gives the site. */
export interface ArticleResult {
  article: Element;
  toc: TocEntry[];
  search: SearchRecord[];
  /** The document's images and linked files, copied next to the article under the deck's hashed names. */
  assets: OutputFile[];
}

/** Options for {@link renderArticle}. */
export interface ArticleOptions {
  index: DocIndex;
  /** Link the slide and handout PDFs. */
  pdf: boolean;
}

function deckActions(name: string, pdf: boolean): Element {
  const deck = `../../${name}/`;
  return h('ul.doc-actions', [
    h('li', [h('a.button.primary', { href: `${deck}index.html` }, 'Present the slides')]),
    pdf ? h('li', [h('a.button', { href: `${deck}${name}.pdf` }, 'Slides (PDF)')]) : undefined,
    pdf ? h('li', [h('a.button', { href: `${deck}${name}-handout.pdf` }, 'Handout (PDF)')]) : undefined,
  ]);
}

/** A reveal.js link inside the deck (`#/slide-id` or `#/h/v`) as the anchor of that slide on the site. */
function revealHash(href: string, refs: readonly SlideRef[]): string | undefined {
  const [first, second] = href.slice(2).split('/');
  if (first && /^\d+$/.test(first)) {
    // Slide 0 is the generated title slide: the top of the article.
    if (Number(first) === 0) return '#';
    const v = Number(second ?? 0);
    const ref = refs.find((candidate) => candidate.h === Number(first) && candidate.v === v);
    return ref ? `#${ref.slide.id}` : undefined;
  }
  return first ? `#${first}` : undefined;
}

/** Depth of the document's top-level headings (1 when it has none), which the site shows as `<h2>`. */
function topDepth(refs: readonly SlideRef[]): number {
  const depths = refs.flatMap(({ slide }) =>
    slide.content.flatMap((node) => (node.type === 'heading' ? [node.depth] : [])),
  );
  return depths.length > 0 ? Math.min(...depths) : 1;
}

/** The deck theme's diagram background and text colours as CSS variables: diagrams are drawn for that background. */
function diagramPalette(doc: SiteDoc): string | undefined {
  const variables = doc.theme?.mermaid.themeVariables;
  if (!variables || typeof variables !== 'object') return undefined;
  const colour = (key: string): string | undefined => {
    const value: unknown = (variables as Record<string, unknown>)[key];
    return typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value) ? value : undefined;
  };
  const background = colour('background');
  const text = colour('textColor');
  return background ? `--diagram-surface: ${background}${text ? `; --diagram-text: ${text}` : ''}` : undefined;
}

/** Renders a document. Links to other decks and pages point at their articles instead of copied markdown. */
export function renderArticle(doc: SiteDoc, options: ArticleOptions): ArticleResult {
  const { deck } = doc;
  const { meta } = deck;
  const isDeck = meta.kind === 'deck';
  const refs = slideRefs(deck.items);
  const firstNode = refs[0]?.slide.content[0];
  // A page that opens with its own `# Title` keeps its headings; otherwise the frontmatter title is the <h1>.
  const ownTitle = !isDeck && firstNode?.type === 'heading' && firstNode.depth === 1;
  const shift = ownTitle ? 0 : 2 - topDepth(refs);
  const minLevel = ownTitle ? 1 : 2;
  const isDocLink = (url: string) => resolveLink(url, deck, options.index).kind === 'doc';
  const assets = new Map<string, Asset>([...doc.content.assets].filter(([url]) => !isDocLink(url)));
  const content: ContentOptions = { ...doc.content, assets };
  const rewriteHref = (href: string): string | undefined => {
    if (href.startsWith('#/')) return revealHash(href, refs);
    if (href.startsWith('#')) return undefined;
    const target = resolveLink(href, deck, options.index);
    if (target.kind !== 'doc') return undefined;
    const hash = target.anchor === undefined ? '' : `#${encodeURIComponent(target.anchor)}`;
    return target.doc === deck ? hash || 'index.html' : `../${target.doc.name}/index.html${hash}`;
  };
  const sections = renderSections(refs, {
    content,
    shift,
    minLevel,
    rewriteHref,
    deckHref: isDeck ? `../../${deck.name}/index.html` : undefined,
  });
  // A page that opens with its own `# Title` needs no header: its first heading is the title.
  const header = ownTitle
    ? undefined
    : h('header.doc-header', [
        h('p.doc-kicker', [
          h('span.kind', isDeck ? 'Talk' : 'Page'),
          ...(isDeck && (meta.event || meta.date) ? [h('span.sep', { ariaHidden: 'true' }, '·'), ...byline(meta)] : []),
        ]),
        h('h1', meta.title),
        meta.subtitle ? h('p.doc-subtitle', meta.subtitle) : undefined,
        meta.author ? h('p.doc-author', `By ${meta.author}`) : undefined,
        meta.abstract ? h('p.doc-abstract', meta.abstract) : undefined,
        isDeck ? deckActions(deck.name, options.pdf) : undefined,
      ]);
  const article = h(`article.doc.doc-${meta.kind}`, { style: diagramPalette(doc) }, [header, ...sections]);
  const pagePath = docPath(deck.name);
  const intro = [meta.subtitle, meta.author, meta.event, meta.abstract].filter(Boolean).join(' ');
  const copied = [...assets.values()].map(
    (asset): OutputFile =>
      asset.content === undefined
        ? { path: path.posix.join(deck.name, asset.target), copyFrom: asset.source }
        : { path: path.posix.join(deck.name, asset.target), content: asset.content },
  );
  return {
    article,
    toc: tocEntries(refs, shift, minLevel),
    search: searchRecords(pagePath, meta.title, intro, refs),
    assets: copied,
  };
}
