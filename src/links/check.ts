/** Rule `links/broken`: relative links and `#anchors` in decks and pages must point at something that exists. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from '../parse/visit.ts';
import type { VFile } from 'vfile';
import type { ParsedDeck } from '../model/deck.ts';
import { addError, type Place } from '../report/messages.ts';
import { anchorIds } from './anchors.ts';
import { closest } from '../report/closest.ts';
import { indexDocs, resolveLink, wikiStyle } from './resolve.ts';

/** One checked document: its file (messages go there), full mdast (with link definitions) and parsed deck. */
export interface LinkDoc {
  file: VFile;
  tree: Root;
  deck: ParsedDeck;
}

/** An `http(s)` link found while checking, for `--check-external`. */
export interface ExternalLink {
  url: string;
  file: VFile;
  place: Place | undefined;
}

const RULE = 'links/broken';

function placeOf(position: Position | undefined): Place | undefined {
  return position ? { line: position.start.line, column: position.start.column } : undefined;
}

function anchorHint(anchor: string, anchors: ReadonlySet<string>): string {
  const near = closest(anchor, anchors);
  const rule =
    'Anchors are slide ids and heading slugs: the heading text in lowercase, spaces as "-", punctuation dropped.';
  return near ? `Did you mean #${near}? ${rule}` : rule;
}

/**
 * Checks every link and link definition of every document against the documents of the build, reporting
 * broken ones as `links/broken` errors at the link. A missing file that has an extension is left to
 * `deck/missing-asset`, which already reports it. Returns the external links, in document order.
 */
export function checkLinks(docs: readonly LinkDoc[]): ExternalLink[] {
  const index = indexDocs(docs.map((doc) => doc.deck));
  const anchorCache = new Map<ParsedDeck, Set<string>>();
  const anchorsOf = (deck: ParsedDeck): Set<string> => {
    let anchors = anchorCache.get(deck);
    if (!anchors) anchorCache.set(deck, (anchors = anchorIds(deck)));
    return anchors;
  };
  const external: ExternalLink[] = [];
  for (const { file, tree, deck } of docs) {
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const place = placeOf(node.position);
      const target = resolveLink(node.url, deck, index);
      if (target.kind === 'external') external.push({ url: target.url, file, place });
      if (target.kind === 'doc' && target.anchor !== undefined) {
        const anchors = anchorsOf(target.doc);
        if (anchors.has(target.anchor)) return;
        const where = target.doc === deck ? 'this file' : path.relative(path.dirname(deck.path), target.doc.path);
        addError(
          file,
          `broken link: no slide or heading "#${target.anchor}" in ${where}`,
          place,
          RULE,
          anchorHint(target.anchor, anchors),
        );
      }
      if (target.kind === 'file' && path.extname(target.path) === '' && !existsSync(target.path)) {
        // A wiki-style link to a page that is not part of this check.
        if (wikiStyle(node.url.split('#')[0] ?? '') && existsSync(`${target.path}.md`)) return;
        const shown = node.url.split('#')[0] ?? node.url;
        addError(
          file,
          `broken link: ${shown} does not exist`,
          place,
          RULE,
          'Paths are relative to the markdown file; link a deck by its folder or deck.md, a page by its .md ' +
            'file or its name without .md (wiki style).',
        );
      }
    });
  }
  return external;
}
