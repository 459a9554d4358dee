/** Hostile snippets against the compile and run limits: memory for the whole tree, tmpfs, time. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type StepLimits } from '../../src/exec/job-dir.ts';
import { probeSandbox, type Sandbox } from '../../src/exec/sandbox.ts';
import { sandboxCommand } from '../../src/exec/sandbox.ts';
import { prove } from '../snippet/prove.ts';

const MiB = 1024 * 1024;
const LIMITS: StepLimits = {
  compile: { ...DEFAULT_LIMITS.compile, wallMs: 20_000, cpuSeconds: 20, memoryBytes: 768 * MiB },
  run: { ...DEFAULT_LIMITS.run, wallMs: 10_000, cpuSeconds: 5, memoryBytes: 512 * MiB },
};

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\`\n`;

describe.each([
  ['bubblewrap', false],
  ['limits only', true],
])('resource limits: %s', (_name, disableBwrap) => {
  let sandbox: Sandbox;
  const options = () => ({ sandbox, limits: LIMITS, allowUnsandboxed: true });

  it('#include "/dev/zero" stops at the compile memory limit in bounded time', async () => {
    sandbox = await probeSandbox({ disableBwrap });
    const started = performance.now();
    const { results, messages } = await prove(fence('c cc=gcc', '#include "/dev/zero"\nint x;'), options());
    expect(performance.now() - started).toBeLessThan(25_000);
    expect(results[0]?.ok).toBe(false);
    expect(messages[0]?.reason).toMatch(/memory|out of memory|virtual memory exhausted|cannot allocate/i);
  }, 40_000);

  it('a rustc macro-expansion bomb stops at a limit', async () => {
    sandbox = await probeSandbox({ disableBwrap });
    const bomb = 'macro_rules! b { ($($t:tt)*) => { b!($($t)* $($t)*); } }\nfn main() { b!(x); }';
    const started = performance.now();
    const { results, messages } = await prove(fence('rust', bomb), options());
    // Measured: rustc stops at RLIMIT_AS ("memory allocation of 268435456 bytes failed") after 9-14 s.
    expect(messages[0]?.reason).toMatch(/memory allocation|memory limit|recursion limit/);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(results[0]?.ok).toBe(false);
  }, 40_000);

  it('12 children of 100 MiB each under ASan exceed the tree cap and are killed', async () => {
    sandbox = await probeSandbox({ disableBwrap });
    const program = [
      '#include <stdlib.h>',
      '#include <string.h>',
      '#include <unistd.h>',
      '#include <sys/wait.h>',
      'int main(void) {',
      '  for (int i = 0; i < 12; i++)',
      '    if (fork() == 0) { char *p = malloc(100 << 20); memset(p, 1, 100 << 20); sleep(8); return 0; }',
      '  while (wait(0) > 0) {}',
      '  return 0;',
      '}',
    ].join('\n');
    const { results, messages } = await prove(fence('c cc=clang asan', program), options());
    expect(results[0]?.runs[0]?.outcome).toBe('timeout');
    expect(messages[0]?.reason).toContain('MiB of memory for the whole process tree (memory limit)');
  }, 40_000);
});

describe('the compile step writes into a size-limited tmpfs, not the host disk', () => {
  it('binds the job dir only at /job and compiles in a --size tmpfs', async () => {
    const sandbox = await probeSandbox();
    expect(sandbox.kind).toBe('bwrap');
    const { argv } = sandboxCommand(sandbox, {
      argv: ['/usr/bin/gcc', 'x.c'],
      hostDir: '/tmp/job',
      phase: 'compile',
      env: {},
      limits: DEFAULT_LIMITS.compile,
    });
    const text = argv.join(' ');
    expect(text).toContain(
      `--bind /tmp/job /job --perms 1777 --size ${DEFAULT_LIMITS.compile.tmpfsBytes} --tmpfs /build`,
    );
    expect(text).not.toContain('/tmp/job /build');
    expect(text).toContain(`--as=${2 * 1024 ** 3}`);
  });

  it('a compile that fills its tmpfs fails instead of filling the disk', async () => {
    const sandbox = await probeSandbox();
    // An 80 MiB program in a 64 MiB tmpfs (the 256 MiB file size limit does not stop it).
    const limits: StepLimits = { ...LIMITS, compile: { ...LIMITS.compile, tmpfsBytes: 64 * MiB } };
    const program =
      'static char a[40 << 20] = {1};\nstatic char b[40 << 20] = {1};\nint main(void) { return a[0] - b[0]; }';
    const { results, messages } = await prove(fence('c cc=gcc run', program), { sandbox, limits });
    expect(results[0]?.ok).toBe(false);
    expect(messages[0]?.reason).toMatch(/No space left on device|ld returned|collect2/);
  }, 40_000);
});
