import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../../src/cache/scratch.ts';
import { tempDir } from '../helpers.ts';

const saved = process.env.TMPDIR;
afterEach(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
});

describe('the scratch folder', () => {
  it('sweeps the folders of processes that no longer run, keeps live ones, and makes its own', () => {
    const tmp = tempDir('scratch-tmp');
    const dead = spawnSync('true').pid;
    const stale = path.join(tmp, `proofdeck-scratch-${dead}-AbC123`);
    mkdirSync(path.join(stale, 'job-x1y2z3'), { recursive: true });
    writeFileSync(path.join(stale, 'job-x1y2z3', 'main.c'), 'int main(void) { return 0; }\n');
    const live = path.join(tmp, `proofdeck-scratch-${process.ppid}-DeF456`);
    mkdirSync(live);
    process.env.TMPDIR = tmp;
    const dir = scratchDir('job');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    const own = path.dirname(dir);
    expect(path.basename(own)).toMatch(new RegExp(`^proofdeck-scratch-${process.pid}-`));
    expect(path.dirname(own)).toBe(tmp);
    expect(path.basename(dir)).toMatch(/^job-/);
    // Others may pass through (the sandbox's uid reaches its job folder) but not list it.
    expect(statSync(own).mode & 0o777).toBe(0o711);
    // A second folder goes into the same scratch folder.
    expect(path.dirname(scratchDir('fit'))).toBe(own);
    expect(readdirSync(tmp).sort()).toEqual([path.basename(live), path.basename(own)].sort());
  });

  it('follows TMPDIR when it changes, and fails with the path when it does not exist', () => {
    const first = tempDir('scratch-a');
    const second = tempDir('scratch-b');
    process.env.TMPDIR = first;
    expect(path.dirname(path.dirname(scratchDir('job')))).toBe(first);
    process.env.TMPDIR = second;
    expect(path.dirname(path.dirname(scratchDir('job')))).toBe(second);
    const missing = path.join(second, 'missing');
    process.env.TMPDIR = missing;
    expect(() => scratchDir('job')).toThrow(missing);
  });
});
