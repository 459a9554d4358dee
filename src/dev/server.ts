/** `proofdeck dev`: build, serve dist/ on localhost, rebuild what changed, reload the browser on the same slide. */
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createBrowserSession } from '../browser/session.ts';
import { buildDecks } from '../pipeline/build.ts';
import { resolveDeckPaths } from '../pipeline/discover.ts';
import { formatReport } from '../report/text.ts';
import { createHighlighterPool } from '../transform/highlight.ts';
import { createToolchainSet } from '../exec/toolchains.ts';
import { probeSandbox } from '../exec/sandbox.ts';
import { EVENTS_PATH, injectClient } from './client.ts';
import { resolveRequestPath } from './safe-path.ts';
import { watchSources, type Affected } from './watch.ts';
import { DEFAULT_OUT_DIR } from '../config/defaults.ts';

/** Options for {@link startDev}. */
export interface DevOptions {
  /** Project folder. @default process.cwd() */
  root?: string;
  /** Decks to serve and watch; empty means all. */
  paths?: readonly string[];
  /** @default 'dist' */
  outDir?: string;
  /** 0 picks a free port. @default 3000 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Line-based log (rebuild times, problems). */
  log?: (line: string) => void;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  close(): Promise<void>;
  /** Resolves after the next rebuild finishes, with its duration; for tests and the benchmark. */
  nextBuild(): Promise<{ ms: number; ok: boolean }>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/** Builds once, then serves and watches until closed. */
export async function startDev(options: DevOptions = {}): Promise<DevServer> {
  const root = path.resolve(options.root ?? process.cwd());
  const outDir = path.resolve(root, options.outDir ?? DEFAULT_OUT_DIR);
  const log = options.log ?? (() => undefined);
  const decks = resolveDeckPaths(root, options.paths ?? []);
  const browser = createBrowserSession();
  const highlighters = createHighlighterPool();
  const snippetSession = { toolchains: createToolchainSet(), sandbox: await probeSandbox() };
  const clients = new Set<ServerResponse>();
  const waiters: ((result: { ms: number; ok: boolean }) => void)[] = [];
  let lastProblems: string | undefined;
  let queue: Promise<void> = Promise.resolve();

  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const rebuild = (affected: Affected) => {
    const paths = decks.filter((deck) => affected === 'all' || affected.has(deck.name)).map((deck) => deck.path);
    if (paths.length === 0) return;
    queue = queue.then(async () => {
      const started = performance.now();
      const result = await buildDecks({ root, paths, outDir, pdf: false, browser, highlighters, snippetSession }).catch(
        (error: unknown) => {
          log(`proofdeck dev: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      );
      const ms = performance.now() - started;
      const ok = result !== undefined && result.written.length > 0;
      const problems = result?.files.some((file) => file.messages.length > 0) ? formatReport(result.files) : undefined;
      if (problems) log(problems.trimEnd());
      if (ok) {
        lastProblems = undefined;
        send('reload', { ms });
        log(`rebuilt ${result.written.join(', ')} in ${Math.round(ms)} ms`);
      } else {
        lastProblems = problems ?? 'build failed';
        send('problems', { text: lastProblems });
      }
      for (const waiter of waiters.splice(0)) waiter({ ms, ok });
    });
  };

  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === EVENTS_PATH) {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      if (lastProblems) response.write(`event: problems\ndata: ${JSON.stringify({ text: lastProblems })}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const resolved = resolveRequestPath(outDir, url === '/' && decks.length === 1 ? `/${decks[0]?.name}/` : url);
    if ('status' in resolved) {
      response
        .writeHead(resolved.status, { 'content-type': 'text/plain' })
        .end(resolved.status === 403 ? 'forbidden\n' : 'not found\n');
      return;
    }
    const type = TYPES[path.extname(resolved.file)] ?? 'application/octet-stream';
    const body = readFileSync(resolved.file);
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(type.startsWith('text/html') ? injectClient(body.toString('utf8')) : body);
  });

  rebuild('all');
  await queue;
  const stopWatching = watchSources(root, (affected) => rebuild(affected));
  await new Promise<void>((resolve) => server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      stopWatching();
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      await browser.close();
      highlighters.dispose();
    },
  };
}
