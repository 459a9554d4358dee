/** The files a static host wants besides the pages: `sitemap.xml` and the `404.html` body. */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { SITE_PATHS } from './nav.ts';

/** `base` with exactly one trailing slash (`/`, `/talks/site/`, `https://example.org/site/`). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim();
  return trimmed === '' ? '/' : trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** A sitemap of every page (not the 404), sorted; `index.html` is written as its folder, the URL servers answer. */
export function renderSitemap(paths: readonly string[], base: string): string {
  const urls = paths
    .filter((path) => path !== SITE_PATHS.notFound)
    .map((path) => base + path.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
  const entries = urls.map((url) => `  <url><loc>${escapeXml(encodeURI(url))}</loc></url>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}

/** The 404 page's content. Its links use `base`, because a server shows it at whatever path was asked for. */
export function renderNotFound(base: string): ElementContent[] {
  return [
    h('article.doc.not-found', [
      h('header.doc-header', [
        h('p.doc-kicker', [h('span.kind', 'Error 404')]),
        h('h1', 'Page not found'),
        h(
          'p.doc-abstract',
          'There is nothing at this address. It may have moved when the talks were rebuilt: try the search ' +
            'above, or start from the list of talks.',
        ),
        h('ul.doc-actions', [
          h('li', [h('a.button.primary', { href: `${base}${SITE_PATHS.home}` }, 'All talks and pages')]),
        ]),
      ]),
    ]),
  ];
}
