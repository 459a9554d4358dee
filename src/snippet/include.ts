/**
 * Includes: a block whose body is `<<< ./src/uaf.c#bug` (VitePress/Slidev spelling; `@/` = project
 * root) shows the region `bug` and compiles the whole file. Regions are marked `// #region bug` …
 * `// #endregion bug` (VitePress) or `// ANCHOR: bug` … `// ANCHOR_END: bug` (mdBook).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { isInsideFolders } from '../config/confine.ts';

/** A parsed `<<<` line. */
export interface IncludeRequest {
  spec: string;
  path: string;
  region?: string;
}

/** A resolved include, or a positioned reason why not. */
export type IncludeResult =
  | { ok: true; path: string; text: string; displayed: string; firstLine: number; region?: string }
  | {
      ok: false;
      ruleId: 'snippet/missing-include' | 'snippet/include-outside-root' | 'snippet/unknown-region';
      message: string;
      hint: string;
    };

const INCLUDE = /^<<<\s+(\S+?)(?:#([\w.-]+))?(?:\s*\{[^}]*\})?(?:\s+\[[^\]]*\])?\s*$/;

/** Parses the block body as an include line, or undefined when the body is ordinary code. */
export function parseInclude(body: string): IncludeRequest | undefined {
  const match = INCLUDE.exec(body.trim());
  if (!match || body.trim().includes('\n')) return undefined;
  const path = match[1] ?? '';
  return { spec: `${path}${match[2] ? `#${match[2]}` : ''}`, path, ...(match[2] ? { region: match[2] } : {}) };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MARKER = /(#(end)?region\b|\bANCHOR(_END)?:)/;

/** The lines of `region` (markers of other regions dropped, common indentation removed) and where it starts. */
function extractRegion(text: string, region: string): { displayed: string; firstLine: number } | undefined {
  const lines = text.split('\n');
  const name = escapeRegExp(region);
  const start = new RegExp(`(#region\\s+${name}\\b|\\bANCHOR:\\s*${name}\\b)`);
  const end = new RegExp(`(#endregion(\\s+${name}\\b|\\s*$|\\s*\\*/|\\s*-->)|\\bANCHOR_END:\\s*${name}\\b)`);
  const from = lines.findIndex((line) => start.test(line));
  if (from === -1) return undefined;
  let to = lines.findIndex((line, index) => index > from && end.test(line));
  if (to === -1) to = lines.length;
  const body = lines.slice(from + 1, to).filter((line) => !MARKER.test(line));
  const indent = Math.min(
    ...body.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length),
  );
  const cut = Number.isFinite(indent) ? indent : 0;
  return { displayed: body.map((line) => line.slice(cut)).join('\n'), firstLine: from + 2 };
}

/**
 * Resolves and reads an include relative to the markdown file (`@/` relative to `root`), never outside `root`
 * and the `allow`ed folders (symlinks followed).
 */
export function resolveInclude(
  request: IncludeRequest,
  markdownPath: string,
  root: string,
  allow: readonly string[] = [],
): IncludeResult {
  const target = request.path.startsWith('@/')
    ? join(root, request.path.slice(2))
    : resolve(dirname(markdownPath), request.path);
  const outside: IncludeResult = {
    ok: false,
    ruleId: 'snippet/include-outside-root',
    message: `include \`${request.path}\` points outside the project root`,
    hint: `keep included files under ${root}${allow.length > 0 ? ' or an allowed folder (paths.allow)' : ''}`,
  };
  const folders = [root, ...allow];
  if (!folders.some((folder) => inside(folder, target))) return outside;
  if (!existsSync(target) || !statSync(target).isFile()) {
    return {
      ok: false,
      ruleId: 'snippet/missing-include',
      message: `included file \`${request.path}\` does not exist`,
      hint: `looked for ${target}`,
    };
  }
  // A symlink inside the root may still point out of it.
  if (!isInsideFolders(target, folders)) return outside;
  const text = readFileSync(target, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  if (!request.region) return { ok: true, path: target, text, displayed: text, firstLine: 1 };
  const region = extractRegion(text, request.region);
  if (!region) {
    return {
      ok: false,
      ruleId: 'snippet/unknown-region',
      message: `region \`${request.region}\` not found in \`${request.path}\``,
      hint: `mark it with \`// #region ${request.region}\` … \`// #endregion ${request.region}\``,
    };
  }
  return { ok: true, path: target, text, ...region, region: request.region };
}
