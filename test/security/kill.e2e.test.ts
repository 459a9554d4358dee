/** kill -9 of a build never leaves chromium behind (parent-death signal), and never tears dist/. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempProject } from '../helpers.ts';

const BIN = path.join(REPO, 'bin', 'proofdeck.js');
const TRIALS = Number(process.env['PROOFDECK_KILL_TRIALS'] ?? 20);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pids of processes whose environment carries `marker` (every process the trial started inherits it). */
export function markedProcesses(marker: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').includes(marker)) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').slice(0, 2).join(' ');
      const state = readFileSync(`/proc/${entry}/stat`, 'latin1').split(') ')[1]?.[0];
      if (state !== 'Z') found.push({ pid: Number(entry), command });
    } catch {
      // Exited meanwhile, or not ours to read.
    }
  }
  return found;
}

const DECK = '---\ntitle: Talk\n---\n\n## Slide\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n## Two\n\nText.\n';

describe('kill -9 of a build', () => {
  it(`leaves no chromium after ${TRIALS} trials`, async () => {
    const root = tempProject({ talk: DECK });
    const leaked: string[] = [];
    let sawChromium = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const marker = `PROOFDECK_KILL_TRIAL=${process.pid}-${trial}-${Date.now()}`;
      const [key = '', value = ''] = marker.split('=');
      const child = spawn(process.execPath, [BIN, 'build', '--no-cache'], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1', [key]: value },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Wait for chromium, then kill at a varying moment of its life (launch, diagram, PDF).
      const started = performance.now();
      while (performance.now() - started < 15_000) {
        if (markedProcesses(marker).some((p) => /chrom/.test(p.command))) break;
        await sleep(50);
      }
      if (markedProcesses(marker).some((p) => /chrom/.test(p.command))) sawChromium++;
      await sleep((trial % 5) * 150);
      child.kill('SIGKILL');
      await exited;
      let left = markedProcesses(marker);
      for (let i = 0; i < 40 && left.length > 0; i++) {
        await sleep(100);
        left = markedProcesses(marker);
      }
      leaked.push(...left.map((p) => `trial ${trial}: ${p.pid} ${p.command}`));
      // Never leave a leak running, even when the test fails.
      for (const p of left) process.kill(p.pid, 'SIGKILL');
    }
    expect(sawChromium).toBeGreaterThanOrEqual(Math.ceil(TRIALS * 0.8));
    expect(leaked).toEqual([]);
  }, 300_000);
});
