/** Finds the relative files a deck uses (images, slide backgrounds, linked files) and names them by content hash. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';

/** A local file referenced from the deck and where it lands in `dist/<deck>/`. */
export interface Asset {
  source: string;
  /** Path relative to the deck's output folder, e.g. `assets/ferris.3f2a9c1b0d.png`. */
  target: string;
}

/** A reference whose file does not exist. */
interface MissingAsset {
  url: string;
  position: Position | undefined;
}

/** Result of {@link planAssets}: url (as written) → asset, and the references that point nowhere. */
export interface AssetPlan {
  assets: Map<string, Asset>;
  missing: MissingAsset[];
}

/** True for URLs that name a local file (not http:, data:, mailto:, #anchor, or absolute /path). */
function isLocalUrl(url: string): boolean {
  return url !== '' && !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/|\/)/i.test(url);
}

function assetTarget(source: string): string {
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 10);
  const ext = path.extname(source);
  return `assets/${path.basename(source, ext)}.${hash}${ext}`;
}

/** Resolves every local image, link target and `::slide{background-image=…}` against the deck's folder. */
export function planAssets(tree: Root, deckDir: string): AssetPlan {
  const plan: AssetPlan = { assets: new Map(), missing: [] };
  const add = (raw: string, position: Position | undefined, required: boolean) => {
    const url = raw.split('#')[0]?.split('?')[0] ?? '';
    if (!isLocalUrl(url) || plan.assets.has(url)) return;
    const source = path.resolve(deckDir, decodeURI(url));
    if (existsSync(source) && statSync(source).isFile()) plan.assets.set(url, { source, target: assetTarget(source) });
    else if (required) plan.missing.push({ url, position });
  };
  const addMissingDocument = (raw: string, position: Position | undefined) => {
    const url = raw.split('#')[0] ?? '';
    if (isLocalUrl(url) && !existsSync(path.resolve(deckDir, decodeURI(url)))) plan.missing.push({ url, position });
  };
  visit(tree, (node) => {
    if (node.type === 'image') add(node.url, node.position, true);
    // Links to other markdown files are links to decks and pages, rewritten by the renderer, not
    // assets; one that names no file is still a missing file.
    else if (node.type === 'link' && /\.md$/i.test(node.url.split('#')[0] ?? ''))
      addMissingDocument(node.url, node.position);
    else if (node.type === 'link') add(node.url, node.position, path.extname(node.url.split('#')[0] ?? '') !== '');
    else if (node.type === 'leafDirective' && node.name === 'slide' && node.attributes?.['background-image']) {
      add(node.attributes['background-image'], node.position, true);
    }
  });
  return plan;
}
