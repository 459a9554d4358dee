import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type StepLimits } from '../../src/exec/job-dir.ts';
import { probeSandbox, type Sandbox } from '../../src/exec/sandbox.ts';
import { prove } from '../snippet/prove.ts';
import { tempDir } from '../helpers.ts';

// A uid of its own, so that "nothing left running" is not confused by other test files' sandboxes.
const UID = 64_999;
const LIMITS: StepLimits = {
  compile: DEFAULT_LIMITS.compile,
  run: { ...DEFAULT_LIMITS.run, wallMs: 3000, cpuSeconds: 1, fileSizeBytes: 16 << 20, tmpfsBytes: 128 << 20 },
};
const isRoot = process.getuid?.() === 0;

function survivors(): string[] {
  try {
    return execFileSync('pgrep', ['-u', String(UID), '-a'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

async function nothingLeftRunning(): Promise<string[]> {
  // Killed sandboxes may leave short-lived zombies; give the kernel a moment to reap them.
  for (let i = 0; i < 50 && survivors().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return survivors();
}

const block = (program: string, info = 'c run cc=gcc'): string => `\`\`\`${info}\n${program}\n\`\`\`\n`;

describe.each([
  ['bubblewrap', false],
  ['limits only (no bubblewrap)', true],
])('sandbox: %s', (_name, disableBwrap) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await probeSandbox({ uid: UID, disableBwrap });
    if (!disableBwrap) expect(sandbox.kind).toBe('bwrap');
  });
  afterAll(async () => {
    if (isRoot) expect(await nothingLeftRunning()).toEqual([]);
  });

  it('stops an infinite loop at the CPU limit and reports it', async () => {
    const started = performance.now();
    const { results, messages } = await prove(block('int main(void) { for (;;) {} }'), {
      sandbox,
      limits: LIMITS,
      allowUnsandboxed: true,
    });
    expect(performance.now() - started).toBeLessThan(8000);
    expect(results[0]?.runs[0]?.outcome).toBe('timeout');
    expect(messages[0]).toMatchObject({ ruleId: 'snippet/timeout', fatal: true, line: 1 });
    expect(messages[0]?.reason).toMatch(/CPU limit|wall-clock limit/);
    // Without bubblewrap: one warning says so, and the run carries the flag.
    expect(messages.slice(1)).toMatchObject(disableBwrap ? [{ ruleId: 'snippet/sandbox-degraded', fatal: false }] : []);
    expect(results[0]?.runs[0]?.sandboxDegraded === true).toBe(disableBwrap);
  });

  it.runIf(isRoot)('stops a fork bomb (process limit + group kill) and leaves nothing running', async () => {
    const limits = { ...LIMITS, run: { ...LIMITS.run, wallMs: 1500 } };
    const { results, messages } = await prove(block('#include <unistd.h>\nint main(void) { for (;;) fork(); }'), {
      sandbox,
      limits,
      allowUnsandboxed: true,
    });
    expect(results[0]?.runs[0]?.outcome).toBe('timeout');
    expect(messages[0]?.ruleId).toBe('snippet/timeout');
    expect(await nothingLeftRunning()).toEqual([]);
  });

  it('stops a 1 GB write at the file size limit', async () => {
    const program =
      '#include <stdio.h>\n#include <string.h>\nint main(void) {\n  static char mb[1 << 20];\n  memset(mb, 1, ' +
      'sizeof mb);\n  FILE *f = fopen("big.bin", "w");\n  for (int i = 0; i < 1024; i++) fwrite(mb, 1, sizeof ' +
      'mb, f);\n  return fclose(f) == 0 ? 0 : 1;\n}';
    const { results, messages } = await prove(block(program), { sandbox, limits: LIMITS, allowUnsandboxed: true });
    expect(results[0]?.ok).toBe(false);
    expect(messages[0]?.reason).toMatch(/file size limit/);
  });

  it.runIf(!disableBwrap)('blocks network access', async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const program =
      `#include <arpa/inet.h>\n#include <netinet/in.h>\n#include <stdio.h>\n#include ` +
      `<sys/socket.h>\nint main(void) {\n  int s = socket(AF_INET, SOCK_STREAM, 0);\n  struct sockaddr_in a = ` +
      `{0};\n  a.sin_family = AF_INET;\n  a.sin_port = htons(${port});\n  a.sin_addr.s_addr = ` +
      `htonl(INADDR_LOOPBACK);\n  if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) { perror("connect"); ` +
      `return 1; }\n  return 0;\n}`;
    const { results, messages } = await prove(block(program), { sandbox, limits: LIMITS, allowUnsandboxed: true });
    server.close();
    expect(connections).toBe(0);
    expect(results[0]?.runs[0]?.exitCode).toBe(1);
    expect(messages[0]).toMatchObject({ ruleId: 'snippet/wrong-exit' });
    expect(messages[0]?.reason).toContain('connect:');
  });

  it('caps captured output and removes its private job dirs', async () => {
    const jobs = tempDir('jobs');
    const previous = process.env['TMPDIR'];
    process.env['TMPDIR'] = jobs;
    try {
      const { results } = await prove(
        block(
          '#include <stdio.h>\nint main(void) { for (int i = 0; i < 100000; i++) puts("0123456789abcdef"); return 0; }',
        ),
        { sandbox, limits: LIMITS, allowUnsandboxed: true },
      );
      const stdout = results[0]?.runs[0]?.stdout ?? '';
      expect(stdout.length).toBeLessThanOrEqual(65536 + 20);
      expect(stdout.endsWith('[output truncated]')).toBe(true);
      // This process's scratch folder (cache/scratch.ts) lives until exit; the job folders inside it are gone.
      const left = readdirSync(jobs).flatMap((name) =>
        name.startsWith('proofdeck-scratch-') ? readdirSync(join(jobs, name)) : [name],
      );
      expect(left).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = previous;
      rmSync(jobs, { recursive: true, force: true });
    }
  });

  it.runIf(!disableBwrap || isRoot)('cannot write outside its temp dir', async () => {
    const outside = tempDir('outside');
    const targets = [join(outside, 'escaped.txt'), join(process.cwd(), 'escaped-by-snippet.txt')];
    const writes = targets.map(
      (t) => `  { FILE *f = fopen("${t}", "w"); if (f) { fputs("x", f); fclose(f); wrote++; } }`,
    );
    const program = `#include <stdio.h>\nint main(void) {\n  int wrote = 0;\n${writes.join('\n')}\n  return wrote;\n}`;
    const { results } = await prove(block(program), { sandbox, limits: LIMITS, allowUnsandboxed: true });
    expect(results[0]?.runs[0]?.exitCode).toBe(0);
    for (const target of targets) expect(existsSync(target)).toBe(false);
    rmSync(outside, { recursive: true, force: true });
  });
});
