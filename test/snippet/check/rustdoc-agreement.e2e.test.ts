/**
 * The agreement test: every fixture under test/fixtures/rustdoc/ (one file per rustdoc or mdBook convention)
 * is run through the real `rustdoc --test` and through proofdeck, and both must reach the verdict the
 * block's `<!-- expect: … -->` comment states, block by block. Chapters of the `book-*` folders get the
 * edition `mdbook test` passes to rustdoc: the book.toml's `[rust] edition`, else none (rustdoc's 2015).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findOnPath } from '../../../src/exec/sandbox.ts';
import { loadDeck } from '../../../src/pipeline/load.ts';
import { verifySnippets } from '../../../src/snippet/check/verify.ts';
import { FIXTURES } from '../../helpers.ts';
import { tempCacheDir } from '../prove.ts';

type Verdict = 'pass' | 'fail' | 'ignored';
const ROOT = path.join(FIXTURES, 'rustdoc');
const run = promisify(execFile);

/** Every fixture markdown file with at least one annotated block, relative to ROOT. */
function fixtureFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('<!-- expect:'))
    .sort();
}

/** `<!-- expect: … -->` annotations, keyed by the fence line that follows each. */
function annotations(file: string): Record<number, string> {
  const result: Record<number, string> = {};
  readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = /<!-- expect: (\w+) -->/.exec(line);
      if (match) result[index + 2] = match[1] ?? '';
    });
  return result;
}

/** The edition `mdbook test` gives rustdoc for a chapter (read here by hand, not with proofdeck's reader). */
function rustdocEdition(file: string): string | undefined {
  const book = /^(book-[^/]+)\//.exec(file)?.[1];
  if (!book) return '2021';
  const toml = readFileSync(path.join(ROOT, book, 'book.toml'), 'utf8');
  return /^\s*edition\s*=\s*"(\d{4})"/m.exec(toml)?.[1];
}

async function rustdocVerdicts(file: string): Promise<Record<number, Verdict>> {
  const edition = rustdocEdition(file);
  const args = ['--test', ...(edition ? ['--edition', edition] : []), path.join(ROOT, file)];
  let output: string;
  try {
    output = (await run('rustdoc', args, { env: { ...process.env, RUST_BACKTRACE: '0' } })).stdout;
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const verdicts: Record<number, Verdict> = {};
  for (const match of output.matchAll(/\(line (\d+)\)(?: - [^\n]*?)? \.\.\. (ok|FAILED|ignored)$/gm))
    verdicts[Number(match[1])] = match[2] === 'ok' ? 'pass' : match[2] === 'FAILED' ? 'fail' : 'ignored';
  return verdicts;
}

async function proofdeckVerdicts(file: string): Promise<Record<number, Verdict>> {
  const loaded = loadDeck({ name: file, path: path.join(ROOT, file) }, { knownThemes: new Set(['dark']), root: ROOT });
  const errors = loaded.file.messages.filter((message) => message.fatal);
  expect(errors.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([]);
  const results = await verifySnippets(loaded.snippets, { root: ROOT, cacheDir: tempCacheDir() });
  const verdicts: Record<number, Verdict> = {};
  loaded.snippets.forEach((snippet, index) => {
    const ok = results[index]?.ok === true;
    verdicts[snippet.line] = snippet.expectation.kind === 'ignore' ? 'ignored' : ok ? 'pass' : 'fail';
  });
  return verdicts;
}

const FILES = fixtureFiles();
const rustdoc = findOnPath('rustdoc');

describe('rustdoc agreement', () => {
  it('covers every convention with its own fixture', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(12);
    for (const book of ['book-2018', 'book-2024', 'book-default'])
      expect(existsSync(path.join(ROOT, book, 'book.toml'))).toBe(true);
  });

  it.each(FILES)('proofdeck gives %s the annotated verdict on every block', async (file) => {
    expect(await proofdeckVerdicts(file)).toEqual(annotations(file));
  });

  it.runIf(rustdoc !== undefined)(
    'rustdoc skips blocks with key=value attributes, which proofdeck proves',
    async () => {
      // stdout=, exit=, id=…: rustdoc 1.95 does not take such a block as a doctest at all (so mdbook test skips it).
      const dir = tempCacheDir();
      const file = path.join(dir, 'claims.md');
      const blocks = ['```rust,exit=3', 'std::process::exit(3);', '```', '', '```rust stdout="hi"', 'println!("hi");'];
      writeFileSync(file, `# Claims\n\n${[...blocks, '```', ''].join('\n')}`);
      const edition = ['--edition', '2021'];
      const output = (await run('rustdoc', ['--test', ...edition, file]).catch((error: { stdout: string }) => error))
        .stdout;
      expect(output).toContain('running 0 tests');
      const loaded = loadDeck({ name: 'claims', path: file }, { knownThemes: new Set(['dark']), root: dir });
      const results = await verifySnippets(loaded.snippets, { root: dir, cacheDir: tempCacheDir() });
      expect(results.map((result) => result.status)).toEqual(['proved', 'proved']);
    },
  );

  it.runIf(rustdoc !== undefined).each(FILES)('rustdoc --test agrees with proofdeck on %s', async (file) => {
    const [theirs, ours] = await Promise.all([rustdocVerdicts(file), proofdeckVerdicts(file)]);
    expect(theirs).toEqual(ours);
  });
});
