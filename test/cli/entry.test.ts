import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without declarations: it has to run before TypeScript can.
import { entryPoint } from '../../bin/entry.js';
import { tempDir } from '../helpers.ts';

const choose = entryPoint as (root: string) => string;

function project(): { root: string; bundle: string; source: string } {
  const root = tempDir('entry');
  mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(path.join(root, 'lib'));
  writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), 'export {}\n');
  const stat = statSync(path.join(root, 'src', 'cli', 'main.ts'));
  const manifest = {
    entry: 'proofdeck-ABC123.js',
    inputs: [{ file: 'src/cli/main.ts', mtimeMs: stat.mtimeMs, size: stat.size }],
  };
  writeFileSync(path.join(root, 'lib', 'manifest.json'), JSON.stringify(manifest));
  return {
    root,
    bundle: path.join(root, 'lib', 'proofdeck-ABC123.js'),
    source: path.join(root, 'src', 'cli', 'main.ts'),
  };
}

describe('entryPoint', () => {
  it('runs the bundle while its sources are unchanged', () => {
    const { root, bundle } = project();
    expect(choose(root)).toBe(bundle);
  });

  it('runs the sources once one of them is edited or touched', () => {
    const edited = project();
    writeFileSync(edited.source, 'export const changed = 1;\n');
    expect(choose(edited.root)).toBe(edited.source);

    const touched = project();
    utimesSync(touched.source, new Date(), new Date(Date.now() + 5000));
    expect(choose(touched.root)).toBe(touched.source);
  });

  it('runs the sources without a readable manifest or one that names no entry point', () => {
    const { root, source } = project();
    writeFileSync(path.join(root, 'lib', 'manifest.json'), '{"inputs": [');
    expect(choose(root)).toBe(source);
    writeFileSync(
      path.join(root, 'lib', 'manifest.json'),
      JSON.stringify({ inputs: [{ file: 'src/cli/main.ts', mtimeMs: 0, size: 0 }] }),
    );
    expect(choose(root)).toBe(source);
    expect(choose(tempDir('entry'))).toMatch(/src\/cli\/main\.ts$/);
  });
});

describe('entryPoint in the published package', () => {
  it('runs the compiled JavaScript in out/ when there are no TypeScript sources', () => {
    const root = tempDir('entry');
    mkdirSync(path.join(root, 'out', 'cli'), { recursive: true });
    writeFileSync(path.join(root, 'out', 'cli', 'main.js'), 'export {}\n');
    expect(choose(root)).toBe(path.join(root, 'out', 'cli', 'main.js'));
    // A source checkout with a leftover out/ (from `npm pack`) still runs its sources.
    mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), 'export {}\n');
    expect(choose(root)).toBe(path.join(root, 'src', 'cli', 'main.ts'));
  });
});
