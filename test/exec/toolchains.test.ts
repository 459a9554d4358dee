import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToolchainSet, discoverToolchain, MissingToolchainError } from '../../src/exec/toolchains.ts';

describe('toolchain discovery', () => {
  it.each(['gcc', 'clang', 'g++', 'clang++', 'rustc'] as const)('finds %s and its exact version', async (name) => {
    const tool = await discoverToolchain(name);
    expect(tool.version).toMatch(/^\d+\.\d+/);
    expect(tool.versionLine).toContain(tool.version);
    expect(tool.short).toBe(tool.version.split('.').slice(0, 2).join('.'));
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

  it('remembers a probed compiler until its binary changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'proofdeck-toolchain-'));
    const bin = path.join(dir, 'bin');
    const cacheDir = path.join(dir, 'cache');
    const probes = path.join(dir, 'probes');
    mkdirSync(bin);
    const install = (version: string) => {
      writeFileSync(path.join(bin, 'gcc'), `#!/bin/sh\necho probe >> ${probes}\necho "gcc (Debian ${version}-1) ${version}"\n`);
      chmodSync(path.join(bin, 'gcc'), 0o755);
    };
    const probeCount = () => readFileSync(probes, 'utf8').split('\n').filter(Boolean).length;
    install('12.2.0');
    expect(await discoverToolchain('gcc', { pathEnv: bin, cacheDir })).toMatchObject({ version: '12.2.0' });
    expect(await discoverToolchain('gcc', { pathEnv: bin, cacheDir })).toMatchObject({ version: '12.2.0' });
    expect(probeCount()).toBe(1);
    install('13.10.0');
    expect(await discoverToolchain('gcc', { pathEnv: bin, cacheDir })).toMatchObject({ version: '13.10.0', short: '13.10' });
    expect(probeCount()).toBe(2);
    await discoverToolchain('gcc', { pathEnv: bin });
    expect(probeCount()).toBe(3);
  });

  it('remembers rustc behind the rustup proxy with the same answer as a fresh probe', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'proofdeck-toolchain-'));
    const fresh = await discoverToolchain('rustc');
    await discoverToolchain('rustc', { cacheDir });
    expect(await discoverToolchain('rustc', { cacheDir })).toEqual(fresh);
  });
});
