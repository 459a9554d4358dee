/**
 * The package as a user gets it: `npm pack` this repository, `npm install` the tarball into an empty
 * project, then `npx proofdeck new talk` and `npx proofdeck build` there with the real compilers and
 * chromium; the library API and the remark plugin are imported from the installed package.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from '../helpers.ts';

/** npm and npx run on the Node that runs the tests (24): what a user on a supported Node has. */
const env = {
  ...process.env,
  PATH: [path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
  PUPPETEER_SKIP_DOWNLOAD: '1',
  NO_COLOR: '1',
  CI: 'true',
};

function run(cwd: string, command: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let tarball = '';
let project = '';
let install = { status: -1, stdout: '', stderr: '' };

beforeAll(() => {
  const packDir = mkdtempSync(path.join(tmpdir(), 'proofdeck-pack-'));
  const packed = run(REPO, 'npm', ['pack', '--json', '--pack-destination', packDir]);
  expect(packed.status, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string }[];
  tarball = path.join(packDir, info?.filename ?? '');
  project = mkdtempSync(path.join(tmpdir(), 'proofdeck-user-'));
  writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'my-talks', private: true, type: 'module' }, null, 2)}\n`,
  );
  install = run(project, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, '@types/node@24']);
}, 300_000);

describe('the published package', () => {
  it('holds compiled JavaScript, types and themes, and no tests, fixtures or benchmarks', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toContain('package/out/index.js');
    expect(files).toContain('package/out/index.d.ts');
    expect(files).toContain('package/out/cli/main.js.map');
    expect(files).toContain('package/themes/dark/theme.css');
    expect(
      files.filter((file) => /^package\/(test|bench|scripts|decks)\/|\.ts$/.test(file) && !file.endsWith('.d.ts')),
    ).toEqual([]);
  });

  it('installs without engine warnings on a supported Node', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toContain('EBADENGINE');
  });

  it('scaffolds with `npx proofdeck new` and says how to go on with npx', () => {
    const created = run(project, 'npx', ['proofdeck', 'new', 'talk']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('npx proofdeck build decks/talk');
    expect(existsSync(path.join(project, 'decks', 'talk', 'deck.md'))).toBe(true);
  });

  it('builds the scaffold with the real compilers and chromium: deck, PDFs, site, with built-in themes', () => {
    const built = run(project, 'npx', ['proofdeck', 'build']);
    expect(built.status, built.stderr).toBe(0);
    for (const file of ['talk/index.html', 'talk/talk.pdf', 'talk/talk-handout.pdf', 'site/index.html'])
      expect(existsSync(path.join(project, 'dist', file)), file).toBe(true);
    expect(readFileSync(path.join(project, 'dist', 'talk', 'index.html'), 'utf8')).toContain('reveal');
    const checked = run(project, 'npx', ['proofdeck', 'check', '--reporter', 'json']);
    expect(checked.status, checked.stderr).toBe(0);
    const report = JSON.parse(checked.stdout) as { errors: number; snippets: { ok: boolean }[] };
    expect(report.errors).toBe(0);
    expect(report.snippets.length).toBeGreaterThan(0);
    expect(report.snippets.every((snippet) => snippet.ok)).toBe(true);
  });

  it('serves the deck with `npx proofdeck dev` and stops on Ctrl-C', async () => {
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const dev = spawn('npx', ['proofdeck', 'dev', 'decks/talk', '--port', String(port)], {
      cwd: project,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so the test can do what Ctrl-C in a terminal does: signal the whole group.
      detached: true,
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      dev.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let stderr = '';
    try {
      await new Promise<void>((resolve, reject) => {
        dev.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('serving')) resolve();
        });
        dev.once('exit', () => reject(new Error(stderr)));
      });
      const response = await fetch(`http://127.0.0.1:${port}/talk/index.html`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('reveal');
      process.kill(-(dev.pid ?? 0), 'SIGINT');
      // npm exec ends itself with the signal once its child is gone; the dev server closes and exits 0.
      const outcome = await exited;
      expect(outcome.code === 0 || outcome.signal === 'SIGINT').toBe(true);
      const serving = () =>
        fetch(`http://127.0.0.1:${port}/`).then(
          () => true,
          () => false,
        );
      const deadline = Date.now() + 3000;
      while ((await serving()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await serving()).toBe(false);
    } finally {
      // Never leave a server behind when an assertion failed.
      try {
        process.kill(-(dev.pid ?? 0), 'SIGKILL');
      } catch {
        // The group is gone: nothing left behind.
      }
    }
  });

  it("exports `build` and `check` with types from 'proofdeck'", () => {
    writeFileSync(
      path.join(project, 'use.ts'),
      "import { check, type CheckResult } from 'proofdeck';\n" +
        'const result: CheckResult = await check({ paths: ["decks/talk"] });\n' +
        // Proves the declarations are read: were they unresolved (any), this directive would be unused.
        '// @ts-expect-error paths are strings\n' +
        'export const neverCalled = () => check({ paths: [42] });\n' +
        'console.log(`${result.decks.length} deck, ${result.files[0]?.messages.length} messages`);\n',
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2023',
          lib: ['esnext', 'dom'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['use.ts'],
      }),
    );
    const typed = run(project, process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc')]);
    expect(typed.stdout + typed.stderr).toBe('');
    expect(typed.status).toBe(0);
    const used = run(project, process.execPath, ['use.ts']);
    expect(used.stderr).toBe('');
    expect(used.stdout).toBe('1 deck, 0 messages\n');
  });

  it('gives remark-cli its plugin as `--use proofdeck/remark`', () => {
    cpSync(path.join(FIXTURES, 'remark', 'notes.md'), path.join(project, 'notes.md'));
    const remark = path.join(REPO, 'node_modules', 'remark-cli', 'cli.js');
    const result = run(project, process.execPath, [
      remark,
      'notes.md',
      '--use',
      'proofdeck/remark',
      '--no-stdout',
      '--no-color',
    ]);
    expect(result.stderr).toMatch(/16:16\s+error\s+expected to compile/);
    expect(result.status).toBe(1);
  });

  it('refuses an unsupported Node with the version it needs', () => {
    const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes('node_modules'));
    const systemNode = execFileSync('sh', ['-c', 'command -v node'], {
      env: { PATH: dirs.join(path.delimiter) },
      encoding: 'utf8',
    }).trim();
    const major = Number(execFileSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }));
    expect(major).toBeLessThan(22);
    const bin = path.join(project, 'node_modules', 'proofdeck', 'bin', 'proofdeck.js');
    const result = run(project, systemNode, [bin, '--version']);
    expect(result.stderr).toContain('needs Node.js >= 22.12');
    expect(result.status).toBe(3);
  });
});
