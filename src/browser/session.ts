/** A browser started on first use and shared by the whole build (diagrams now, PDFs later). */
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from './browser.ts';

/** Lazily launched browser; `launches` lets tests prove that a cached build never starts one. */
export interface BrowserSession {
  get(): Promise<Browser>;
  close(): Promise<void>;
  readonly launches: number;
}

/** Creates a session; nothing starts until {@link BrowserSession.get} is called. */
export function createBrowserSession(launch: () => Promise<Browser> = launchBrowser): BrowserSession {
  let browser: Promise<Browser> | undefined;
  let launches = 0;
  return {
    get() {
      if (!browser) {
        launches++;
        browser = launch();
      }
      return browser;
    },
    async close() {
      const running = browser;
      browser = undefined;
      // A launch that failed was already reported to whoever needed the browser (or nobody did: a build
      // that started chromium early and then stopped at content errors); closing must not replace that.
      const started = await running?.catch(() => undefined);
      // Nor may a browser that crashed on the way out.
      await started?.close().catch(() => undefined);
    },
    get launches() {
      return launches;
    },
  };
}
