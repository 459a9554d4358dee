/** `proofdeck dev`: build, serve dist/ on localhost, rebuild what changed, reload the browser on the same slide. */
import { randomBytes } from 'node:crypto';
import type { DialectName } from '../dialect/types.ts';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { launchBrowser } from '../browser/browser.ts';
import { createBrowserSession } from '../browser/session.ts';
import { buildDecks } from '../pipeline/build.ts';
import type { BuiltDoc } from '../pipeline/renderers.ts';
import { resolveDeckPaths } from '../pipeline/discover.ts';
import { collectDiagnostics } from '../report/diagnostics.ts';
import { formatReport } from '../report/text.ts';
import { createHighlighterPool } from '../transform/highlight.ts';
import { createToolchainSet } from '../exec/toolchains.ts';
import { probeSandbox } from '../exec/sandbox.ts';
import { openInEditor } from './open-editor.ts';
import { createPreviews } from './previews.ts';
import { type Serving, serveRequest } from './requests.ts';
import { watchSources, type Affected } from './watch.ts';
import { DEFAULT_OUT_DIR } from '../config/defaults.ts';
import { UsageError } from '../model/errors.ts';

/** Options for {@link startDev}. */
export interface DevOptions {
  /** Project folder. @default process.cwd() */
  root?: string;
  /** Decks to serve and watch; empty means all. */
  paths?: readonly string[];
  /** `--from`: the dialect every deck is read in. */
  from?: DialectName | undefined;
  /** @default 'dist' */
  outDir?: string;
  /** 0 picks a free port. @default 3000 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Line-based log (rebuild times, problems). */
  log?: (line: string) => void;
  /**
   * Quiet time after the last edit before the PDFs and handout are printed again in the background;
   * 0 never reprints. @default 3000
   */
  printoutDelayMs?: number;
  /**
   * After the fast path pushed an edit's slides, the full build waits this long, so the page draws them first
   * and a burst of edits is built once. @default 200
   */
  settleMs?: number;
  /** Opens a file at a position when the overlay's link is clicked. @default launch-editor ($EDITOR, code -g…) */
  openEditor?: (file: string, line: number, column: number) => void;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  close(): Promise<void>;
  /** Resolves after the next rebuild finishes, with its duration; for tests and the benchmark. */
  nextBuild(): Promise<{ ms: number; ok: boolean }>;
}

