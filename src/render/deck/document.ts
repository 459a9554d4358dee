/** The deck's files: `index.html` (head, reveal.js markup), its local runtime and its assets. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { type DeckMeta, type ParsedDeck, slideSize } from '../../model/deck.ts';
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
  };
}

/** Options for {@link renderDocument}. */
interface DocumentOptions {
  /** The logo's URL in `dist/<deck>/` (Quarto `logo:`). */
  logo?: string | undefined;
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
      ]),
      h('body', [
        h('div.reveal', [h('div.slides', sections), ...overlays(meta, options)]),
        h('script', { src: `${RUNTIME_DIR}/reveal/reveal.js` }),
        h('script', { src: `${RUNTIME_DIR}/reveal/notes.js` }),
        h(
          'script',
          `Reveal.initialize(Object.assign(${JSON.stringify(revealConfig(meta))}, { plugins: [RevealNotes] }));`,
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
  const assets: OutputFile[] = [...context.assets.assets.values()].map((asset) => ({
    path: asset.target,
    copyFrom: asset.source,
  }));
  return [
    {
      path: 'index.html',
      content: renderDocument(deck.meta, sections, {
        logo: deck.meta.logo ? (context.assets.assets.get(deck.meta.logo)?.target ?? deck.meta.logo) : undefined,
      }),
    },
    ...revealFiles(),
    ...fontFiles(),
    ...themeFiles(context.theme),
    ...assets,
  ];
}
