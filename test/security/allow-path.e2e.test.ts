/**
 * Allow-listed folders: `paths.allow` in proofdeck.config.yaml and `--allow-path <dir>` let images,
 * includes and data files come from a folder outside the project, and from nowhere else (symlinks followed).
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.ts';

const DECK = `---
title: Talk
---

## Slide

![logo](../../../shared-assets/logo.png)

\`\`\`c ignore
<<< ../../../shared-assets/lib.c
\`\`\`

:::table{key="name" data="../../../shared-assets/facts.csv"}
| name | value |
| --- | --- |
| A | 1 |
:::
`;

/** `<dir>/talk` (the project) beside `<dir>/shared-assets` (outside it). */
function projectBesideShared(config?: string): string {
  const dir = tempDir('allow');
  const root = path.join(dir, 'talk');
  const shared = path.join(dir, 'shared-assets');
  mkdirSync(path.join(root, 'decks', 'talk'), { recursive: true });
  mkdirSync(shared);
  writeFileSync(path.join(root, 'decks', 'talk', 'deck.md'), DECK);
  writeFileSync(path.join(shared, 'logo.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  writeFileSync(path.join(shared, 'lib.c'), 'int add(int a, int b) { return a + b; }\n');
  writeFileSync(path.join(shared, 'facts.csv'), 'name,value\nA,1\n');
  if (config !== undefined) writeFileSync(path.join(root, 'proofdeck.config.yaml'), config);
  return root;
}

const assets = (root: string) => readdirSync(path.join(root, 'dist', 'talk', 'assets'));

describe('allow-listed folders outside the project', () => {
  it('without an allow-list, image, include and data file are positioned errors', () => {
    const root = projectBesideShared();
    const result = runCli(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/deck\.md:7:1: error: .*outside the project \[deck\/outside-project\]/);
    expect(result.stderr).toContain('[snippet/include-outside-root]');
    expect(result.stderr).toMatch(/facts\.csv" is outside the deck's folder/);
  });

  it('paths.allow in the config lets all three resolve; the image is copied into dist/', () => {
    const root = projectBesideShared('paths:\n  allow: [../shared-assets]\n');
    const result = runCli(root, ['build', '--no-pdf', '--no-site']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
    expect(assets(root).some((name) => /^logo\.[0-9a-f]+\.png$/.test(name))).toBe(true);
  });

  it('--allow-path does the same from the command line', () => {
    const root = projectBesideShared();
    const result = runCli(root, ['build', '--no-pdf', '--no-site', '--allow-path', '../shared-assets']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
  });

  it('a symlink in the allowed folder that points elsewhere is still outside', () => {
    const root = projectBesideShared('paths:\n  allow: [../shared-assets]\n');
    symlinkSync('/etc/hostname', path.join(root, '..', 'shared-assets', 'host.png'));
    writeFileSync(path.join(root, 'decks', 'talk', 'deck.md'), DECK.replace('logo.png', 'host.png'));
    const result = runCli(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[deck/outside-project]');
  });

  it('a missing allowed folder is a config error or a usage error', () => {
    const root = projectBesideShared('paths:\n  allow: [../nowhere]\n');
    const config = runCli(root, ['check']);
    expect(config.status).toBe(1);
    expect(config.stderr).toMatch(/proofdeck\.config\.yaml:2:\d+: error: paths\.allow: no folder "\.\.\/nowhere"/);
    const flag = runCli(projectBesideShared(), ['check', '--allow-path', '../nowhere']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--allow-path: no folder "../nowhere"');
  });
});
