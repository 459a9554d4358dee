/**
 * A deck's own stylesheets (`css:`) name fonts and images with `url(…)`, relative to the stylesheet. Each such file
 * is copied into `assets/` like an image, and the stylesheet's copy is rewritten to point at it (`@import`ed
 * stylesheets the same way, in turn), so the relative paths keep working from `dist/<deck>/assets/`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'unist';
import { isInsideFolders } from '../config/confine.ts';
import { type Asset, type AssetPlan, contentTarget, fileTarget, isLocalUrl, safeDecodeUri } from './assets.ts';
import { cssUrls } from './css-urls.ts';

const isStylesheet = (file: string): boolean => /\.css$/i.test(file);

/** `url("…")` as CSS writes a string: a quote, a backslash or a newline escaped. */
const cssString = (value: string): string =>
  `"${value.replace(/["\\\n]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;

/** Where one stylesheet is read from, for messages and for files named relative to it. */
interface Sheet {
  source: string;
  /** The `css:` reference that brought the first stylesheet in: every finding is reported there. */
  position: Position | undefined;
  /** Stylesheets being read, outermost first: an `@import` cycle stops at the second visit. */
  chain: readonly string[];
}

/** The stylesheet as it is copied: each local file it names planned, its url pointing at that file's copy. */
function stylesheetAsset(plan: AssetPlan, folders: readonly string[], sheet: Sheet, deckDir: string): Asset {
  const css = readFileSync(sheet.source, 'utf8');
  const named = path.relative(deckDir, sheet.source).split(path.sep).join('/');
  let out = '';
  let last = 0;
  for (const found of cssUrls(css)) {
    const [file = '', suffix = ''] = /^([^?#]*)(.*)$/s.exec(found.url)?.slice(1) ?? [];
    if (!isLocalUrl(file)) continue;
    const line = css.slice(0, found.start).split('\n').length;
    const where = { url: `${found.url} (in ${named}, line ${line})`, position: sheet.position };
    const decoded = safeDecodeUri(file);
    if (decoded === undefined) {
      plan.malformed.push(where);
      continue;
    }
    const source = path.resolve(path.dirname(sheet.source), decoded);
    if (!isInsideFolders(source, folders)) {
      plan.outside.push(where);
      continue;
    }
    if (!existsSync(source) || !statSync(source).isFile()) {
      plan.missing.push(where);
      continue;
    }
    // An `@import` cycle: the browser skips it, and so does the copy (it keeps the reference as written).
    if (sheet.chain.includes(source)) continue;
    const asset = isStylesheet(source)
      ? stylesheetAsset(plan, folders, { ...sheet, source, chain: [...sheet.chain, source] }, deckDir)
      : { source, target: fileTarget(source) };
    // Keyed by the file itself: no markdown reference is an absolute path, so none is rewritten to it by mistake.
    plan.assets.set(source, asset);
    const quoted = cssString(`${path.posix.basename(asset.target)}${suffix}`);
    const token = css.slice(found.start, found.end);
    out += css.slice(last, found.start) + (/^["']/.test(token) ? quoted : `url(${quoted})`);
    last = found.end;
  }
  out += css.slice(last);
  return { source: sheet.source, target: contentTarget(sheet.source, out), content: out };
}

/** Rewrites the deck's stylesheets in the plan (and plans the files they name); findings point at `position`. */
export function planStylesheets(
  plan: AssetPlan,
  deckDir: string,
  folders: readonly string[],
  stylesheets: readonly { url: string; position: Position | undefined }[],
): void {
  for (const { url, position } of stylesheets) {
    const asset = plan.assets.get(url);
    if (!asset || !isStylesheet(asset.source) || asset.content !== undefined) continue;
    const sheet = { source: asset.source, position, chain: [asset.source] };
    plan.assets.set(url, stylesheetAsset(plan, folders, sheet, deckDir));
  }
}
