/**
 * The Node-version wrapper: `bin/proofdeck.js` started by a Node too old for the sources re-runs itself
 * under node_modules' Node 24. Signals sent to the wrapper must reach the real process, and the wrapper
 * must end the way the real process ended.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempProject } from '../helpers.ts';

const BIN = path.join(REPO, 'bin', 'proofdeck.js');

/** The first `node` on PATH outside any node_modules/.bin: the machine's own Node (v20 on Debian here). */
function systemNode(): string {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes('node_modules'));
  return execFileSync('sh', ['-c', 'command -v node'], {
    env: { PATH: dirs.join(path.delimiter) },
    encoding: 'utf8',
  }).trim();
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Resolves once `text` appeared on the child's stderr. */
function waitFor(child: ChildProcess, text: string): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    child.once('exit', () => reject(new Error(`exited before printing ${JSON.stringify(text)}:\n${seen}`)));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const olderNode = systemNode();
const olderMajor = Number(execFileSync(olderNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }));

describe('bin/proofdeck.js under an older Node', () => {
  it('runs on a system Node that cannot strip types (the premise of the tests below)', () => {
    expect(olderMajor).toBeLessThan(22);
  });

  it('exits with the real process exit code', () => {
    const root = tempProject();
    let status = 0;
    try {
      execFileSync(olderNode, [BIN, 'build', 'decks/missing'], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`passes ${signal} on to the real dev server: it stops and frees its port`, async () => {
      const root = tempProject({ talk: '---\ntitle: Signals\n---\n\n## One\n\nText.\n' });
      const port = 40_000 + Math.floor(Math.random() * 20_000);
      const wrapper = spawn(olderNode, [BIN, 'dev', '--port', String(port)], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      const end = exited(wrapper);
      await waitFor(wrapper, 'serving');
      expect(await portIsFree(port)).toBe(false);
      wrapper.kill(signal);
      const outcome = await end;
      // The wrapper ends like the real process: dev closes on SIGINT (exit 0); SIGTERM kills it.
      expect(outcome.code === 0 || outcome.signal === signal).toBe(true);
      const deadline = Date.now() + 3000;
      while (!(await portIsFree(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await portIsFree(port)).toBe(true);
    });
  }

  it('forwards a signal the real process handles, and exits with the code it then chose', async () => {
    const root = tempProject();
    const script = path.join(root, 'child.mjs');
    writeFileSync(
      script,
      "process.on('SIGTERM', () => process.exit(7));\nprocess.stderr.write('ready\\n');\n" +
        'setInterval(() => {}, 1000);\n',
    );
    const runner = path.join(root, 'runner.mjs');
    writeFileSync(
      runner,
      `import { rerun, exitLike } from ${JSON.stringify(path.join(REPO, 'bin', 'rerun.js'))};\n` +
        `exitLike(await rerun(${JSON.stringify(process.execPath)}, [${JSON.stringify(script)}]));\n`,
    );
    const wrapper = spawn(olderNode, [runner], { stdio: ['ignore', 'ignore', 'pipe'] });
    const end = exited(wrapper);
    await waitFor(wrapper, 'ready');
    wrapper.kill('SIGTERM');
    expect(await end).toEqual({ code: 7, signal: null });
  });
});
