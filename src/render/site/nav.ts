/** Where each site page lives, the order pages appear in, and relative URLs between them. */
import type { SiteDoc } from './site-input.ts';

/** Fixed site paths, relative to `dist/site/`. */
export const SITE_PATHS = {
  home: 'index.html',
  verification: 'verification.html',
  notFound: '404.html',
  searchIndex: 'search-index.js',
  runtime: '_proofdeck',
} as const;

/** The article of a deck or page: one folder per document, so its copied `assets/` keep their deck-relative URLs. */
export function docPath(name: string): string {
  return `${name}/index.html`;
}

/** `../` per folder level: what turns a site path into a URL relative to the page at `from`. */
export function rootPrefix(from: string): string {
  return '../'.repeat(from.split('/').length - 1);
}

/** A page in the sidebar and in the previous/next sequence. */
export interface NavEntry {
  path: string;
  title: string;
  group: 'talks' | 'pages' | 'site';
}

/** Decks newest first (then by title), pages by title: the order of the home page, sidebar and prev/next. */
export function orderDocs(docs: readonly SiteDoc[]): { decks: SiteDoc[]; pages: SiteDoc[] } {
  const byTitle = (a: SiteDoc, b: SiteDoc) =>
    a.deck.meta.title.localeCompare(b.deck.meta.title, 'en') || a.deck.name.localeCompare(b.deck.name, 'en');
  const decks = docs.filter((doc) => doc.deck.meta.kind === 'deck');
  const pages = docs.filter((doc) => doc.deck.meta.kind === 'page');
  decks.sort((a, b) => (b.deck.meta.date ?? '').localeCompare(a.deck.meta.date ?? '') || byTitle(a, b));
  pages.sort(byTitle);
  return { decks, pages };
}

/** Every page of the site in reading order: home, talks, pages, verification. */
export function navEntries(decks: readonly SiteDoc[], pages: readonly SiteDoc[]): NavEntry[] {
  return [
    { path: SITE_PATHS.home, title: 'Home', group: 'site' },
    ...decks.map((doc): NavEntry => ({ path: docPath(doc.deck.name), title: doc.deck.meta.title, group: 'talks' })),
    ...pages.map((doc): NavEntry => ({ path: docPath(doc.deck.name), title: doc.deck.meta.title, group: 'pages' })),
    { path: SITE_PATHS.verification, title: 'Verification', group: 'site' },
  ];
}

/** Rejects document names that would overwrite each other or the site's own files. */
export function assertUniqueNames(docs: readonly SiteDoc[]): void {
  const seen = new Set<string>([SITE_PATHS.runtime]);
  for (const { deck } of docs) {
    if (seen.has(deck.name))
      throw new Error(`two site documents (or a document and the runtime) share the name "${deck.name}": ${deck.path}`);
    seen.add(deck.name);
  }
}