/** Builds once, then serves and watches until closed. */
export async function startDev(options: DevOptions = {}): Promise<DevServer> {
  const root = path.resolve(options.root ?? process.cwd());
  const outDir = path.resolve(root, options.outDir ?? DEFAULT_OUT_DIR);
  const log = options.log ?? (() => undefined);
  const decks = resolveDeckPaths(root, options.paths ?? []);
  const browser = createBrowserSession(() => launchBrowser({ handleSignals: false }));
  const highlighters = createHighlighterPool();
  const snippetSession = { toolchains: createToolchainSet(), sandbox: await probeSandbox() };
  const clients = new Set<ServerResponse>();
  const waiters: ((result: { ms: number; ok: boolean }) => void)[] = [];
  let lastProblems: string | undefined;
  let queue: Promise<void> = Promise.resolve();

  const send = (event: string, data: unknown) => {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    for (const client of clients) client.write(`event: ${event}\ndata: ${text}\n\n`);
  };

  const printoutDelayMs = options.printoutDelayMs ?? 3000;
  const editorToken = randomBytes(16).toString('hex');
  let printoutTimer: NodeJS.Timeout | undefined;
  /** Set once close() starts: the build it interrupts has nothing to report. */
  let closing = false;
  const stalePrintouts = new Set<string>();

  const shared = { root, browser, highlighters, snippetSession, from: options.from };
  const previews = createPreviews({
    ...shared,
    push: ({ ms, ...slides }) => {
      send('slides', slides);
      log(`updated ${slides.sections.length} slide(s) of ${slides.deck} in ${Math.round(ms)} ms`);
    },
  });
  /** Bumped by every change: a build that finishes after a later change has nothing to show or keep. */
  let generation = 0;

  /** Decks changed since a build last started: a build takes all of them, so a burst of edits builds once. */
  let dirty: Affected = new Set();
  const settleMs = options.settleMs ?? 200;

  /** Queues a full build of the affected decks, after `before` (the edit's fast path) and its settle time. */
  const rebuild = (affected: Affected, pdf = false, before?: Promise<boolean>) => {
    if (!pdf) dirty = affected === 'all' || dirty === 'all' ? 'all' : new Set([...dirty, ...affected]);
    queue = queue.then(async () => {
      // The page draws the pushed slides while nothing else runs; the build then takes any later edit too.
      if (await before) await new Promise((resolve) => setTimeout(resolve, settleMs));
      const take = pdf ? affected : dirty;
      if (!pdf) dirty = new Set();
      const paths = decks.filter((deck) => take === 'all' || take.has(deck.name)).map((deck) => deck.path);
      // An earlier queued build already took this edit.
      if (paths.length === 0) return;
      const mine = generation;
      const started = performance.now();
      const build = {
        ...shared,
        paths,
        outDir,
        pdf,
        keepPrintouts: true,
        onWritten: (docs: readonly BuiltDoc[]) => {
          if (mine === generation) previews.written(docs);
        },
      };
      const result = await buildDecks(build).catch((error: unknown) => {
        if (!closing) log(`proofdeck dev: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      const ms = performance.now() - started;
      if (closing) return;
      const ok = result !== undefined && result.written.length > 0;
      const problems = result?.files.some((file) => file.messages.length > 0) ? formatReport(result.files) : undefined;
      if (problems) log(problems.trimEnd());
      // The pages already show a later edit's slides (fast path); this build's would take them back.
      if (mine !== generation) {
        for (const waiter of waiters.splice(0)) waiter({ ms, ok });
        return;
      }
      if (ok) {
        lastProblems = undefined;
        send('reload', { ms });
        log(`${pdf ? 'printed' : 'rebuilt'} ${result.written.join(', ')} in ${Math.round(ms)} ms`);
      } else {
        const diagnostics = result ? collectDiagnostics(result.files) : [];
        lastProblems = JSON.stringify({ text: problems ?? 'build failed', diagnostics });
        send('problems', lastProblems);
      }
      for (const waiter of waiters.splice(0)) waiter({ ms, ok });
    });
  };

  const host = options.host ?? '127.0.0.1';
  const openEditor = options.openEditor ?? openInEditor;
  const serving: Serving = {
    host,
    root,
    outDir,
    decks,
    editorToken,
    openEditor,
    clients,
    problems: () => lastProblems,
  };
  const server = createServer((request, response) => serveRequest(request, response, serving));

  const schedulePrintouts = (affected: Affected) => {
    if (printoutDelayMs <= 0) return;
    for (const deck of decks) if (affected === 'all' || affected.has(deck.name)) stalePrintouts.add(deck.name);
    clearTimeout(printoutTimer);
    printoutTimer = setTimeout(() => {
      const names = new Set(stalePrintouts);
      stalePrintouts.clear();
      rebuild(names, true);
    }, printoutDelayMs);
  };

  rebuild('all');
  await queue;
  const watcher = watchSources(root, (affected) => {
    generation++;
    // A change inside decks' folders: their changed slides first, then the full build.
    const before = affected === 'all' ? undefined : previews.run(decks.filter((deck) => affected.has(deck.name)));
    rebuild(affected, false, before);
    schedulePrintouts(affected);
  });
  await watcher.ready;
  const port = options.port ?? 3000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await Promise.all([watcher.close(), browser.close()]);
    highlighters.dispose();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use: pick another with --port`);
    if (code === 'EACCES') throw new UsageError(`port ${port} on ${host} needs privileges: pick one above 1023`);
    throw error;
  }
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${bound}/`,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      clearTimeout(printoutTimer);
      await watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Browser first: a rebuild still rendering diagrams then fails at once instead of finishing, so a
      // signal stops dev within a second; the build it interrupts never commits a half-written folder.
      closing = true;
      await browser.close();
      await queue;
      highlighters.dispose();
    },
  };
}
