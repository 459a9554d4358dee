/**
 * Fail closed: without a working bubblewrap nothing runs (exit 3) unless the user opts in, and then every proof
 * says so.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxUnavailableError } from '../../src/model/errors.ts';
import { probeSandbox } from '../../src/exec/sandbox.ts';
import { checkCFlag, checkRustFlags } from '../../src/snippet/compiler-flags.ts';
import { runCli, tempProject } from '../helpers.ts';
import { prove, tempDir } from '../snippet/prove.ts';

const TWO_SNIPPETS = [
  '---',
  'title: Talk',
  '---',
  '',
  '## Slide',
  '',
  '```c cc=gcc',
  'int x = 1;',
  '```',
  '',
  '```c cc=gcc',
  'int y = 2;',
  '```',
  '',
].join('\n');

/** A folder whose `bwrap` fails its test start, put first on PATH (bubblewrap broken, as on a locked-down host). */
function brokenBwrapPath(): string {
  const bin = tempDir('broken-bwrap');
  writeFileSync(
    path.join(bin, 'bwrap'),
    '#!/bin/sh\necho "bwrap: setting up uid map: Permission denied" >&2\nexit 1\n',
  );
  chmodSync(path.join(bin, 'bwrap'), 0o755);
  return `${bin}:${process.env['PATH'] ?? ''}`;
}

describe('fail closed', () => {
  it('refuses to run snippets when bubblewrap is unusable and the user did not opt in', async () => {
    const sandbox = await probeSandbox({ disableBwrap: true });
    const marker = path.join(tempDir('marker'), 'ran');
    const program = `#include <stdio.h>\nint main(void) { fclose(fopen("${marker}", "w")); return 0; }`;
    await expect(prove(`\`\`\`c run cc=gcc\n${program}\n\`\`\`\n`, { sandbox })).rejects.toBeInstanceOf(
      SandboxUnavailableError,
    );
    expect(existsSync(marker)).toBe(false);
  });

  it('a failing bwrap test start → exit 3 with the install command, nothing written', () => {
    const root = tempProject({ talk: TWO_SNIPPETS });
    const result = runCli(root, ['build', '--no-pdf', '--no-cache'], { PATH: brokenBwrapPath() });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('no sandbox for snippets: bubblewrap cannot create a sandbox here');
    expect(result.stderr).toContain('apt-get install bubblewrap');
    expect(result.stderr).toContain('--unsafe-no-sandbox');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'dist', 'talk'))).toBe(false);
  });

  it('--unsafe-no-sandbox runs them, and the report says so on every proof', () => {
    const root = tempProject({ talk: TWO_SNIPPETS });
    const result = runCli(root, ['check', '--no-cache', '--unsafe-no-sandbox'], { PATH: brokenBwrapPath() });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('deck.md:7:1: warning: compiled and run without bubblewrap');
    expect(result.stderr).toContain('deck.md:11:1: warning: compiled and run without bubblewrap');
    expect(result.stderr.match(/· no sandbox/g)?.length).toBe(2);
  });
});

describe('compiler options from attributes pass an allow-list', () => {
  it('refuses a gcc -wrapper before anything runs', async () => {
    const marker = path.join(tempDir('wrapper'), 'pwned');
    mkdirSync(path.dirname(marker), { recursive: true });
    const { messages, snippets } = await prove(
      `\`\`\`c cc=gcc cflags="-O2 -wrapper /bin/sh,-c,touch${'\\'} ${marker}"\nint x;\n\`\`\`\n`,
    );
    expect(messages[0]).toMatchObject({ ruleId: 'snippet/invalid-attribute', fatal: true, line: 1 });
    expect(messages[0]?.reason).toContain('compiler option `-wrapper` is refused');
    // The refused option never reaches the compiler; the error stops the build.
    expect(snippets[0]?.flags).toEqual(['-O2']);
    expect(existsSync(marker)).toBe(false);
  });

  it.each([
    '-wrapper',
    '-B/tmp/evil',
    '-fplugin=/tmp/x.so',
    '-specs=/tmp/s',
    '--specs=/tmp/s',
    '-MF',
    '-MMD',
    '-save-temps',
    '-o',
    '-o/tmp/x',
    '@/tmp/args',
    '-Wl,-plugin,/tmp/x.so',
    '-fuse-ld=/tmp/ld',
    '-I/etc',
    '-include/etc/passwd',
    '$(id)',
  ])('refuses C flag %s', (flag) => {
    expect(checkCFlag(flag)).toBeDefined();
  });

  it.each([
    '-O2',
    '-O0',
    '-Wall',
    '-Wformat=2',
    '-Werror',
    '-DNDEBUG',
    '-DX=1',
    '-fno-inline',
    '-g',
    '-march=x86-64',
    '-lm',
    '-std=c11',
    '-pthread',
  ])('allows C flag %s', (flag) => {
    expect(checkCFlag(flag)).toBeUndefined();
  });

  it('refuses rustc -C linker=, link-arg and --extern paths outside the project', () => {
    const root = '/work/project';
    expect(checkRustFlags(['-C', 'linker=/tmp/evil'], [root])).toHaveLength(1);
    expect(checkRustFlags(['-Clinker=/tmp/evil'], [root])).toHaveLength(1);
    expect(checkRustFlags(['-C', 'link-arg=-Wl,-plugin'], [root])).toHaveLength(1);
    expect(checkRustFlags(['--extern', 'evil=/tmp/libevil.rlib'], [root])).toHaveLength(1);
    expect(checkRustFlags(['--extern', 'ok=../../../etc/x.rlib'], [root])).toHaveLength(1);
    expect(checkRustFlags(['-L', '/tmp'], [root])).toHaveLength(2);
    expect(checkRustFlags(['@/tmp/args', '-Zunstable-options'], [root])).toHaveLength(2);
    expect(
      checkRustFlags(
        ['-C', 'opt-level=2', '-O', '-W', 'unused', '-Adead_code', '--extern', 'dep=libs/dep.rlib'],
        [root],
      ),
    ).toEqual([]);
  });
});
