/**
 * The fuzz campaign: `node test/fuzz/campaign.ts [--runs 10000] [--seed N] [--budget 5000] [--out DIR]
 * [--index I | --start I]`. Every input (generated or mutated deck, see inputs.ts) goes through the build's parse,
 * check and render-to-HTML path in a worker thread; an input that throws is a crash (what the CLI turns
 * into exit 70), one that takes longer than the budget is timed again at the end (its worker is terminated)
 * and is a hang when it is still over budget and over 20× the flagship deck's time then. Crashing and
 * hanging inputs are written to DIR as `<kind>-<seed>-<index>.md`; `--seed N --index I` reruns one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { FLAGSHIP, fuzzInputs, inputAt, type FuzzInput } from './inputs.ts';

type Result = { ok: true; outcome: { errors: number; htmlBytes: number } } | { ok: false; error: string } | 'hang';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    budget: { type: 'string', default: '5000' },
    out: { type: 'string', default: path.join(tmpdir(), 'proofdeck-fuzz-findings') },
    index: { type: 'string' },
    start: { type: 'string', default: '0' },
  },
});
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const runs = Number(values.runs);
const budget = Number(values.budget);
const first = Number(values.index ?? values.start);
const last = values.index === undefined ? runs : first + 1;
console.log(`fuzz campaign: seed ${seed}, inputs ${first}..${last - 1}, budget ${budget} ms`);

const root = mkdtempSync(path.join(tmpdir(), 'proofdeck-fuzz-'));
let worker: Worker | undefined;

async function startWorker(): Promise<Worker> {
  const started = new Worker(new URL('./worker.ts', import.meta.url), { workerData: root });
  await new Promise<void>((resolve, reject) => {
    started.once('message', () => resolve());
    started.once('error', reject);
  });
  return started;
}

/** Starts the worker (if the last one was terminated) and warms it up, outside any input's budget. */
async function readyWorker(): Promise<Worker> {
  if (worker) return worker;
  worker = await startWorker();
  const warm = worker;
  await new Promise((resolve) => {
    warm.once('message', resolve);
    warm.postMessage({ markdown: '# Warm\n\n```c\nint x;\n```\n', fileName: 'deck.md' });
  });
  return warm;
}

async function runInput(input: FuzzInput, limit = budget): Promise<Result> {
  const current = await readyWorker();
  return new Promise<Result>((resolve) => {
    const timer = setTimeout(() => {
      current.removeAllListeners('message');
      void current.terminate();
      worker = undefined;
      resolve('hang');
    }, limit);
    current.once('message', (result: Result) => {
      clearTimeout(timer);
      resolve(result);
    });
    current.postMessage(input);
  });
}

const inputs = fuzzInputs();
const crashes = new Map<string, number[]>();
const suspects: number[] = [];
const hangs: number[] = [];
let rendered = 0;
let withErrors = 0;
let slowest = { ms: 0, index: -1 };
const started = performance.now();
// Ctrl-C or a kill ends the campaign after the current input, with the summary of what ran.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));
let ran = 0;
mkdirSync(values.out, { recursive: true });
for (let index = first; index < last && !stopping; index++) {
  ran++;
  const input = inputAt(inputs, seed, index);
  await readyWorker();
  const begin = performance.now();
  const result = await runInput(input);
  const ms = performance.now() - begin;
  if (ms > slowest.ms && result !== 'hang') slowest = { ms, index };
  if (result === 'hang') {
    suspects.push(index);
    console.log(`  input ${index} over budget (timed again at the end)`);
  } else if (!result.ok) {
    writeFileSync(path.join(values.out, `crash-${seed}-${index}${path.extname(input.fileName)}`), input.markdown);
    // One class per top stack frame inside src/ (the message varies with the input).
    const frame = result.error.split('\n').find((line) => line.includes('/src/')) ?? result.error.split('\n')[0];
    const key = `${result.error.split('\n')[0]?.slice(0, 120)} @ ${frame?.trim()}`;
    crashes.set(key, [...(crashes.get(key) ?? []), index]);
  } else if (result.outcome.errors > 0) withErrors++;
  else if (result.outcome.htmlBytes > 0) rendered++;
  if ((index - first + 1) % 250 === 0)
    console.log(`  ${index - first + 1} inputs, ${crashes.size} crash classes, ${suspects.length} over budget`);
}
// An input over budget on a busy machine may only be slow: each is timed again beside the flagship deck,
// and is a hang only when it takes over the budget and 20 times the flagship's time (a cap of 10 minutes).
const flagship = { markdown: readFileSync(FLAGSHIP, 'utf8'), fileName: 'deck.md' };
for (const index of suspects) {
  const input = inputAt(inputs, seed, index);
  await readyWorker();
  const base = performance.now();
  await runInput(flagship, 600_000);
  const limit = Math.max(budget, 20 * (performance.now() - base));
  await readyWorker();
  const begin = performance.now();
  const again = await runInput(input, limit);
  const ms = performance.now() - begin;
  console.log(
    `  over budget: input ${index} ${again === 'hang' ? `still over ${limit.toFixed(0)} ms` : `${ms.toFixed(0)} ms`}`,
  );
  if (again !== 'hang') continue;
  hangs.push(index);
  writeFileSync(path.join(values.out, `hang-${seed}-${index}${path.extname(input.fileName)}`), input.markdown);
}
await worker?.terminate();
rmSync(root, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `inputs ${ran} (${first}..${first + ran - 1}), rendered ${rendered}, with errors ${withErrors}, wall ${seconds} s`,
);
console.log(`slowest input ${slowest.index}: ${slowest.ms.toFixed(0)} ms`);
const listed = hangs.length > 0 ? ` (indexes ${hangs.slice(0, 20).join(', ')})` : '';
console.log(`over budget (${budget} ms): ${suspects.length}, hangs: ${hangs.length}${listed}`);
console.log(`crash classes: ${crashes.size}`);
for (const [key, indexes] of crashes)
  console.log(`  ${indexes.length}× ${key}\n     e.g. --seed ${seed} --index ${indexes[0]}`);
if (crashes.size + hangs.length > 0) console.log(`inputs written to ${values.out}`);
process.exitCode = crashes.size + hangs.length > 0 ? 1 : 0;
