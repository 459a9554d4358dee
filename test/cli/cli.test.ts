import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, projectWithFixture, runCli, tempProject } from '../helpers.ts';

const FLAGSHIP = path.join(REPO, 'decks', 'rust-in-kernel');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('proofdeck CLI', () => {
  it('builds the flagship deck with no findings, byte-identical on a second build', () => {
    const root = projectWithFixture(FLAGSHIP);
    const first = runCli(root, ['build']);
    expect(first.stderr).toContain('no problems');
    expect(first.status).toBe(0);
    const out = path.join(root, 'dist', 'rust-in-kernel');
    const files = listFiles(out);
    expect(files).toContain('index.html');
    const before = new Map(files.map((file) => [file, readFileSync(path.join(out, file))]));
    expect(runCli(root, ['build']).status).toBe(0);
    expect(listFiles(out)).toEqual(files);
    for (const file of files)
      expect(readFileSync(path.join(out, file)).equals(before.get(file) ?? Buffer.alloc(0)), file).toBe(true);
  });

  it('prints compiler-style diagnostics, exits 1, and leaves the previous dist/ untouched', () => {
    const root = tempProject({ talk: '---\ntitle: Talk\n---\n\n## Slide\n\nText.\n' });
    expect(runCli(root, ['build']).status).toBe(0);
    const index = path.join(root, 'dist', 'talk', 'index.html');
    const good = readFileSync(index, 'utf8');
    writeFileSync(
      path.join(root, 'decks', 'talk', 'deck.md'),
      '---\ntitle: Talk\ncolour: red\n---\n\n## Slide\n\n![x](./nope.png)\n',
    );
    const bad = runCli(root, ['build']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'decks/talk/deck.md:3:1: error: unknown frontmatter key "colour" [frontmatter/unknown-key]',
    );
    expect(bad.stderr).toContain('decks/talk/deck.md:8:1: error: file not found: ./nope.png [deck/missing-asset]');
    expect(bad.stderr).toContain('2 errors, 0 warnings in 1 file');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(index, 'utf8')).toBe(good);
    expect(readdirSync(path.join(root, 'dist')).sort()).toEqual(['site', 'talk']);
  });

  it('check reports without writing dist/', () => {
    const root = tempProject({ talk: '---\ntitle: Talk\n---\n\n## Slide\n\nText\n---\n' });
    const result = runCli(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[deck/setext-heading]');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('a compiler that is not installed is a positioned snippet/missing-toolchain error at each snippet, exit 3', () => {
    const deck = '---\ntitle: Talk\n---\n\n## Slide\n\n```c cc=clang\nint x = 1;\n```\n';
    const root = tempProject({ talk: deck });
    const result = runCli(root, ['build', '--no-cache'], { PATH: path.join(root, 'no-tools-here') });
    expect(result.stderr).toContain('decks/talk/deck.md:7:1');
    expect(result.stderr).toContain('clang is not installed, so this snippet was not checked');
    expect(result.stderr).toContain('[snippet/missing-toolchain]');
    expect(result.status).toBe(3);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('exits 2 on usage errors', () => {
    const root = tempProject({ talk: '---\ntitle: Talk\n---\n\n## Slide\n' });
    expect(runCli(root, ['build', '--theme', 'nope']).status).toBe(2);
    expect(runCli(root, ['build', 'decks/missing']).status).toBe(2);
    expect(runCli(root, ['frobnicate']).status).toBe(2);
    expect(runCli(tempProject(), ['build']).stderr).toContain('no decks found');
  });

  it('refuses an invalid dev --port with exit 2 before building anything, without a stack trace', () => {
    const root = tempProject({ talk: '---\ntitle: Talk\n---\n\n## Slide\n' });
    for (const port of ['abc', '0', '70000', '1.5']) {
      const result = runCli(root, ['dev', '--port', port]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('expected a port number from 1 to 65535');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('prints help and version', () => {
    const root = tempProject();
    expect(runCli(root, ['--help']).stdout).toContain('build [options] [paths...]');
    expect(runCli(root, ['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--theme overrides the frontmatter theme and --out picks the folder', () => {
    const root = tempProject({ talk: '---\ntitle: Talk\ntheme: dark\n---\n\n## Slide\n' });
    expect(runCli(root, ['build', '--theme', 'light', '--out', 'site']).status).toBe(0);
    expect(readFileSync(path.join(root, 'site', 'talk', '_proofdeck', 'theme.css'), 'utf8')).toContain(
      'proofdeck light',
    );
  });

  it('new scaffolds a deck that builds with no findings', () => {
    const root = tempProject();
    expect(runCli(root, ['new', 'my-talk']).status).toBe(0);
    const build = runCli(root, ['build']);
    expect(build.stderr).toContain('no problems');
    expect(build.status).toBe(0);
    expect(runCli(root, ['new', 'my-talk']).status).toBe(2);
  });
});
