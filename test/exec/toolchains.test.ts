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
    const error = await discoverToolchain('clang', '/nonexistent').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingToolchainError);
    expect(error).toMatchObject({ tool: 'clang', message: expect.stringContaining('apt-get install clang') });
  });

  it('discovers each tool once per set', async () => {
    const set = createToolchainSet();
    expect(set.get('gcc')).toBe(set.get('gcc'));
    await set.get('gcc');
  });
});
