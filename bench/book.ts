/**
 * A book of many chapters (issue 13, item 7): `proofdeck check <book>` cold (empty caches) and warm, against
 * `rustdoc --test` run once per chapter, in SUMMARY.md order, which is what `mdbook test` does. All three are
 * timed as processes, side by side in each run, on bench/fixtures/book (15 chapters, 120 Rust blocks; written
 * by bench/book-fixture.ts). Goals: cold ≤ 0.5× rustdoc, warm ≤ 0.05× rustdoc. The CLI runs from its bundle
 * (lib/, made here first, as scripts/setup.sh does); the machine's load average is printed with the
 * figures, since compilers and start-up slow down differently on a busy machine.
 *
 *   node bench/book.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readBook } from '../src/pipeline/book.ts';
import { bookFiles } from './book-fixture.ts';
import { formatMs, formatTable, median } from './lib.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs) || 3);
const repo = path.resolve(import.meta.dirname, '..');
const fixture = path.join(import.meta.dirname, 'fixtures', 'book');

// The CLI as users run it: from the bundle scripts/setup.sh makes (start-up is most of a warm check).
timed(process.execPath, [path.join(repo, 'scripts', 'bundle.ts')], repo);

for (const [name, text] of bookFiles())
  if (readFileSync(path.join(fixture, name), 'utf8') !== text)
    throw new Error(`bench/fixtures/book/${name} is stale: run node bench/book-fixture.ts`);

/** Runs a command to completion; its wall time in ms. A non-zero exit is a broken bench, not a slow one. */
function timed(program: string, args: readonly string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(program, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${program} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return ms;
}

const proofdeck = (cwd: string) =>
  timed(process.execPath, [path.join(repo, 'bin', 'proofdeck.js'), 'check', 'book'], cwd);

/** `mdbook test`'s work: one `rustdoc --test` per chapter, one after the other. */
function rustdocPerChapter(cwd: string): number {
  const book = readBook(path.join(cwd, 'book'), cwd);
  const edition = book.edition ?? '2021';
  return book.chapters.reduce(
    (total, chapter) => total + timed('rustdoc', ['--test', '--edition', edition, chapter.path], cwd),
    0,
  );
}

const chapters = readBook(fixture, process.cwd()).chapters;
const blocks = chapters.reduce(
  (count, c) => count + (readFileSync(c.path, 'utf8').match(/^```rust/gm) ?? []).length,
  0,
);
process.stderr.write(`book bench: ${chapters.length} chapters, ${blocks} Rust blocks, ${runs} runs\n`);

const cold: number[] = [];
const warm: number[] = [];
const rustdoc: number[] = [];
for (let run = 0; run < runs; run++) {
  // A fresh copy each run: its node_modules/.cache (snippets, toolchains, parse trees) starts empty.
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-book-'));
  try {
    cpSync(fixture, path.join(scratch, 'book'), { recursive: true });
    cold.push(proofdeck(scratch));
    warm.push(proofdeck(scratch));
    rustdoc.push(rustdocPerChapter(scratch));
    process.stderr.write(`run ${run + 1}: cold ${formatMs(cold.at(-1) ?? 0)}, warm ${formatMs(warm.at(-1) ?? 0)}, `);
    process.stderr.write(`rustdoc per chapter ${formatMs(rustdoc.at(-1) ?? 0)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const reference = median(rustdoc);
const row = (name: string, samples: readonly number[], goal?: number): string[] => {
  const ratio = median(samples) / reference;
  const verdict = goal === undefined ? '' : `≤ ${goal}× ${ratio <= goal ? 'met' : 'MISSED'}`;
  return [name, formatMs(median(samples)), `${ratio.toFixed(3)}×`, verdict];
};
process.stdout.write(
  `\nmedians of ${runs} runs · ${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(1)} · ` +
    `${chapters.length} chapters, ${blocks} Rust blocks\n\n`,
);
process.stdout.write(
  formatTable(
    ['command', ' time', ' vs rustdoc', 'goal'],
    [
      row('rustdoc --test, per chapter (mdbook test)', rustdoc),
      row('proofdeck check book/, cold', cold, 0.5),
      row('proofdeck check book/, warm', warm, 0.05),
    ],
  ),
);
