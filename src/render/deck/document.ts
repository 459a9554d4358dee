/** The deck's files: `index.html` (head, reveal.js markup), its local runtime and its assets. */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { DeckMeta, ParsedDeck } from '../../model/deck.ts';
import { fontFiles, revealFiles, RUNTIME_DIR, themeFiles, type OutputFile } from '../../runtime/files.ts';
import { contentOptions, type DeckRenderContext } from '../../transform/content.ts';
import type { ContentOptions } from '../../transform/slide.ts';
import { renderItems, titleSlide } from './slides.ts';

/** Reveal.js settings; fixed so the deck, the PDF and every build behave the same. */
function revealConfig(meta: DeckMeta): Record<string, unknown> {
  return {
    width: 1280,
    height: 720,
    margin: 0.04,
    center: false,
    hash: true,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    transition: meta.transition,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
  };
}

/** Serialises the whole deck page. */
function renderDocument(meta: DeckMeta, sections: Element[]): string {
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
        h('div.reveal', [h('div.slides', sections)]),
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
  const sections = [titleSlide(deck.meta), ...renderItems(deck.items, content)];
  const assets: OutputFile[] = [...context.assets.assets.values()].map((asset) => ({
    path: asset.target,
    copyFrom: asset.source,
  }));
  return [
    { path: 'index.html', content: renderDocument(deck.meta, sections) },
    ...revealFiles(),
    ...fontFiles(),
    ...themeFiles(context.theme),
    ...assets,
  ];
}
