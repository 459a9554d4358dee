/** Hostile paths in a deck: nothing outside the project is ever copied into dist/, malformed URLs never crash. */
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideFolders } from '../../src/config/confine.ts';
import { runCli, tempProject } from '../helpers.ts';

const deck = (body: string) => `---\ntitle: Talk\n---\n\n## Slide\n\n${body}\n`;

function distFiles(root: string): string[] {
  const dist = path.join(root, 'dist');
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe('paths a deck names stay inside the project', () => {
  it('refuses [p](../../../../etc/passwd) with a positioned error and copies nothing', () => {
    const root = tempProject({ talk: deck('[p](../../../../etc/passwd) and ![h](../../../../etc/hostname)') });
    const result = runCli(root, ['build', '--no-pdf', '--no-site']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'decks/talk/deck.md:7:1: error: ../../../../etc/passwd lies outside the project [deck/outside-project]',
    );
    expect(result.stderr).toContain('deck.md:7:33: error: ../../../../etc/hostname lies outside the project');
    expect(distFiles(root).some((name) => /passwd|hostname/.test(name))).toBe(false);
  });

  it('follows symlinks: a link inside the deck folder to /etc/hostname is outside', () => {
    const root = tempProject({ talk: deck('![h](./host.txt)') });
    symlinkSync('/etc/hostname', path.join(root, 'decks', 'talk', 'host.txt'));
    const result = runCli(root, ['build', '--no-pdf', '--no-site']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[deck/outside-project]');
    expect(distFiles(root).some((name) => name.startsWith('host'))).toBe(false);
  });

  it('refuses raw HTML src/href that leave the project', () => {
    const root = tempProject({ talk: deck('<img src="../../../../etc/passwd">') });
    const result = runCli(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('deck.md:7:6: error: ../../../../etc/passwd lies outside the project');
  });

  it('refuses a diagram file that is a symlink out of diagrams/', () => {
    const root = tempProject({ talk: deck('::diagram{file="evil.mmd"}') });
    mkdirSync(path.join(root, 'diagrams'));
    symlinkSync('/etc/hostname', path.join(root, 'diagrams', 'evil.mmd'));
    const result = runCli(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('deck.md:7:1: error: diagram file not found: evil.mmd [diagram/missing-file]');
  });

  it('reports a malformed %-escape in a link or image at its position (exit 1, no stack trace)', () => {
    const root = tempProject({ talk: deck('[bad](./a%zz.txt)\n\n![img](./b%E0%A4%A.png)') });
    const result = runCli(root, ['build', '--no-pdf', '--no-site']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('deck.md:7:1: error: malformed %-escape in ./a%zz.txt [deck/malformed-url]');
    expect(result.stderr).toContain('deck.md:9:1: error: malformed %-escape in ./b%E0%A4%A.png');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('isInsideFolders: lexical and real paths must both be inside', () => {
    const root = tempProject();
    symlinkSync('/etc', path.join(root, 'etc-link'));
    expect(isInsideFolders(path.join(root, 'a', 'b.png'), [root])).toBe(true);
    expect(isInsideFolders(path.join(root, '..', 'x.png'), [root])).toBe(false);
    expect(isInsideFolders(path.join(root, 'etc-link', 'passwd'), [root])).toBe(false);
    expect(isInsideFolders('/etc/passwd', [root, '/etc'])).toBe(true);
  });
});
