/** The home page: every talk with its event, date and abstract, then the documentation pages. */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { docPath } from './nav.ts';
import { byline, plural } from './parts.ts';
import type { SiteDoc } from './site-input.ts';

function talkCard(doc: SiteDoc, pdf: boolean): Element {
  const { meta, name } = doc.deck;
  const facts = byline(meta);
  return h('li.card', [
    h('h3.card-title', [h('a', { href: docPath(name) }, meta.title)]),
    facts.length > 0 ? h('p.card-meta', facts) : undefined,
    meta.subtitle ? h('p.card-subtitle', meta.subtitle) : undefined,
    meta.abstract ? h('p.card-abstract', meta.abstract) : undefined,
    h('p.card-links', [
      h('a', { href: `../${name}/index.html`, ariaLabel: `Present ${meta.title}` }, 'Present'),
      pdf ? h('a', { href: `../${name}/${name}.pdf`, ariaLabel: `PDF of ${meta.title}` }, 'PDF') : undefined,
      pdf
        ? h('a', { href: `../${name}/${name}-handout.pdf`, ariaLabel: `Handout of ${meta.title}` }, 'Handout')
        : undefined,
    ]),
  ]);
}

function pageItem(doc: SiteDoc): Element {
  const { meta, name } = doc.deck;
  return h('li', [
    h('a', { href: docPath(name) }, meta.title),
    (meta.abstract ?? meta.subtitle) ? h('span.page-summary', ` — ${meta.abstract ?? meta.subtitle}`) : undefined,
  ]);
}

/** The home page's main content. */
export function renderHome(
  title: string,
  decks: readonly SiteDoc[],
  pages: readonly SiteDoc[],
  pdf: boolean,
): ElementContent[] {
  const counts = [
    decks.length > 0 ? plural(decks.length, 'talk') : undefined,
    pages.length > 0 ? plural(pages.length, 'page') : undefined,
  ]
    .filter(Boolean)
    .join(' and ');
  return [
    h('header.home-hero', [
      h('h1', title),
      h(
        'p.lead',
        `${counts || 'Nothing yet'}. Every code example was compiled against real compilers and every checked ` +
          `claim was tested when this site was built.`,
      ),
    ]),
    decks.length > 0
      ? h('section.home-section', { ariaLabelledby: 'talks' }, [
          h('h2#talks', 'Talks'),
          h(
            'ul.cards',
            decks.map((doc) => talkCard(doc, pdf)),
          ),
        ])
      : undefined,
    pages.length > 0
      ? h('section.home-section', { ariaLabelledby: 'pages' }, [
          h('h2#pages', 'Pages'),
          h('ul.page-list', pages.map(pageItem)),
        ])
      : undefined,
  ].filter((node): node is Element => node !== undefined);
}
