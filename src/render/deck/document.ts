/** The deck's files: `index.html` (head, reveal.js markup), its local runtime and its assets. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { deckStylesheets, type DeckMeta, type ParsedDeck, slideSize } from '../../model/deck.ts';
import { fontFiles, revealFiles, RUNTIME_DIR, themeFiles, type OutputFile } from '../../runtime/files.ts';
import { contentOptions, type DeckRenderContext } from '../../transform/content.ts';
import type { ContentOptions } from '../../transform/slide.ts';
import { renderItems, titleSlide } from './slides.ts';

/** Reveal.js settings; fixed so the deck, the PDF and every build behave the same. */
function revealConfig(meta: DeckMeta): Record<string, unknown> {
  return {
    ...slideSize(meta.aspectRatio),
    margin: 0.04,
    center: false,
    hash: true,
    controls: true,
    progress: true,
    slideNumber:
      meta.slideNumbers === false ? false : meta.slideNumbers === true ? 'c/t' : (meta.slideNumbers ?? 'c/t'),
    showSlideNumber: 'all',
    transition: meta.transition,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    // The speaker view paces the talk against it (per-slide `data-timing` shares it out).
    ...(meta.totalTime ? { totalTime: meta.totalTime } : {}),
  };
}

/** reveal.js plugins the deck loads: speaker notes always, zoom (Alt-click, Ctrl-click on Linux) unless off. */
function plugins(meta: DeckMeta): { file: string; global: string }[] {
  return [
    { file: 'notes.js', global: 'RevealNotes' },
    ...(meta.zoom === false ? [] : [{ file: 'zoom.js', global: 'RevealZoom' }]),
  ];
}

/** Options for {@link renderDocument}. */
interface DocumentOptions {
  /** The logo's URL in `dist/<deck>/` (Quarto `logo:`). */
  logo?: string | undefined;
  /** The deck's own stylesheets (`css:`), URLs in `dist/<deck>/`, linked after the theme. */
  css?: readonly string[];
}

/** Header, footer and logo shown on every slide (Quarto `footer`/`logo`, Marp `header`/`footer`). */
function overlays(meta: DeckMeta, options: DocumentOptions): Element[] {
  return [
    meta.header ? h('div.deck-header', meta.header) : undefined,
    meta.footer ? h('div.deck-footer', meta.footer) : undefined,
    options.logo ? h('img.deck-logo', { src: options.logo, alt: '' }) : undefined,
  ].filter((element): element is Element => element !== undefined);
}

/** Serialises the whole deck page. */
function renderDocument(meta: DeckMeta, sections: Element[], options: DocumentOptions = {}): string {
  const description = meta.abstract ?? meta.subtitle ?? meta.title;
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { name: 'generator', content: 'proofdeck' }),
        h('meta', { name: 'description', content: description }),
        meta.author ? h('meta', { name: 'author', content: meta.author }) : undefined,
        h('title', meta.title),
        // An empty icon, so browsers do not request /favicon.ico from wherever the files are served.
        h('link', { rel: 'icon', href: 'data:,' }),
        h('link', { rel: 'stylesheet', href: `${RUNTIME_DIR}/reveal/reveal.css` }),
        h('link', { rel: 'stylesheet', href: `${RUNTIME_DIR}/fonts/fonts.css` }),
        h('link', { rel: 'stylesheet', href: `${RUNTIME_DIR}/theme.css` }),
        ...(options.css ?? []).map((href) => h('link', { rel: 'stylesheet', href })),
      ]),
      h('body', [
        h('div.reveal', [h('div.slides', sections), ...overlays(meta, options)]),
        h('script', { src: `${RUNTIME_DIR}/reveal/reveal.js` }),
        ...plugins(meta).map(({ file }) => h('script', { src: `${RUNTIME_DIR}/reveal/${file}` })),
        h(
          'script',
          `Reveal.initialize(Object.assign(${JSON.stringify(revealConfig(meta))}, ` +
            `{ plugins: [${plugins(meta)
              .map(({ global }) => global)
              .join(', ')}] }));`,
        ),
      ]),
    ]),
  ]);
  return `${toHtml(tree, { allowDangerousHtml: true })}\n`;
}

/** The deck's files, paths relative to `dist/<deck>/`, in a stable order. */
export function renderDeck(
  deck: ParsedDeck,
  context: DeckRenderContext,
  content: ContentOptions = contentOptions(context, deck.items),
): OutputFile[] {
  const sections = [...(deck.meta.titleSlide ? [titleSlide(deck.meta)] : []), ...renderItems(deck.items, content)];
  const assets: OutputFile[] = [...context.assets.assets.values()].map((asset) =>
    asset.content === undefined
      ? { path: asset.target, copyFrom: asset.source }
      : { path: asset.target, content: asset.content },
  );
  return [
    {
      path: 'index.html',
      content: renderDocument(deck.meta, sections, {
        logo: deck.meta.logo ? (context.assets.assets.get(deck.meta.logo)?.target ?? deck.meta.logo) : undefined,
        css: deckStylesheets(deck.meta).map((url) => context.assets.assets.get(url)?.target ?? url),
      }),
    },
    ...revealFiles(),
    ...fontFiles(),
    ...themeFiles(context.theme),
    ...assets,
  ];
}
