/** The page `proofdeck dev` serves at `/` when it serves more than one deck. */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { DeckSource } from '../pipeline/discover.ts';

/** Options for {@link deckIndexPage}. */
export interface IndexPageOptions {
  /** Link the docs site too (it exists after a full build). @default false */
  hasSite?: boolean;
}

/** A plain list of every deck with a link to its slides (and the site when it was built). */
export function deckIndexPage(decks: readonly DeckSource[], options: IndexPageOptions = {}): string {
  const items = decks.map((deck) => h('li', [h('a', { href: `${deck.name}/` }, deck.name)]));
  const site = options.hasSite ? [h('p', [h('a', { href: 'site/' }, 'The docs site')])] : [];
  const style =
    'body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}' +
    'a{color:#0b5cad}li{margin:.3rem 0}';
  const tree = h('html', { lang: 'en' }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('title', 'proofdeck dev'), h('style', style)]),
    h('body', [h('h1', 'Decks'), decks.length ? h('ul', items) : h('p', 'No decks under decks/ yet.'), ...site]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}
