import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToolchainSet, discoverToolchain, MissingToolchainError } from '../../src/exec/toolchains.ts';
import { tempDir } from '../helpers.ts';

describe('toolchain discovery', () => {
  it.each(['gcc', 'clang', 'g++', 'clang++', 'rustc'] as const)('finds %s and its exact version', async (name) => {
    const tool = await discoverToolchain(name);
    expect(tool.version).toMatch(/^\d+\.\d+/);
    expect(tool.versionLine).toContain(tool.version);
    if (name === 'rustc') expect(tool.path).toBe(`${tool.sysroot ?? ''}/bin/rustc`);
  });

  it('throws a MissingToolchainError with the Debian package to install', async () => {
    const error = await discoverToolchain('clang', { pathEnv: '/nonexistent' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingToolchainError);
    expect(error).toMatchObject({ tool: 'clang', message: expect.stringContaining('apt-get install clang') });
  });

  it('discovers each tool once per set', async () => {
    const set = createToolchainSet();
    expect(set.get('gcc')).toBe(set.get('gcc'));
    await set.get('gcc');
  });

  /** A fake gcc: a real ELF program (scripts count as wrappers) that logs each probe and prints a version. */
  function installFakeGcc(bin: string, probes: string, version: string): void {
    const source = path.join(bin, 'fake.c');
    writeFileSync(
      source,
      `#include <stdio.h>\nint main(void) { FILE *f = fopen("${probes}", "a"); if (f) { fputs("probe\\n", f); ` +
        `fclose(f); } printf("gcc (Debian ${version}-1) ${version}\\n"); return 0; }\n`,
    );
    execFileSync('gcc', ['-o', path.join(bin, 'gcc'), source]);
  }

  it('remembers a probed compiler until its binary changes', async () => {
    const dir = tempDir('toolchain');
    const bin = path.join(dir, 'bin');
    const cacheDir = path.join(dir, 'cache');
    const probes = path.join(dir, 'probes');
    mkdirSync(bin);
    const probeCount = () => readFileSync(probes, 'utf8').split('\n').filter(Boolean).length;
    installFakeGcc(bin, probes, '12.2.0');
    expect(await discoverToolchain('gcc', { pathEnv: bin, cacheDir })).toMatchObject({ version: '12.2.0' });
    expect(await discoverToolchain('gcc', { pathEnv: bin, cacheDir })).toMatchObject({ version: '12.2.0' });
    expect(probeCount()).toBe(1);
    installFakeGcc(bin, probes, '13.10.0');
    expect(await discoverToolchain('gcc', { pathEnv: bin, cacheDir })).toMatchObject({
      version: '13.10.0',
    });
    expect(probeCount()).toBe(2);
    await discoverToolchain('gcc', { pathEnv: bin });
    expect(probeCount()).toBe(3);
  });

  it('probes a wrapper script (ccache, distcc, a shell script) on every build', async () => {
    const dir = tempDir('toolchain');
    const probes = path.join(dir, 'probes');
    writeFileSync(path.join(dir, 'gcc'), `#!/bin/sh\necho probe >> ${probes}\nexec gcc "$@"\n`);
    chmodSync(path.join(dir, 'gcc'), 0o755);
    const cacheDir = path.join(dir, 'cache');
    await discoverToolchain('gcc', { pathEnv: dir, cacheDir });
    await discoverToolchain('gcc', { pathEnv: dir, cacheDir });
    expect(readFileSync(probes, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('remembers rustc behind the rustup proxy with the same answer as a fresh probe', async () => {
    const cacheDir = tempDir('toolchain');
    const fresh = await discoverToolchain('rustc');
    expect(await discoverToolchain('rustc', { cacheDir })).toEqual(fresh);
    const [entry] = readdirSync(cacheDir);
    expect(entry).toBeDefined();
    // The next discovery reads the entry (a doctored version shows it), as long as the sysroot's rustc is the one
    // recorded.
    const file = path.join(cacheDir, entry ?? '');
    const remembered = JSON.parse(readFileSync(file, 'utf8')) as { toolchain: { versionLine: string } };
    remembered.toolchain.versionLine = 'rustc 0.0.0-remembered';
    writeFileSync(file, JSON.stringify(remembered));
    expect((await discoverToolchain('rustc', { cacheDir })).versionLine).toBe('rustc 0.0.0-remembered');
  });
});
