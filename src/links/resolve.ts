/** Where a link written in a deck or page points: an anchor, another deck or page of the build, a file, or the web. */
import path from 'node:path';
import type { ParsedDeck } from '../model/deck.ts';

/** What a markdown link URL resolves to. */
export type LinkTarget =
  /** `http:`/`https:` or protocol-relative. */
  | { kind: 'external'; url: string }
  /** Another deck or page of the build, or this one (`anchor` undefined when the link has no `#`). */
  | { kind: 'doc'; doc: ParsedDeck; anchor: string | undefined }
  /** Any other local path, absolute. */
  | { kind: 'file'; path: string }
  /** Not checkable: `mailto:`, `data:`, site-absolute `/path`, reveal.js `#/h/v` navigation, a bare `#`. */
  | { kind: 'ignored' };

/** The decks and pages of a build, by their markdown file and, for `deck.md`, by their folder. */
export interface DocIndex {
  byPath: ReadonlyMap<string, ParsedDeck>;
}

/** Indexes documents so links to `../talk/deck.md`, `../talk/` and `../guide.md` can be resolved. */
export function indexDocs(docs: readonly ParsedDeck[]): DocIndex {
  const byPath = new Map<string, ParsedDeck>();
  for (const doc of docs) {
    byPath.set(path.resolve(doc.path), doc);
    if (path.basename(doc.path) === 'deck.md') byPath.set(path.dirname(path.resolve(doc.path)), doc);
  }
  return { byPath };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A wiki-style page name: no extension and not a folder (`OtherPage`, `guide/Setup`). */
export const wikiStyle = (pathPart: string): boolean => !/[\\/]$/.test(pathPart) && path.extname(pathPart) === '';

/** Resolves `url` as written in `from`'s markdown. Pure: it never looks at the file system. */
export function resolveLink(url: string, from: ParsedDeck, index: DocIndex): LinkTarget {
  if (/^(?:https?:)?\/\//i.test(url)) return { kind: 'external', url };
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return { kind: 'ignored' };
  const hashAt = url.indexOf('#');
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).split('?')[0] ?? '';
  const rawAnchor = hashAt === -1 ? undefined : url.slice(hashAt + 1);
  // Reveal.js navigation (`#/3/1`) and an empty `#` are not anchors.
  if (rawAnchor !== undefined && (rawAnchor === '' || rawAnchor.startsWith('/'))) return { kind: 'ignored' };
  const anchor = rawAnchor === undefined ? undefined : safeDecode(rawAnchor);
  if (pathPart === '') return { kind: 'doc', doc: from, anchor };
  const target = path.resolve(path.dirname(from.path), safeDecode(pathPart));
  const bare = target.replace(/[\\/]+$/, '');
  // GitHub-wiki style: `[Other page](OtherPage)` names `OtherPage.md` beside the file.
  const doc = index.byPath.get(bare) ?? (wikiStyle(pathPart) ? index.byPath.get(`${bare}.md`) : undefined);
  return doc ? { kind: 'doc', doc, anchor } : { kind: 'file', path: target };
}
