/**
 * Mermaid benchmark (issue 5, item 8): proofdeck's build-time diagrams, cold and warm (cached), against
 * mermaid-cli (`mmdc`, pointed at Debian chromium through a puppeteer config) run once per diagram and
 * once over the markdown file, for decks of 1 and 20 diagrams (timelines, flowcharts and sequence
 * diagrams, each distinct).
 * Goals: 20 diagrams cold ≥ 5× faster than 20 mmdc runs; warm under 50 ms of diagram work.
 *
 *   node bench/mermaid.ts [--runs N]
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { findChromium } from '../src/browser/browser.ts';
import { createBrowserSession } from '../src/browser/session.ts';
import { loadDeck } from '../src/pipeline/load.ts';
import { discoverThemes } from '../src/config/themes.ts';
import { renderDiagrams } from '../src/diagram/render.ts';
import type { Diagram } from '../src/model/diagram.ts';
import {
  chromiumVersion,
  PEER_CHROMIUM_ARGS,
  freshFolders,
  ensureBenchPackages,
  ensureDebianPackages,
  formatKiB,
  formatMs,
  formatTable,
  measure,
  median,
  run,
  type Command,
  type Sample,
} from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, 'bench');
const CLI = path.join(ROOT, 'bin', 'proofdeck.js');
const MMDC = path.join(BENCH, 'node_modules', '@mermaid-js', 'mermaid-cli', 'src', 'cli.js');
const SIZES = [1, 20] as const;
const THEME = 'dark';
const GOAL_COLD_SPEEDUP = 5;
const GOAL_WARM_MS = 50;

/** Diagram `index` (0-based): a timeline, a flowchart or a sequence diagram, its labels unique to it. */
export function diagramSource(index: number): string {
  const n = index + 1;
  switch (index % 3) {
    case 0:
      return [
        'timeline',
        `  title Release history of project ${n}`,
        `  ${2000 + n} : Project ${n} starts`,
        `  ${2001 + n} : First release of ${n} : Mailing list opens`,
        `  ${2003 + n} : Version 2 of ${n}`,
        `  ${2005 + n} : Long-term support for ${n}`,
      ].join('\n');
    case 1:
      return [
        'flowchart LR',
        `  A${n}[Request ${n}] --> B${n}{Valid ${n}?}`,
        `  B${n} -->|yes| C${n}[Handle ${n}]`,
        `  B${n} -->|no| D${n}[Reject ${n}]`,
        `  C${n} --> E${n}[(Store ${n})]`,
        `  D${n} --> F${n}[Log ${n}]`,
      ].join('\n');
    default:
      return [
        'sequenceDiagram',
        `  participant U as User ${n}`,
        `  participant S as Server ${n}`,
        `  participant D as Database ${n}`,
        `  U->>S: request ${n}`,
        `  S->>D: query ${n}`,
        `  D-->>S: rows ${n}`,
        `  S-->>U: response ${n}`,
        `  Note over U,S: round trip ${n}`,
      ].join('\n');
  }
}

/** A deck with `count` diagram slides; `lang` is `mermaid`, or `text` for the same deck without diagrams. */
export function diagramDeck(count: number, lang: 'mermaid' | 'text'): string {
  const slides = Array.from(
    { length: count },
    (_, index) => `## Diagram ${index + 1}\n\n\`\`\`${lang}\n${diagramSource(index)}\n\`\`\`\n`,
  );
  return (
    `---\ntitle: Mermaid benchmark, ${count} diagram${count === 1 ? '' : 's'}\ntheme: ${THEME}\n---\n\n# ` +
    `Diagrams\n\n${slides.join('\n')}`
  );
}

/** One generated size: a proofdeck project with the deck, the same deck without diagrams, and `.mmd` files. */
interface Fixture {
  count: number;
  /** Project root (cwd of the CLI) holding `decks/diagrams/deck.md`; its cache is the warm one. */
  project: string;
  /** Project root holding the same deck with the fences as plain `text` code blocks. */
  plain: string;
  /** `d-1.mmd` … for mmdc's per-diagram runs, and `deck.md` for its markdown run. */
  mmdDir: string;
}

