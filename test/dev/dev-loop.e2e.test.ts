import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/browser.ts';
import { buildDecks } from '../../src/pipeline/build.ts';
import { resolveDeckPaths } from '../../src/pipeline/discover.ts';
import { type DevServer, startDev } from '../../src/dev/server.ts';
import { REPO, tempProject } from '../helpers.ts';

const deck = (title: string, body = 'Alpha.') => `---\ntitle: ${title}\n---\n\n## First\n\n${body}\n`;

describe('dev <name>', () => {
  it('accepts a deck name, a folder or a file, as `proofdeck new` names them', () => {
    const root = tempProject({ talk: deck('T') });
    writeFileSync(path.join(root, 'decks', 'solo.md'), deck('S'));
    try {
      expect(resolveDeckPaths(root, ['talk'])[0]?.name).toBe('talk');
      expect(resolveDeckPaths(root, ['solo'])[0]?.name).toBe('solo');
      expect(resolveDeckPaths(root, ['decks/talk'])[0]?.name).toBe('talk');
      expect(resolveDeckPaths(root, ['decks/talk/deck.md'])[0]?.name).toBe('talk');
      expect(() => resolveDeckPaths(root, ['nope'])).toThrow(/no such deck: nope/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('proofdeck dev keeps what a full build made', () => {
  let root: string;
  let server: DevServer;
  let browser: Browser;
  const opened: string[] = [];

  beforeAll(async () => {
    root = tempProject({ live: deck('Live'), other: deck('Other') });
    const full = await buildDecks({ root, pdf: true });
    expect(full.written).toContain('live');
    server = await startDev({
      root,
      port: 0,
      printoutDelayMs: 400,
      openEditor: (file, line, column) => opened.push(`${path.relative(root, file)}:${line}:${column}`),
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the PDFs and handout through quick rebuilds, then prints them again once edits settle', async () => {
    const pdf = path.join(root, 'dist', 'live', 'live.pdf');
    const before = statSync(pdf).mtimeMs;
    const quick = server.nextBuild();
    writeFileSync(path.join(root, 'decks', 'live', 'deck.md'), deck('Live', 'Beta.'));
    expect((await quick).ok).toBe(true);
    for (const file of ['live.pdf', 'live-handout.pdf', 'handout.html'])
      expect(existsSync(path.join(root, 'dist', 'live', file)), file).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'site', 'index.html'))).toBe(true);
    // The background print after the edits settle.
    expect((await server.nextBuild()).ok).toBe(true);
    expect(statSync(pdf).mtimeMs).toBeGreaterThan(before);
  });

  it('lists every deck at / when it serves more than one', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('href="live/"');
    expect(html).toContain('href="other/"');
    expect(html).toContain('href="site/"');
  });

  it('has an overlay that Esc dismisses, errors and warnings apart, file:line links open the editor', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}live/index.html`, { waitUntil: 'load' });
    const broken = server.nextBuild();
    writeFileSync(
      path.join(root, 'decks', 'live', 'deck.md'),
      `${deck('Live')}\n#### Skipped\n\n![gone](missing.png)\n`,
    );
    expect((await broken).ok).toBe(false);
    await page.waitForSelector('#proofdeck-dev-overlay');
    expect(await page.$$eval('#proofdeck-dev-overlay .pd-error', (items) => items.length)).toBeGreaterThan(0);
    expect(await page.$$eval('#proofdeck-dev-overlay .pd-warning', (items) => items.length)).toBeGreaterThan(0);
    const colours = await page.$$eval('#proofdeck-dev-overlay .pd-item', (items) =>
      items.map((item) => getComputedStyle(item).borderLeftColor),
    );
    expect(new Set(colours).size).toBe(2);
    await page.click('#proofdeck-dev-overlay .pd-error a');
    await expect.poll(() => opened.length).toBe(1);
    expect(opened[0]).toMatch(/^decks\/live\/deck\.md:\d+:\d+$/);
    await page.keyboard.press('Escape');
    expect(await page.$('#proofdeck-dev-overlay')).toBeNull();
    await page.close();
  });

  it('opens only files inside the project, and only for pages it served', async () => {
    const base = `${server.url}__proofdeck/open`;
    expect((await fetch(`${base}?token=wrong&file=decks/live/deck.md&line=1`)).status).toBe(403);
    const page = await (await fetch(`${server.url}live/index.html`)).text();
    const token = /token: "([0-9a-f]+)"/.exec(page)?.[1] ?? '';
    expect(token).not.toBe('');
    expect((await fetch(`${base}?token=${token}&file=../../etc/passwd&line=1`)).status).toBe(403);
    expect((await fetch(`${base}?token=${token}&file=/etc/passwd&line=1`)).status).toBe(403);
  });
});

/** True when nothing listens on the port any more. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('proofdeck dev stops on signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`exits 0 within 1 s on ${signal} after rendering a diagram, leaving the port free`, async () => {
      const root = tempProject({ talk: deck('T') });
      try {
        const port = 31_000 + Math.floor(Math.random() * 2000);
        const child = spawn(
          path.join(REPO, 'node_modules', '.bin', 'node'),
          [path.join(REPO, 'bin', 'proofdeck.js'), 'dev', '--port', String(port)],
          { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
        );
        let log = '';
        const waitFor = (text: string, times = 1) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no "${text}" in: ${log}`)), 60_000);
            const check = () => {
              if (log.split(text).length - 1 < times) return;
              clearTimeout(timer);
              resolve();
            };
            child.stderr.on('data', (chunk: Buffer) => {
              log += chunk.toString();
              check();
            });
            check();
          });
        await waitFor('serving');
        mkdirSync(path.join(root, 'diagrams'), { recursive: true });
        const diagram = `\`\`\`mermaid\nflowchart LR\n  a${port} --> b\n\`\`\`\n`;
        writeFileSync(path.join(root, 'decks', 'talk', 'deck.md'), deck('T', diagram));
        await waitFor('rebuilt talk', 2);
        const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
          const started = performance.now();
          child.once('exit', (code) => resolve({ code, ms: performance.now() - started }));
        });
        child.kill(signal);
        const { code, ms } = await exited;
        expect(code).toBe(0);
        expect(ms).toBeLessThan(1000);
        expect(await portFree(port)).toBe(true);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

describe('proofdeck dev refuses what a local server must not answer', () => {
  it('refuses foreign Host headers and methods other than GET/HEAD, and a busy port is a usage error', async () => {
    const root = tempProject({ talk: deck('T') });
    const server = await startDev({ root, port: 0 });
    try {
      const { port } = new URL(server.url);
      const ask = (method: string, host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ hostname: '127.0.0.1', port, path: '/talk/', method, headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await ask('GET', `127.0.0.1:${port}`)).toBe(200);
      expect(await ask('HEAD', `localhost:${port}`)).toBe(200);
      expect(await ask('GET', `evil.example:${port}`)).toBe(403);
      expect(await ask('POST', `127.0.0.1:${port}`)).toBe(405);
      await expect(startDev({ root, port: Number(port) })).rejects.toThrow(/port \d+ on 127\.0\.0\.1 is in use/);
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
