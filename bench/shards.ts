/**
 * Shard benchmark: `proofdeck check --shard i/n` for n = 1, 2, 4 on the 10× flagship deck and on a
 * generated corpus of 500 distinct snippets (250 C, 250 Rust, in 5 decks). Shards run one after another,
 * each cold (`--no-cache`) with the whole machine, as separate CI jobs would; reported per n: the sum
 * of the shard times (the CI minutes paid) and the largest shard time (the wall time of the matrix).
 *
 *   node bench/shards.ts [--corpus x10|generated|both]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeRepeatedDeck } from './lib.ts';

const ROOT = path.join(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'proofdeck.js');
const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'both' } } });

/** 500 snippets that differ in content, so neither the cache nor deduplication shortens the run. */
function writeGeneratedCorpus(root: string): void {
  for (let deck = 0; deck < 5; deck++) {
    const blocks: string[] = [];
    for (let k = 0; k < 100; k++) {
      const n = deck * 100 + k + 1;
      blocks.push(
        k % 2 === 0
          ? `## C ${n}\n\n\`\`\`c\nint main(void) { volatile int x = ${n}; return x - ${n}; }\n\`\`\`\n`
          : `## Rust ${n}\n\n\`\`\`rust\nfn main() {\n    let v: Vec<u64> = (0..${n}).collect();\n` +
              `    assert_eq!(v.len(), ${n});\n}\n\`\`\`\n`,
      );
    }
    mkdirSync(path.join(root, 'decks', `gen-${deck + 1}`), { recursive: true });
    writeFileSync(
      path.join(root, 'decks', `gen-${deck + 1}`, 'deck.md'),
      `---\ntitle: Generated ${deck + 1}\n---\n\n${blocks.join('\n')}`,
    );
  }
}

function timeShard(root: string, shard: string | undefined): { ms: number; snippets: number } {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [BIN, 'check', '--no-cache', '--reporter', 'json', ...(shard ? ['--shard', shard] : [])],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`check ${shard ?? ''} failed:\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as { snippets?: unknown[] };
  return { ms, snippets: report.snippets?.length ?? 0 };
}

const corpora: { label: string; make: (root: string) => void }[] = [];
if (values.corpus !== 'generated')
  corpora.push({
    label: 'flagship×10',
    make: (root) => writeRepeatedDeck(path.join(ROOT, 'decks', 'rust-in-kernel'), path.join(root, 'decks', 'x10'), 10),
  });
if (values.corpus !== 'x10') corpora.push({ label: 'generated 500', make: writeGeneratedCorpus });

console.log('| corpus | n | shard times (s) | sum (s) | largest (s) | sum / one job |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const corpus of corpora) {
  const root = mkdtempSync(path.join(tmpdir(), 'proofdeck-shards-'));
  try {
    corpus.make(root);
    let single = 0;
    for (const n of [1, 2, 4]) {
      const times = Array.from({ length: n }, (_, i) => timeShard(root, n === 1 ? undefined : `${i + 1}/${n}`));
      const sum = times.reduce((total, t) => total + t.ms, 0);
      if (n === 1) single = sum;
      const largest = Math.max(...times.map((t) => t.ms));
      const shown = times.map((t) => `${(t.ms / 1000).toFixed(1)} (${t.snippets})`).join(', ');
      console.log(
        `| ${corpus.label} | ${n} | ${shown} | ${(sum / 1000).toFixed(1)} | ${(largest / 1000).toFixed(1)} | ` +
          `${(sum / single).toFixed(2)} |`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
