/** dist/ is swapped as a whole: kills at any step leave the old or the new output, never a torn one. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanStale, commitStage, generationsDir, openStage, writeToStage } from '../../src/pipeline/stage.ts';
import { REPO, runCli, tempProject } from '../helpers.ts';

const BIN = path.join(REPO, 'bin', 'proofdeck.js');
const deck = (version: string) => `---\ntitle: Talk\n---\n\n## Slide\n\nversion-${version}\n`;

/** Which version every published folder shows; a torn output shows two, or misses a folder. */
function versions(dist: string, folders: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const folder of folders) {
    const file = path.join(dist, folder, 'index.html');
    if (!existsSync(file)) {
      seen.add(`missing ${folder}`);
      continue;
    }
    seen.add(/version-(\w+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? `unversioned ${folder}`);
  }
  return seen;
}

/** The generation folders of `dist` (its .gitignore aside). */
const generations = (dist: string) => readdirSync(generationsDir(dist)).filter((name) => name !== '.gitignore');

const files = (version: string) => [{ path: 'index.html', content: `<p>version-${version}</p>` }];

describe('atomic dist/', () => {
  it.each(['filled', 'linked', 'swapped'] as const)(
    'a kill after the commit step "%s" leaves a whole dist/',
    (step) => {
      const root = tempProject();
      const dist = path.join(root, 'dist');
      const first = openStage(dist);
      for (const folder of ['a', 'b', 'site']) writeToStage(first, folder, files('old'));
      commitStage(first, ['a', 'b', 'site']);
      const second = openStage(dist);
      for (const folder of ['a', 'b', 'site']) writeToStage(second, folder, files('new'));
      // The hook throws where a SIGKILL would stop the process: no later step, no cleanup.
      expect(() =>
        commitStage(second, ['a', 'b', 'site'], {
          afterStep: (at) => {
            if (at === step) throw new Error('killed');
          },
        }),
      ).toThrow('killed');
      expect(versions(dist, ['a', 'b', 'site'])).toEqual(new Set([step === 'swapped' ? 'new' : 'old']));
      // The next start removes what the killed build left.
      cleanStale(dist);
      expect(generations(dist)).toHaveLength(1);
      expect(readdirSync(root).filter((name) => name.includes('.link-'))).toEqual([]);
    },
  );

  it("publishes readable folders: a generation gets the mode a plain mkdir would, not mkdtemp's 0700", () => {
    const root = tempProject();
    const dist = path.join(root, 'dist');
    const stage = openStage(dist);
    writeToStage(stage, 'a', files('one'));
    commitStage(stage, ['a']);
    const plain = path.join(root, 'plain');
    mkdirSync(plain);
    const mode = (target: string) => statSync(target).mode & 0o777;
    expect(mode(realpathSync(dist))).toBe(mode(plain));
    expect(mode(path.join(dist, 'a'))).toBe(mode(plain));
  });

  it('a partial build keeps the other decks and the site, and old-style leftovers are not published', () => {
    const root = tempProject({ a: deck('one'), b: deck('one') });
    expect(runCli(root, ['build', '--no-pdf']).status).toBe(0);
    writeFileSync(path.join(root, 'decks', 'a', 'deck.md'), deck('two'));
    const result = runCli(root, ['build', '--no-pdf', 'decks/a']);
    expect(result.status).toBe(0);
    const dist = path.join(root, 'dist');
    expect(readdirSync(dist).sort()).toEqual(['a', 'b', 'site']);
    expect(versions(dist, ['a'])).toEqual(new Set(['two']));
    expect(versions(dist, ['b'])).toEqual(new Set(['one']));
    expect(generations(dist)).toHaveLength(1);
  });

  it('replaces an old-style dist/ folder and drops its .staging-*/.old-* leftovers', () => {
    const root = tempProject({ a: deck('one') });
    mkdirSync(path.join(root, 'dist', '.staging-123'), { recursive: true });
    mkdirSync(path.join(root, 'dist', 'a.old-456'), { recursive: true });
    expect(runCli(root, ['build', '--no-pdf', '--no-site']).status).toBe(0);
    expect(readdirSync(path.join(root, 'dist'))).toEqual(['a']);
  });

  it('kill -9 at varying moments of real builds never tears dist/', async () => {
    const root = tempProject({ a: deck('v0'), b: deck('v0') });
    expect(runCli(root, ['build', '--no-pdf']).status).toBe(0);
    const dist = path.join(root, 'dist');
    const torn: string[] = [];
    for (let trial = 1; trial <= 12; trial++) {
      for (const name of ['a', 'b']) writeFileSync(path.join(root, 'decks', name, 'deck.md'), deck(`v${trial}`));
      const child = spawn(process.execPath, [BIN, 'build', '--no-pdf'], { cwd: root, stdio: 'ignore' });
      // Listen from the start: a build that finishes before the kill must not leave us waiting.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 250 + trial * 90));
      child.kill('SIGKILL');
      await exited;
      const seen = versions(dist, ['a', 'b', 'site/a', 'site/b']);
      if (seen.size !== 1 || [...seen][0]?.startsWith('missing')) torn.push(`trial ${trial}: ${[...seen].join(', ')}`);
    }
    expect(torn).toEqual([]);
    expect(runCli(root, ['build', '--no-pdf']).status).toBe(0);
    expect(generations(dist)).toHaveLength(1);
  }, 120_000);

  it('disk full while staging: a clear message, exit 3, the previous output kept', () => {
    const root = tempProject({ a: deck('big') });
    const out = path.join(root, 'out');
    mkdirSync(out);
    // A 64 KiB tmpfs in a mount namespace of its own: the build's own files do not fit.
    const script = `mount -t tmpfs -o size=64k tmpfs "${out}" && exec "$0" "$@"`;
    const result = spawnSync(
      'unshare',
      ['-m', 'sh', '-c', script, process.execPath, BIN, 'build', '--no-pdf', '--no-site', '--out', 'out/dist'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(result.stderr).toMatch(/cannot write .*out\/dist: the disk is full \(ENOSPC\)/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.status).toBe(3);
  });

  it('keeps every output generation out of git, and `new` writes a .gitignore that ignores the dist link', () => {
    const git = (cwd: string, ...args: string[]) =>
      spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    // A repository whose .gitignore has the usual `dist/`: it matches the folder, not the link.
    const usual = tempProject({ a: deck('one') });
    writeFileSync(path.join(usual, '.gitignore'), 'node_modules/\ndist/\n');
    git(usual, 'init', '-q');
    expect(runCli(usual, ['build', '--no-pdf']).status).toBe(0);
    expect(git(usual, 'status', '--porcelain', '--untracked-files=all')).toEqual([
      '?? .gitignore',
      '?? decks/a/deck.md',
      '?? dist',
    ]);
    // A project started with `new` gets a .gitignore (an existing one is left alone).
    const fresh = tempProject();
    git(fresh, 'init', '-q');
    const created = runCli(fresh, ['new', 'talk']);
    expect(created.stdout).toContain('created decks/talk/deck.md, .gitignore');
    expect(runCli(fresh, ['build', '--no-pdf']).status).toBe(0);
    expect(git(fresh, 'status', '--porcelain', '--untracked-files=all')).toEqual([
      '?? .gitignore',
      '?? decks/talk/deck.md',
    ]);
    expect(runCli(usual, ['new', 'b']).stdout).not.toContain('.gitignore');
  }, 120_000);
});
