/** The dev server's answers: the event stream, the editor endpoint, the deck index and dist/'s files. */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { EVENTS_PATH, injectClient, OPEN_PATH } from './client.ts';
import { TYPES } from './content-types.ts';
import { deckIndexPage } from './index-page.ts';
import { resolveRequestPath } from './safe-path.ts';

/** What answering a request needs from the running server. */
export interface Serving {
  host: string;
  root: string;
  outDir: string;
  decks: readonly { name: string; path: string }[];
  /** In every page served: the editor endpoint opens files only for these pages. */
  editorToken: string;
  openEditor: (file: string, line: number, column: number) => void;
  /** Open event streams, which the server writes rebuild events to. */
  clients: Set<ServerResponse>;
  /** The last failed build's problems (JSON), replayed to a page that connects later. */
  problems: () => string | undefined;
}

/** Answers one request. */
export function serveRequest(request: IncomingMessage, response: ServerResponse, context: Serving): void {
  const url = request.url ?? '/';
  // A page on another site can make the browser ask localhost; a Host header that is not this server's
  // name (DNS rebinding) and anything but reading is refused.
  if (!allowedHost(request.headers.host, context.host)) {
    response.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden host\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { 'content-type': 'text/plain', allow: 'GET, HEAD' }).end('method not allowed\n');
    return;
  }
  if (url === EVENTS_PATH) {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    if (context.problems()) response.write(`event: problems\ndata: ${context.problems()}\n\n`);
    context.clients.add(response);
    request.on('close', () => context.clients.delete(response));
    return;
  }
  if (url.startsWith(OPEN_PATH)) {
    const opened = openRequest(context.root, new URL(url, 'http://localhost'), context.editorToken, context.openEditor);
    response.writeHead(opened, { 'content-type': 'text/plain' }).end(opened === 204 ? '' : 'refused\n');
    return;
  }
  if (url === '/' && context.decks.length !== 1) {
    const html = deckIndexPage(context.decks, { hasSite: existsSync(path.join(context.outDir, 'site', 'index.html')) });
    response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
    response.end(injectClient(html, context.editorToken));
    return;
  }
  const asked = url === '/' && context.decks.length === 1 ? `/${context.decks[0]?.name}/` : url;
  const resolved = resolveRequestPath(context.outDir, asked);
  if ('status' in resolved) {
    response
      .writeHead(resolved.status, { 'content-type': 'text/plain' })
      .end(resolved.status === 403 ? 'forbidden\n' : 'not found\n');
    return;
  }
  const type = TYPES[path.extname(resolved.file)] ?? 'application/octet-stream';
  const body = readFileSync(resolved.file);
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  // A deck's page takes the fast path's slides of that deck only.
  const folder = /^\/([^/?#]+)\/(?:index\.html)?(?:[?#]|$)/.exec(asked)?.[1];
  const deck = context.decks.find(
    (d) => folder !== undefined && [d.name, encodeURIComponent(d.name)].includes(folder),
  )?.name;
  response.end(type.startsWith('text/html') ? injectClient(body.toString('utf8'), context.editorToken, deck) : body);
}

/** Opens `?file=&line=&column=` in the editor when the token matches and the file lies inside the project. */
function openRequest(
  root: string,
  url: URL,
  token: string,
  open: (file: string, line: number, column: number) => void,
): number {
  // The token is only in pages this server served: another site cannot make the editor open files.
  if (url.searchParams.get('token') !== token) return 403;
  const file = path.resolve(root, url.searchParams.get('file') ?? '');
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || !existsSync(file)) return 403;
  const line = Number(url.searchParams.get('line') ?? 1);
  const column = Number(url.searchParams.get('column') ?? 1);
  open(file, Number.isInteger(line) && line > 0 ? line : 1, Number.isInteger(column) && column > 0 ? column : 1);
  return 204;
}

/** The Host header a browser sends for this server: a loopback name, or the address `--host` gave. */
function allowedHost(header: string | undefined, host: string): boolean {
  if (header === undefined) return false;
  const name = header
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  return ['localhost', '127.0.0.1', '::1', host.toLowerCase()].includes(name) || host === '0.0.0.0';
}
