/** Shared test helpers: temp folders (removed after each test file), temp projects, running the real CLI. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { afterAll } from 'vitest';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
const BIN = path.join(REPO, 'bin', 'proofdeck.js');

const scratch: string[] = [];
// Registered while the importing test file is collected (vitest evaluates this module once per test file), so it
// runs after that file's tests: every folder a test makes is gone when its file is done.
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'test'): string {
  const dir = mkdtempSync(path.join(tmpdir(), `proofdeck-${prefix}-`));
  scratch.push(dir);
  return dir;
}

/** A fresh project folder with `decks/<name>/deck.md` for each entry. */
export function tempProject(decks: Record<string, string> = {}): string {
  const root = tempDir('test');
  for (const [name, markdown] of Object.entries(decks)) {
    mkdirSync(path.join(root, 'decks', name), { recursive: true });
    writeFileSync(path.join(root, 'decks', name, 'deck.md'), markdown);
  }
  return root;
}

/** Copies a fixture deck folder into a temp project as `decks/<name>`. */
export function projectWithFixture(fixture: string, name = path.basename(fixture)): string {
  const root = tempProject();
  cpSync(fixture, path.join(root, 'decks', name), { recursive: true });
  return root;
}

/** Runs the real CLI in `cwd` with the Node running the tests. */
export function runCli(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A vfile for in-memory markdown. */
export function vfileOf(markdown: string, name = 'deck.md'): VFile {
  return new VFile({ path: name, value: markdown });
}

/** WCAG contrast ratio of two CSS rgb() colours. */
export function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
      const v = c / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