function makeFixture(scratch: string, count: number): Fixture {
  const base = path.join(scratch, `n${count}`);
  const project = path.join(base, 'project');
  const plain = path.join(base, 'plain');
  const mmdDir = path.join(base, 'mmd');
  for (const [root, lang] of [
    [project, 'mermaid'],
    [plain, 'text'],
  ] as const) {
    mkdirSync(path.join(root, 'decks', 'diagrams'), { recursive: true });
    writeFileSync(path.join(root, 'decks', 'diagrams', 'deck.md'), diagramDeck(count, lang));
  }
  mkdirSync(mmdDir);
  for (let index = 0; index < count; index++)
    writeFileSync(path.join(mmdDir, `d-${index + 1}.mmd`), `${diagramSource(index)}\n`);
  writeFileSync(path.join(mmdDir, 'deck.md'), diagramDeck(count, 'mermaid'));
  return { count, project, plain, mmdDir };
}

/** A measured tool: the commands of one timed run (several for mmdc per diagram, timed as a whole). */
interface Tool {
  name: string;
  commands(fixture: Fixture, out: string): Command[];
}

/** Runs the commands in sequence; wall time is their sum, peak RSS the largest. */
function measureAll(commands: readonly Command[]): Sample {
  let ms = 0;
  let rssKiB = 0;
  for (const command of commands) {
    const sample = measure(command);
    ms += sample.ms;
    rssKiB = Math.max(rssKiB, sample.rssKiB);
  }
  return { ms, rssKiB };
}

/** In-process timings of the diagram stage itself: browser launch, cold render, warm (cache) render. */
interface InProcess {
  launchMs: number[];
  coldRenderMs: number[];
  warmMs: number[];
}

