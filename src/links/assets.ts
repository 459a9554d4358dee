/** Finds the relative files a deck uses (images, slide backgrounds, linked files) and names them by content hash. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Html, Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from '../parse/visit.ts';
import { isInsideFolders } from '../config/confine.ts';

/** A local file referenced from the deck and where it lands in `dist/<deck>/`. */
export interface Asset {
  source: string;
  /** Path relative to the deck's output folder, e.g. `assets/ferris.3f2a9c1b0d.png`. */
  target: string;
  /** What is written instead of a copy of `source` (a stylesheet whose `url()`s point at their copies). */
  content?: string;
}

/** A reference whose file does not exist, lies outside the project, or whose `%` escapes are malformed. */
interface MissingAsset {
  url: string;
  position: Position | undefined;
}

/** A link to an HTML page that is not in the project: generated API docs (rustdoc's `../std/index.html`). */
interface GeneratedDocLink extends MissingAsset {
  /** Why it cannot be checked: it lies outside the project, or names no file in it. */
  reason: 'outside' | 'missing';
}

/** Result of {@link planAssets}: url (as written) → asset, and the references that cannot be used. */
export interface AssetPlan {
  assets: Map<string, Asset>;
  missing: MissingAsset[];
  /** Paths that resolve (lexically or through a symlink) outside the project and every allowed folder. */
  outside: MissingAsset[];
  /** URLs with a malformed `%` escape (`decodeURI` would throw). */
  malformed: MissingAsset[];
  /** Links to `.html` pages not in the project, which only a documentation build would generate. */
  generated: GeneratedDocLink[];
}

/** Where a deck's files may come from. */
export interface AssetScope {
  /** The project root. @default the deck's folder */
  root?: string;
  /** Further folders files may be taken from (e.g. a shared `assets/` outside the project). */
  allow?: readonly string[];
  /** The markdown text, so a file named in raw HTML is reported at its attribute. */
  source?: string;
}

/** True for URLs that name a local file (not http:, data:, mailto:, #anchor, or absolute /path). */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/|\/)/i.test(url);
}

const HTML_PAGE = /\.html?$/i;

/** `decodeURI` that answers undefined instead of throwing on a malformed `%` escape. */
export function safeDecodeUri(url: string): string | undefined {
  try {
    return decodeURI(url);
  } catch {
    return undefined;
  }
}

/** `assets/<name>.<hash of content><ext>`: a new name whenever the content changes, so caches never go stale. */
export function contentTarget(source: string, content: string | Buffer): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  const ext = path.extname(source);
  return `assets/${path.basename(source, ext)}.${hash}${ext}`;
}

/** The copy of a file, named by its content. */
export const fileTarget = (source: string): string => contentTarget(source, readFileSync(source));

/** An attribute that names a file in raw HTML (`<img src>`, `<video poster>`, `<a href>`, `<object data>`). */
const HTML_URL_ATTRIBUTE = /\s(src|href|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** `src`, `href`, `poster` and `data` values of the tags in a raw HTML chunk, each with its offset in the chunk. */
export function htmlUrls(html: string): { name: string; url: string; offset: number }[] {
  // Comments are not markup: `<!-- <img src="old.png"> -->` names no file.
  const markup = html.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  return [...markup.matchAll(HTML_URL_ATTRIBUTE)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    url: match[2] ?? match[3] ?? match[4] ?? '',
    // The attribute's name, after the whitespace before it.
    offset: (match.index ?? 0) + 1,
  }));
}

/**
 * The raw HTML as written in the file (micromark drops the indentation of an inline tag's later lines from the
 * node's value), and where its character at `offset` is in the markdown file.
 */
function htmlSource(node: Html, source: string | undefined): { text: string; at: (offset: number) => Position } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  const text = source !== undefined && from !== undefined && to !== undefined ? source.slice(from, to) : node.value;
  const at = (offset: number): Position => {
    const before = text.slice(0, offset);
    const newlines = before.split('\n').length - 1;
    const column = newlines === 0 ? start.column + offset : offset - before.lastIndexOf('\n');
    const point = { line: start.line + newlines, column };
    return { start: point, end: point };
  };
  return { text, at };
}

