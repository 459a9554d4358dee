/** A browser started on first use and shared by the whole build (diagrams now, PDFs later). */
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from './browser.ts';

/** Lazily launched browser; `launches` lets tests prove that a cached build never starts one. */
export interface BrowserSession {
  get(): Promise<Browser>;
  close(): Promise<void>;
  readonly launches: number;
}

/** How long a closing browser may take before it is killed. */
const CLOSE_GRACE_MS = 100;

/** Creates a session; nothing starts until {@link BrowserSession.get} is called. */
export function createBrowserSession(launch: () => Promise<Browser> = launchBrowser): BrowserSession {
  let browser: Promise<Browser> | undefined;
  let launches = 0;
  let closed = false;
  return {
    get() {
      // A build still running when its owner closed the session must not start a browser nobody closes.
      if (closed) return Promise.reject(new Error('the browser session is closed'));
      if (!browser) {
        launches++;
        browser = launch();
      }
      return browser;
    },
    async close() {
      closed = true;
      const running = browser;
      browser = undefined;
      // A launch that failed was already reported to whoever needed the browser (or nobody did: a build
      // that started chromium early and then stopped at content errors); closing must not replace that.
      const started = await running?.catch(() => undefined);
      // Nor may a browser that crashed on the way out. A graceful close waits for pages still printing:
      // after a short grace the process is killed, so closing never holds a stopping program for seconds.
      const graceful = started?.close().catch(() => undefined);
      const timedOut = await Promise.race([
        graceful?.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS, true).unref()),
      ]);
      if (timedOut) started?.process()?.kill('SIGKILL');
    },
    get launches() {
      return launches;
    },
  };
}
