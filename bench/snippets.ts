/**
 * Snippet benchmark: proofdeck cold (empty cache), proofdeck warm (cached) and `rustdoc --test` on the
 * same 40-snippet Rust file, plus proofdeck on the C/Rust seed-bug snippets; medians of several runs.
 *
 *   node bench/snippets.ts [--runs 5] [--rust bench/fixtures/rust-40.md] [--deck file.md ...]
 *
 * proofdeck is timed in-process (extract + verify, toolchain discovery included, module loading
 * excluded); rustdoc is timed as a process. Goals: cold ≤ 0.7× rustdoc, warm ≤ 0.05× rustdoc.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { parseMarkdown } from '../src/parse/parser.ts';
import { extractSnippets } from '../src/snippet/extract.ts';
import { verifySnippets } from '../src/snippet/check/verify.ts';
import { median } from './lib.ts';

const here = dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rust: { type: 'string', default: join(here, 'fixtures', 'rust-40.md') },
    deck: {
      type: 'string',
      multiple: true,
      default: [
        join(here, '..', 'test', 'fixtures', 'snippets', 'seed-c.md'),
        join(here, '..', 'test', 'fixtures', 'snippets', 'rust-counterparts.md'),
      ],
    },
  },
});
const runs = Math.max(1, Number(values.runs));

async function proofdeck(path: string, cacheDir: string): Promise<{ ms: number; ok: number; total: number }> {
  const started = performance.now();
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  const tree = parseMarkdown(file);
  const snippets = extractSnippets(tree, file, { root: resolve(here, '..') });
  const results = await verifySnippets(snippets, { cacheDir });
  return { ms: performance.now() - started, ok: results.filter((r) => r.ok).length, total: results.length };
}

function rustdoc(path: string): number {
  const started = performance.now();
  try {
    execFileSync('rustdoc', ['--test', '--edition', '2021', path], {
      stdio: 'pipe',
      env: { ...process.env, RUST_BACKTRACE: '0' },
    });
  } catch {
    // A failing doctest still counts: we time the run, not the verdict.
  }
  return performance.now() - started;
}

async function measure(
  path: string,
  withRustdoc: boolean,
): Promise<{ cold: number; warm: number; rustdoc?: number; ok: string }> {
  const cold: number[] = [];
  const warm: number[] = [];
  const reference: number[] = [];
  let ok = '';
  for (let i = 0; i < runs; i++) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'proofdeck-bench-'));
    const first = await proofdeck(path, cacheDir);
    cold.push(first.ms);
    warm.push((await proofdeck(path, cacheDir)).ms);
    ok = `${first.ok}/${first.total} ok`;
    rmSync(cacheDir, { recursive: true, force: true });
    if (withRustdoc) reference.push(rustdoc(path));
  }
  return { cold: median(cold), warm: median(warm), ...(withRustdoc ? { rustdoc: median(reference) } : {}), ok };
}

const fmt = (ms: number): string => `${ms.toFixed(0).padStart(6)} ms`;

console.log(`proofdeck snippet bench · ${runs} runs each, medians · ${availableParallelism()} cores`);
const rust = await measure(values.rust, true);
const reference = rust.rustdoc ?? Number.NaN;
console.log(`\n${values.rust} (${rust.ok})`);
console.log(`  rustdoc --test     ${fmt(reference)}`);
console.log(
  `  proofdeck cold     ${fmt(rust.cold)}   ${(rust.cold / reference).toFixed(2)}× rustdoc   goal ≤ 0.70× ` +
    `${rust.cold / reference <= 0.7 ? 'met' : 'MISSED'}`,
);
console.log(
  `  proofdeck warm     ${fmt(rust.warm)}   ${(rust.warm / reference).toFixed(3)}× rustdoc  goal ≤ 0.05× ` +
    `${rust.warm / reference <= 0.05 ? 'met' : 'MISSED'}`,
);
for (const deck of values.deck) {
  const result = await measure(deck, false);
  console.log(`\n${deck} (${result.ok})`);
  console.log(`  proofdeck cold     ${fmt(result.cold)}`);
  console.log(`  proofdeck warm     ${fmt(result.warm)}`);
}
