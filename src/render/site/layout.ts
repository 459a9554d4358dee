/**
 * The frame around every site page: head, top bar with search and theme toggle, sidebar, contents, prev/next, footer.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { rootPrefix, SITE_PATHS, type NavEntry } from './nav.ts';

/** What is the same on every page. */
export interface SiteChrome {
  title: string;
  nav: readonly NavEntry[];
  /** One line about what was verified, shown in the footer next to the link to the verification page. */
  verification: string;
}

/** One page to frame. */
export interface PageContent {
  /** Site path of the page, e.g. `rust-in-kernel/index.html`. */
  path: string;
  /** Prefix that turns a site path into a working URL. @default rootPrefix(path) */
  root?: string;
  title: string;
  description: string;
  main: ElementContent[];
  toc?: Element | undefined;
}

/** Reads the stored choice before the first paint, so a dark page never flashes light. */
const THEME_BOOT =
  "try{var t=localStorage.getItem('proofdeck-theme');" +
  "if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";

function icon(paths: string[]): Element {
  return h(
    'svg',
    { className: ['icon'], viewBox: '0 0 24 24', width: 18, height: 18, ariaHidden: 'true', focusable: 'false' },
    paths.map((d) => h('path', { d })),
  );
}

const SEARCH_ICON = icon([
  'M10.5 3a7.5 7.5 0 0 1 5.92 12.1l4.74 4.74-1.42 1.42-4.74-4.74A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 ' +
    '5.5 5.5 0 0 0 0-11z',
]);
const MOON_ICON = icon(['M20.4 14.6A8.5 8.5 0 0 1 9.4 3.6a8.5 8.5 0 1 0 11 11z']);
const SUN_ICON = icon([
  'M12 7a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm-1-6h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3zM4.2 2.8l2.1 2.1-1.4 ' +
    '1.4-2.1-2.1zm14.9 14.9 2.1 2.1-1.4 1.4-2.1-2.1zM2.8 19.8l2.1-2.1 1.4 1.4-2.1 2.1zM17.7 4.9l2.1-2.1 1.4 ' +
    '1.4-2.1 2.1z',
]);
const MENU_ICON = icon(['M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z']);

function topBar(chrome: SiteChrome, root: string): Element {
  return h('header.topbar', [
    h(
      'button.menu-toggle',
      { type: 'button', ariaControls: 'sidebar', ariaExpanded: 'false', ariaLabel: 'Show navigation' },
      [MENU_ICON],
    ),
    h('a.brand', { href: `${root}${SITE_PATHS.home}` }, chrome.title),
    h('div.search', { role: 'search' }, [
      h('label.visually-hidden', { htmlFor: 'search-input' }, 'Search the site'),
      SEARCH_ICON,
      h('input#search-input', {
        type: 'search',
        placeholder: 'Search',
        autoComplete: 'off',
        spellCheck: 'false',
        ariaDescribedby: 'search-status',
      }),
      h('kbd.search-key', { ariaHidden: 'true' }, '/'),
      h('div#search-panel.search-panel', { hidden: true }, [
        h('p#search-status.search-status', { ariaLive: 'polite' }),
        h('ul#search-results.search-results'),
      ]),
    ]),
    h(
      'button.theme-toggle',
      { type: 'button', ariaPressed: 'false', ariaLabel: 'Dark theme', title: 'Toggle dark theme' },
      [MOON_ICON, SUN_ICON],
    ),
  ]);
}

function sidebar(chrome: SiteChrome, current: string, root: string): Element {
  const link = (entry: NavEntry) =>
    h('li', [
      h('a', { href: `${root}${entry.path}`, ariaCurrent: entry.path === current ? 'page' : undefined }, entry.title),
    ]);
  const group = (name: NavEntry['group'], heading: string) => {
    const entries = chrome.nav.filter((entry) => entry.group === name);
    return entries.length === 0 ? [] : [h('p.nav-heading', heading), h('ul', entries.map(link))];
  };
  const home = chrome.nav.filter((entry) => entry.path === SITE_PATHS.home);
  const verification = chrome.nav.filter((entry) => entry.path === SITE_PATHS.verification);
  return h('nav#sidebar.sidebar', { ariaLabel: 'Site' }, [
    h('ul', home.map(link)),
    ...group('talks', 'Talks'),
    ...group('pages', 'Pages'),
    h('ul.nav-end', verification.map(link)),
  ]);
}

function pager(chrome: SiteChrome, current: string, root: string): Element | undefined {
  const index = chrome.nav.findIndex((entry) => entry.path === current);
  if (index === -1) return undefined;
  const prev = chrome.nav[index - 1];
  const next = chrome.nav[index + 1];
  const side = (entry: NavEntry | undefined, rel: 'prev' | 'next') =>
    entry
      ? h(`a.pager-${rel}`, { href: `${root}${entry.path}`, rel }, [
          h('span.pager-label', rel === 'prev' ? 'Previous' : 'Next'),
          h('span.pager-title', entry.title),
        ])
      : undefined;
  return h('nav.pager', { ariaLabel: 'Previous and next page' }, [side(prev, 'prev'), side(next, 'next')]);
}

/** Serialises a whole page. Every URL is relative to the page, so the site works from disk and under any path. */
export function renderPage(page: PageContent, chrome: SiteChrome): string {
  const root = page.root ?? rootPrefix(page.path);
  const runtime = `${root}${SITE_PATHS.runtime}`;
  const title = page.path === SITE_PATHS.home ? chrome.title : `${page.title} · ${chrome.title}`;
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en', dataRoot: root }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { name: 'generator', content: 'proofdeck' }),
        h('meta', { name: 'description', content: page.description }),
        h('title', title),
        // An empty icon, so browsers do not request /favicon.ico from wherever the files are served.
        h('link', { rel: 'icon', href: 'data:,' }),
        h('script', THEME_BOOT),
        h('link', { rel: 'stylesheet', href: `${runtime}/fonts/fonts.css` }),
        h('link', { rel: 'stylesheet', href: `${runtime}/site.css` }),
        h('script', { src: `${runtime}/site.js`, defer: true }),
      ]),
      h('body', [
        h('a.skip-link', { href: '#content' }, 'Skip to content'),
        topBar(chrome, root),
        h(page.toc ? 'div.layout.has-toc' : 'div.layout', [
          sidebar(chrome, page.path, root),
          h('main#content', { tabIndex: -1 }, [...page.main, pager(chrome, page.path, root)]),
          page.toc,
        ]),
        h('footer.site-footer', [
          h('p', [
            chrome.verification,
            ' ',
            h('a', { href: `${root}${SITE_PATHS.verification}` }, 'See the verification page.'),
          ]),
          h('p.generator', 'Built with proofdeck from the same checked sources as the slides.'),
        ]),
      ]),
    ]),
  ]);
  return `${toHtml(tree, { allowDangerousHtml: true })}\n`;
}
