/** One headless Debian chromium, driven by puppeteer-core, shared by everything in a build. */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { MissingToolError } from '../model/errors.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags measured to work on this machine kind: without the background-networking ones chromium dials out. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--font-render-hinting=none',
];

/** Finds chromium: `PROOFDECK_CHROMIUM`, then the usual Debian paths. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.PROOFDECK_CHROMIUM;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new MissingToolError(`PROOFDECK_CHROMIUM=${chosen} does not exist`);
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found)
    throw new MissingToolError(
      'chromium is not installed: run `sudo apt-get install chromium` (or set PROOFDECK_CHROMIUM)',
    );
  return found;
}

/** Launches chromium headless. Callers close it, normally through {@link withBrowser}. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  // Loaded on demand: most builds with warm caches and no PDFs never need it.
  const { launch } = await import('puppeteer-core');
  try {
    return await launch({ executablePath, headless: true, args: FLAGS, timeout: 20_000 });
  } catch (error) {
    // A broken or hanging chromium is an environment problem: one line with the fix, exit 3.
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new MissingToolError(
      `chromium (${executablePath}) did not start: ${reason}; check that \`${executablePath} --headless ` +
        `--no-sandbox --version\` works, or reinstall it: apt-get install --reinstall chromium`,
    );
  }
}

/** Runs `work` with a fresh browser and always closes it. */
export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

/** Runs `work` with a new page of `browser` and always closes the page. */
export async function withPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    return await work(page);
  } finally {
    await page.close();
  }
}