async function timeInProcess(
  fixture: Fixture,
  scratch: string,
  config: Record<string, unknown>,
  runs: number,
): Promise<InProcess> {
  const themes = discoverThemes(fixture.project);
  const deckFile = path.join(fixture.project, 'decks', 'diagrams', 'deck.md');
  const loaded = loadDeck(
    { name: 'diagrams', path: deckFile },
    { knownThemes: new Set(themes.keys()), cwd: fixture.project },
  );
  const diagrams: Diagram[] = [...loaded.diagrams.values()];
  if (diagrams.length !== fixture.count)
    throw new Error(`expected ${fixture.count} diagrams, found ${diagrams.length}`);
  const check = (results: Map<string, { ok: boolean }>, cached: boolean): void => {
    const bad = diagrams.filter((diagram) => results.get(diagram.id)?.ok !== true);
    if (bad.length > 0) throw new Error(`${bad.length} diagrams failed to render (${cached ? 'warm' : 'cold'})`);
  };
  const timings: InProcess = { launchMs: [], coldRenderMs: [], warmMs: [] };
  for (let round = 0; round < runs; round++) {
    const cacheDir = mkdtempSync(path.join(scratch, 'cache-'));
    const session = createBrowserSession();
    try {
      const launched = performance.now();
      await session.get();
      const rendering = performance.now();
      check(await renderDiagrams(diagrams, { browser: session, config, cacheDir }), false);
      timings.launchMs.push(rendering - launched);
      timings.coldRenderMs.push(performance.now() - rendering);
    } finally {
      await session.close();
    }
    // Warm: every diagram is in the cache; a launch would be a bug, so the session refuses to start one.
    const refusing = createBrowserSession(() => Promise.reject(new Error('warm render tried to launch a browser')));
    const warmStart = performance.now();
    check(await renderDiagrams(diagrams, { browser: refusing, config, cacheDir }), true);
    timings.warmMs.push(performance.now() - warmStart);
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return timings;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

  ensureDebianPackages(['time', 'chromium']);
  ensureBenchPackages(BENCH);
  const chromium = findChromium();
  const theme = discoverThemes(ROOT).get(THEME);
  if (!theme) throw new Error(`theme ${THEME} not found`);

  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-mermaid-'));
  try {
    // mmdc gets Debian chromium through its puppeteer config, and the same mermaid settings the deck theme gives
    // proofdeck.
    const puppeteerConfig = path.join(scratch, 'puppeteer.json');
    writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: chromium, args: PEER_CHROMIUM_ARGS }, null, 2));
    const mermaidConfig = path.join(scratch, 'mermaid-config.json');
    writeFileSync(mermaidConfig, JSON.stringify(theme.mermaid, null, 2));
    const fixtures = SIZES.map((count) => makeFixture(scratch, count));

    const node = (args: string[], cwd: string): Command => ({ program: process.execPath, args, cwd });
    const proofdeck = (root: string, out: string, extra: string[]): Command =>
      node([CLI, 'build', 'decks/diagrams', '--out', out, '--no-pdf', ...extra], root);
    const mmdc = (fixture: Fixture, input: string, output: string): Command =>
      node(
        [MMDC, '-q', '-p', puppeteerConfig, '-c', mermaidConfig, '-i', path.join(fixture.mmdDir, input), '-o', output],
        fixture.mmdDir,
      );
    const tools: Tool[] = [
      { name: 'proofdeck cold (--no-cache)', commands: (f, out) => [proofdeck(f.project, out, ['--no-cache'])] },
      { name: 'proofdeck warm (cached)', commands: (f, out) => [proofdeck(f.project, out, [])] },
      { name: 'proofdeck, fences as plain code', commands: (f, out) => [proofdeck(f.plain, out, [])] },
      {
        name: 'mmdc once per diagram',
        commands: (f, out) =>
          Array.from({ length: f.count }, (_, index) =>
            mmdc(f, `d-${index + 1}.mmd`, path.join(out, `d-${index + 1}.svg`)),
          ),
      },
      { name: 'mmdc over deck.md', commands: (f, out) => [mmdc(f, 'deck.md', path.join(out, 'deck.md'))] },
    ];
    const startup: Tool = {
      name: 'proofdeck --version (node start + modules)',
      commands: (f) => [node([CLI, '--version'], f.project)],
    };

    // Each run writes into a folder of its own that did not exist before: a cold build every time.
    const inFreshFolder = freshFolders(scratch);

    const mmdcVersion = run(node([MMDC, '--version'], ROOT))
      .trim()
      .split('\n')
      .at(-1);
    console.log(`Mermaid benchmark: median of ${runs} interleaved runs per cell, after one untimed warm-up run each`);
    console.log(
      `node ${process.version}, mermaid-cli ${mmdcVersion}, ${chromiumVersion(chromium, ROOT)} (${chromium}); ` +
        `decks of ${fixtures.map((f) => f.count).join(' and ')} diagrams`,
    );
    console.log(
      `mmdc: -p puppeteer config {executablePath: ${chromium}, args: ${PEER_CHROMIUM_ARGS.join(' ')}}, -c the '` +
        `${THEME}' theme's mermaid config`,
    );
    console.log(
      'proofdeck: build --no-pdf into a fresh --out folder; warm = the project cache filled by the warm-up run',
    );
    console.log(
      `load average at start (1/5/15 min): ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}\n`,
    );

    // Warm-up: fills proofdeck's cache for the warm rows, checks every tool works and every diagram renders.
    for (const fixture of fixtures) {
      for (const tool of [...tools, startup]) {
        inFreshFolder((out) => {
          for (const command of tool.commands(fixture, out)) run(command);
          if (tool.name.startsWith('mmdc')) {
            const svgs = readdirSync(out).filter((name) => name.endsWith('.svg'));
            if (svgs.length !== fixture.count)
              throw new Error(`${tool.name} wrote ${svgs.length} SVGs for ${fixture.count} diagrams`);
          }
        });
      }
    }

    const samples = new Map<string, Sample[]>();
    const loads: number[] = [];
    for (let round = 0; round < runs; round++) {
      for (const fixture of fixtures) {
        const all = [...tools, startup];
        const order = all.map((_, index) => all[(index + round) % all.length] as Tool);
        for (const tool of order) {
          const key = `${tool.name}\t${fixture.count}`;
          loads.push(loadavg()[0] ?? 0);
          samples.set(key, [
            ...(samples.get(key) ?? []),
            inFreshFolder((out) => measureAll(tool.commands(fixture, out))),
          ]);
        }
      }
      process.stderr.write(`round ${round + 1}/${runs} done\n`);
    }

    const stat = (tool: string, count: number): Sample => {
      const list = samples.get(`${tool}\t${count}`) ?? [];
      return { ms: median(list.map((sample) => sample.ms)), rssKiB: median(list.map((sample) => sample.rssKiB)) };
    };
    const cold = tools[0]?.name ?? '';
    const warm = tools[1]?.name ?? '';
    const plain = tools[2]?.name ?? '';
    const rows = fixtures.flatMap((fixture) =>
      [...tools, startup].map((tool) => {
        const { ms, rssKiB } = stat(tool.name, fixture.count);
        const peer = tool.name.startsWith('mmdc');
        const vsCold = peer ? `${(ms / stat(cold, fixture.count).ms).toFixed(1)}×` : '';
        const vsWarm = peer ? `${(ms / stat(warm, fixture.count).ms).toFixed(1)}×` : '';
        return [
          String(fixture.count),
          tool.name,
          formatMs(ms),
          formatMs(ms / fixture.count),
          formatKiB(rssKiB),
          vsCold,
          vsWarm,
        ];
      }),
    );
    console.log(
      `load average (1 min) before each timed run: ${Math.min(...loads).toFixed(2)}–` +
        `${Math.max(...loads).toFixed(2)}, median ${median(loads).toFixed(2)} (2 cores)`,
    );
    console.log(
      formatTable(
        [
          ' diagrams',
          'tool',
          ' median wall',
          ' per diagram',
          ' peak RSS',
          ' peer/proofdeck cold',
          ' peer/proofdeck warm',
        ],
        rows,
      ),
    );

    // The diagram stage on its own, in this process: no node start-up, module loading or HTML rendering.
    process.stderr.write('timing the diagram stage in-process\n');
    const inProcess = new Map<number, InProcess>();
    for (const fixture of fixtures)
      inProcess.set(fixture.count, await timeInProcess(fixture, scratch, theme.mermaid, runs));
    const stageRows = fixtures.map((fixture) => {
      const timing = inProcess.get(fixture.count) as InProcess;
      const launch = median(timing.launchMs);
      const render = median(timing.coldRenderMs);
      const warmMs = median(timing.warmMs);
      const cliDiff = stat(warm, fixture.count).ms - stat(plain, fixture.count).ms;
      return [
        String(fixture.count),
        formatMs(launch),
        formatMs(render),
        `${formatMs(render / fixture.count)}`,
        `${warmMs.toFixed(1)} ms`,
        `${cliDiff.toFixed(0)} ms`,
      ];
    });
    console.log(`diagram stage (renderDiagrams from src/diagram/render.ts, in-process, median of ${runs}):`);
    console.log(
      formatTable(
        [
          ' diagrams',
          ' browser launch',
          ' cold render (1 page)',
          ' per diagram',
          ' warm (all cached)',
          ' CLI warm − plain-code deck',
        ],
        stageRows,
      ),
    );

    const n20 = fixtures.at(-1)?.count ?? 20;
    const speedup = stat('mmdc once per diagram', n20).ms / stat(cold, n20).ms;
    const speedupMd = stat('mmdc over deck.md', n20).ms / stat(cold, n20).ms;
    const warmStage = median(inProcess.get(n20)?.warmMs ?? [0]);
    const warmCli = stat(warm, n20).ms - stat(plain, n20).ms;
    const startupMs = stat(startup.name, n20).ms;
    console.log(
      `goal: ${n20} diagrams cold ≥ ${GOAL_COLD_SPEEDUP}× faster than ${n20} mmdc runs: ${speedup.toFixed(1)}× ` +
        `${speedup >= GOAL_COLD_SPEEDUP ? 'MET' : 'MISSED'} (vs one mmdc run over deck.md: ` +
        `${speedupMd.toFixed(1)}×)`,
    );
    console.log(
      `goal: warm under ${GOAL_WARM_MS} ms of diagram work (${n20} diagrams, in-process): ${warmStage.toFixed(1)} ` +
        `ms ${warmStage < GOAL_WARM_MS ? 'MET' : 'MISSED'}`,
    );
    console.log(
      `      cross-check from whole CLI builds: warm deck − same deck with plain code blocks = ` +
        `${warmCli.toFixed(0)} ms (medians of whole builds; includes the extra HTML of inline SVG)`,
    );
    console.log(
      `note: every proofdeck wall time includes ~${formatMs(startupMs)} of node start-up and module loading (the ` +
        `--version row)`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
