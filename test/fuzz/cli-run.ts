/**
 * Fuzz inputs through the real CLI: `node test/fuzz/cli-run.ts [--runs 200] [--seed N] [--start I]` runs
 * `proofdeck build --no-pdf` (snippets compiled and run in the sandbox) on each input in a project of its
 * own and counts exit codes; anything but 0/1/2/3 (70 = internal error, a signal) is printed with its input.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FLAGSHIP_FILES, fuzzInputs, inputAt } from './inputs.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20261206' },
    start: { type: 'string', default: '0' },
  },
});
const BIN = fileURLToPath(new URL('../../bin/proofdeck.js', import.meta.url));
const seed = Number(values.seed);
const first = Number(values.start);
const inputs = fuzzInputs();
const codes = new Map<string, number>();
const bad: string[] = [];
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));
const started = performance.now();
let ran = 0;
// One project for every input, so the snippet cache is shared: mutated flagship decks reuse its proofs.
const root = mkdtempSync(path.join(tmpdir(), 'proofdeck-fuzz-cli-'));
const deckDir = path.join(root, 'decks', 'fuzz');
mkdirSync(deckDir, { recursive: true });
for (const file of FLAGSHIP_FILES) cpSync(file, path.join(deckDir, path.basename(file)));
for (let index = first; index < first + Number(values.runs) && !stopping; index++) {
  const input = inputAt(inputs, seed, index);
  rmSync(path.join(deckDir, 'deck.md'), { force: true });
  rmSync(path.join(deckDir, 'deck.qmd'), { force: true });
  writeFileSync(path.join(deckDir, input.fileName === 'deck.qmd' ? 'deck.qmd' : 'deck.md'), input.markdown);
  const result = spawnSync(process.execPath, [BIN, 'build', '--no-pdf'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 600_000,
  });
  ran++;
  const code = result.status === null ? `signal ${result.signal}` : String(result.status);
  codes.set(code, (codes.get(code) ?? 0) + 1);
  if (!['0', '1', '2', '3'].includes(code) || /internal error|\n\s+at /.test(result.stderr)) {
    bad.push(`input ${index}: exit ${code}\n${result.stderr.slice(-2000)}`);
    writeFileSync(path.join(tmpdir(), `proofdeck-fuzz-cli-${seed}-${index}.md`), input.markdown);
  }
  // Let a pending SIGINT/SIGTERM handler run (spawnSync never yields to the event loop).
  await new Promise((resolve) => setImmediate(resolve));
  if (ran % 10 === 0) console.log(`  ${ran} builds: ${JSON.stringify(Object.fromEntries(codes))}`);
}
rmSync(root, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`CLI builds: ${ran} (seed ${seed}, inputs ${first}..${first + ran - 1}) in ${seconds} s`);
console.log(`exit codes: ${JSON.stringify(Object.fromEntries(codes))}`);
for (const line of bad) console.log(line);
process.exitCode = bad.length > 0 ? 1 : 0;
