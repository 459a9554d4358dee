/** Maps a request path to a file inside the served folder, refusing everything that would leave it. */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** The file to serve, or why not. */
export type Resolved = { file: string } | { status: 403 | 404 };

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Resolves `/deck/index.html`-style paths. Percent-encoded `..`, backslashes, NUL bytes and symlinks
 * pointing outside `root` are refused; directories serve their index.html.
 */
export function resolveRequestPath(root: string, urlPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '/');
  } catch {
    return { status: 403 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 403 };
  const realRoot = realpathSync(root);
  const candidate = path.resolve(realRoot, `.${path.posix.normalize(`/${decoded}`)}`);
  if (!inside(realRoot, candidate)) return { status: 403 };
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return { status: 404 };
  }
  if (!inside(realRoot, real)) return { status: 403 };
  const stats = statSync(real);
  if (stats.isDirectory()) return resolveRequestPath(root, `${decoded.replace(/\/?$/, '/')}index.html`);
  return stats.isFile() ? { file: real } : { status: 404 };
}
