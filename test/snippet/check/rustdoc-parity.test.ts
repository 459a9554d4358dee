import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOnPath } from '../../../src/exec/sandbox.ts';
import type { SnippetResult } from '../../../src/model/snippet.ts';
import { prove, tempCacheDir } from '../prove.ts';

type Verdict = 'pass' | 'fail' | 'ignored';
const FIXTURES = new URL('../../fixtures/snippets/', import.meta.url).pathname;
const rustdoc = findOnPath('rustdoc');

/** Runs `rustdoc --test` on a markdown file: verdict per opening-fence line. */
function rustdocVerdicts(path: string): Map<number, Verdict> {
  let output: string;
  try {
    output = execFileSync('rustdoc', ['--test', '--edition', '2021', path], {
      encoding: 'utf8',
      env: { ...process.env, RUST_BACKTRACE: '0' },
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const verdicts = new Map<number, Verdict>();
  for (const match of output.matchAll(/\(line (\d+)\)(?: - [^\n]*?)? \.\.\. (ok|FAILED|ignored)$/gm)) {
    verdicts.set(Number(match[1]), match[2] === 'ok' ? 'pass' : match[2] === 'FAILED' ? 'fail' : 'ignored');
  }
  return verdicts;
}

/** `<!-- expect: … -->` annotations, keyed by the fence line that follows each. */
function annotations(markdown: string): Map<number, string> {
  const lines = markdown.split('\n');
  const result = new Map<number, string>();
  lines.forEach((line, index) => {
    const match = /<!-- expect: (.*?) -->/.exec(line);
    if (match) result.set(index + 2, match[1] ?? '');
  });
  return result;
}

function verdictOf(result: SnippetResult | undefined, ignored: boolean): Verdict {
  return ignored ? 'ignored' : result?.ok ? 'pass' : 'fail';
}

async function proofdeckVerdicts(file: string): Promise<Map<number, Verdict>> {
  const markdown = readFileSync(`${FIXTURES}${file}`, 'utf8');
  const { snippets, results } = await prove(markdown, {
    path: `${FIXTURES}${file}`,
    cacheDir: tempCacheDir(),
    noCache: false,
  });
  return new Map(
    snippets.map((snippet, index) => [snippet.line, verdictOf(results[index], snippet.expectation.kind === 'ignore')]),
  );
}

describe('rustdoc parity', () => {
  it('gives the verdict its annotation says on every corpus block', async () => {
    const markdown = readFileSync(`${FIXTURES}rustdoc-corpus.md`, 'utf8');
    const ours = await proofdeckVerdicts('rustdoc-corpus.md');
    expect(ours.size).toBeGreaterThanOrEqual(15);
    expect(Object.fromEntries(ours)).toEqual(
      Object.fromEntries([...annotations(markdown)].map(([line, note]) => [line, note])),
    );
  });

  it.runIf(rustdoc !== undefined)('agrees with `rustdoc --test` on every corpus block', async () => {
    const ours = await proofdeckVerdicts('rustdoc-corpus.md');
    const theirs = rustdocVerdicts(`${FIXTURES}rustdoc-corpus.md`);
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirs));
  });

  it('is stricter than rustdoc exactly where documented', async () => {
    const markdown = readFileSync(`${FIXTURES}rustdoc-divergences.md`, 'utf8');
    const ours = await proofdeckVerdicts('rustdoc-divergences.md');
    const notes = annotations(markdown);
    for (const [line, note] of notes) expect(ours.get(line), note).toBe(/proofdeck=(\w+)/.exec(note)?.[1]);
    const version = rustdoc ? execFileSync('rustdoc', ['--version'], { encoding: 'utf8' }) : '';
    // rustdoc's side is pinned to the version the notes describe; newer ones may close the gap.
    if (version.startsWith('rustdoc 1.95.')) {
      const theirs = rustdocVerdicts(`${FIXTURES}rustdoc-divergences.md`);
      for (const [line, note] of notes) expect(theirs.get(line), note).toBe(/rustdoc=(\w+)/.exec(note)?.[1]);
    }
  });
});
