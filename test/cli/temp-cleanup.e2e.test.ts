/**
 * A build killed mid-way (Ctrl-C, a process manager's SIGTERM) leaves no temp folder behind: compiler job
 * folders, the fit stage's pages and the mermaid page all live in one per-process scratch folder that goes on
 * exit and on the signal. Each build runs with its own TMPDIR, so tests in parallel do not see each other's.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir, tempProject } from '../helpers.ts';

const DECK = `---
title: Killed mid-build
---

## A diagram

\`\`\`mermaid
flowchart LR
  parse --> check --> render
\`\`\`

## A program

\`\`\`c
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
\`\`\`
`;

/** `check` of a deck without diagrams starts no browser: no puppeteer signal handler, Node's default ends it. */
const C_ONLY = DECK.replace(/## A diagram[\s\S]*?## A program/, '## A program');

const ours = (tmp: string): string[] => readdirSync(tmp).filter((name) => name.startsWith('proofdeck-'));

/** Starts `command`, sends `signal` once a proofdeck temp folder exists, and returns how it ended. */
async function killedRun(
  command: 'build' | 'check',
  deck: string,
  signal: NodeJS.Signals,
): Promise<{ tmp: string; sawFolder: boolean; ended: string }> {
  const root = tempProject({ killed: deck });
  const tmp = tempDir('killed-tmp');
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'proofdeck.js'), command, '--no-cache'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
    stdio: 'ignore',
  });
  const ended = new Promise<string>((resolve) => {
    child.once('exit', (code, killedBy) => resolve(killedBy ?? `exit ${code}`));
  });
  let sawFolder = false;
  const deadline = Date.now() + 50_000;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
    if (ours(tmp).length > 0) {
      sawFolder = true;
      child.kill(signal);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { tmp, sawFolder, ended: await ended };
}

describe('a build killed mid-way', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`leaves no proofdeck temp folder on ${signal} (a diagram and a C program)`, async () => {
      const { tmp, sawFolder, ended } = await killedRun('build', DECK, signal);
      expect(sawFolder).toBe(true);
      // As before: puppeteer's handlers end it (SIGINT: exit 130), or Node's default if chromium is not up yet.
      expect(ended).not.toBe('exit 0');
      expect(ours(tmp)).toEqual([]);
    });

    it(`leaves no proofdeck temp folder on ${signal} while compiling, and still ends by the signal`, async () => {
      const { tmp, sawFolder, ended } = await killedRun('check', C_ONLY, signal);
      expect(sawFolder).toBe(true);
      expect(ended).toBe(signal);
      expect(ours(tmp)).toEqual([]);
    });
  }
});