/** Resolves every local image, link target, raw-HTML `src`/`href`/`poster` and `::slide{background-image=…}`. */
export function planAssets(
  tree: Root,
  deckDir: string,
  scope: AssetScope = {},
  extra: readonly { url: string; position: Position | undefined }[] = [],
): AssetPlan {
  const plan: AssetPlan = { assets: new Map(), missing: [], outside: [], malformed: [], generated: [] };
  const folders = [scope.root ?? deckDir, ...(scope.allow ?? [])];
  /** The file a local URL names, or undefined after recording why it cannot be used. */
  const locate = (url: string, position: Position | undefined): string | undefined => {
    const decoded = safeDecodeUri(url);
    if (decoded === undefined) {
      plan.malformed.push({ url, position });
      return undefined;
    }
    const source = path.resolve(deckDir, decoded);
    if (!isInsideFolders(source, folders)) {
      plan.outside.push({ url, position });
      return undefined;
    }
    return source;
  };
  const add = (raw: string, position: Position | undefined, required: boolean) => {
    const url = raw.split('#')[0]?.split('?')[0] ?? '';
    if (!isLocalUrl(url) || plan.assets.has(url)) return;
    const source = locate(url, position);
    if (source === undefined) return;
    if (existsSync(source) && statSync(source).isFile()) plan.assets.set(url, { source, target: fileTarget(source) });
    else if (required) plan.missing.push({ url, position });
  };
  const addMissingDocument = (raw: string, position: Position | undefined) => {
    const url = raw.split('#')[0] ?? '';
    if (!isLocalUrl(url)) return;
    const source = locate(url, position);
    if (source !== undefined && !existsSync(source)) plan.missing.push({ url, position });
  };
  // A page rustdoc or mdBook generates exists only after a docs build: recorded, not a missing file.
  // `chapter.html` beside `chapter.md` is mdBook's name for that chapter's page.
  const addHtmlLink = (raw: string, position: Position | undefined) => {
    const url = raw.split('#')[0]?.split('?')[0] ?? '';
    const decoded = safeDecodeUri(url);
    if (decoded === undefined) return add(raw, position, true);
    const source = path.resolve(deckDir, decoded);
    const inProject = isInsideFolders(source, folders);
    if (inProject && existsSync(source)) return add(raw, position, true);
    if (inProject && existsSync(source.replace(HTML_PAGE, '.md'))) return;
    plan.generated.push({ url, position, reason: inProject ? 'missing' : 'outside' });
  };
  // Raw HTML files are checked and copied like markdown's: a missing `<img src>` is the same error as a missing
  // `![](…)`, at the attribute; `href` follows the rule of markdown links (a file with an extension must exist).
  const addHtml = (node: Html) => {
    const { text, at } = htmlSource(node, scope.source);
    for (const { name, url, offset } of htmlUrls(text)) {
      const file = url.split('#')[0]?.split('?')[0] ?? '';
      if (name === 'href' && /\.md$/i.test(file)) addMissingDocument(url, at(offset));
      else if (name === 'href' && isLocalUrl(file) && HTML_PAGE.test(file)) addHtmlLink(url, at(offset));
      else add(url, at(offset), name !== 'href' || path.extname(file) !== '');
    }
  };
  visit(tree, (node) => {
    if (node.type === 'image') add(node.url, node.position, true);
    // Links to other markdown files are links to decks and pages, rewritten by the renderer, not
    // assets; one that names no file is still a missing file.
    else if (node.type === 'link' && isLocalUrl(node.url) && HTML_PAGE.test(node.url.split(/[#?]/)[0] ?? ''))
      addHtmlLink(node.url, node.position);
    else if (node.type === 'link' && /\.md$/i.test(node.url.split('#')[0] ?? ''))
      addMissingDocument(node.url, node.position);
    else if (node.type === 'link') add(node.url, node.position, path.extname(node.url.split('#')[0] ?? '') !== '');
    else if (node.type === 'html') {
      addHtml(node);
      // A dialect's `<!-- .slide: data-background-image=… -->` comment carries a background image.
      const image = (node.data as { slideAttributes?: { backgroundImage?: string } } | undefined)?.slideAttributes
        ?.backgroundImage;
      if (image) add(image, node.position, true);
    } else if (node.type === 'leafDirective' && node.name === 'slide' && node.attributes?.['background-image']) {
      add(node.attributes['background-image'], node.position, true);
    } else if (node.type === 'heading') {
      // Background images a dialect read from heading attributes.
      const image = (node.data as { slideAttributes?: { backgroundImage?: string } } | undefined)?.slideAttributes
        ?.backgroundImage;
      if (image) add(image, node.position, true);
    }
  });
  for (const { url, position } of extra) add(url, position, true);
  return plan;
}
