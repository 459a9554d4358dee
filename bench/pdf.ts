/**
 * PDF export benchmark (issue 6, item 8): proofdeck's slide + handout PDFs against decktape (on
 * proofdeck's own reveal.js output) and marp-cli `--pdf` (on the same markdown), on the flagship deck
 * and on a 10× concatenation of it (`--times N` for another factor). Every browser is Debian chromium.
 * Goals: proofdeck ≤ 0.5× decktape's time, and ≤ marp-cli's.
 *
 *   node bench/pdf.ts [--runs N] [--decktape-runs N] [--decktape-x10-runs N] [--times N]
 *
 * decktape's default waits 1 s before each slide (`--pause 1000`), so one run on the 10× deck takes
 * minutes: that cell gets `--decktape-x10-runs` runs (default 1); `--pause 0` runs get `--runs`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium, launchBrowser } from '../src/browser/browser.ts';
import { loadDeck } from '../src/pipeline/load.ts';
import { discoverThemes } from '../src/config/themes.ts';
import { pdfDate, stampMetadata } from '../src/render/pdf/metadata.ts';
import { printHandout } from '../src/render/pdf/print-handout.ts';
import { printSlides } from '../src/render/pdf/print.ts';
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
  writeRepeatedDeck,
  type Command,
  type Sample,
} from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, 'bench');
const CLI = path.join(ROOT, 'bin', 'proofdeck.js');
const FLAGSHIP = path.join(ROOT, 'decks', 'rust-in-kernel', 'deck.md');
const DECKTAPE = path.join(BENCH, 'node_modules', 'decktape', 'decktape.js');
const MARP = path.join(BENCH, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const GOAL_VS_DECKTAPE = 0.5;

interface Deck {
  label: string;
  name: string;
  /** Folder holding `deck.md`. */
  dir: string;
  /**
   * An output folder of a full proofdeck build of the deck: decktape prints its index.html, the in-process timing its
   * handout.html too.
   */
  html: string;
  /** The markdown with `headingDivider: 2` added, so marp makes one slide per `#`/`##` heading as proofdeck does. */
  marpDivided: string;
  /** Pages of proofdeck's slide PDF. */
  slides: number;
}

interface Tool {
  name: string;
  /** Short note printed under the table. */
  note: string;
  command(deck: Deck, out: string): Command;
  /** The PDF the command writes into `out`, for its page count. */
  output(deck: Deck, out: string): string;
  /** Timed runs of this tool on this deck. */
  runs(deck: Deck): number;
  peer: boolean;
}

/** Adds marp's `headingDivider` directive to the frontmatter; the rest of the markdown is unchanged. */
function withHeadingDivider(source: string): string {
  if (!source.startsWith('---\n')) return `---\nheadingDivider: 2\n---\n${source}`;
  return source.replace(/^---\n/, '---\nheadingDivider: 2\n');
}

function pdfPages(file: string): number {
  const info = run({ program: 'pdfinfo', args: [file], cwd: ROOT });
  const pages = /^Pages:\s+(\d+)/m.exec(info)?.[1];
  if (!pages) throw new Error(`pdfinfo found no page count in ${file}`);
  return Number(pages);
}

/** In-process timings of proofdeck's PDF stage parts on the already built HTML, milliseconds. */
interface StageTimes {
  launch: number[];
  slides: number[];
  handout: number[];
  stamp: number[];
}

async function timePdfStage(deck: Deck, runs: number): Promise<StageTimes> {
  const themes = discoverThemes(ROOT);
  const loaded = loadDeck(
    { name: deck.name, path: path.join(deck.dir, 'deck.md') },
    { knownThemes: new Set(themes.keys()), cwd: ROOT },
  );
  const meta = loaded.deck?.meta;
  if (!meta) throw new Error(`${deck.label}: frontmatter did not parse`);
  const times: StageTimes = { launch: [], slides: [], handout: [], stamp: [] };
  const dir = path.join(deck.html, deck.name);
  for (let round = 0; round < runs; round++) {
    const launched = performance.now();
    const browser = await launchBrowser();
    try {
      times.launch.push(performance.now() - launched);
      let page = await browser.newPage();
      let start = performance.now();
      const slides = await printSlides(page, pathToFileURL(path.join(dir, 'index.html')).href, {
        fragments: 'final',
        timeoutMs: 120_000,
      });
      times.slides.push(performance.now() - start);
      await page.close();
      start = performance.now();
      stampMetadata(slides, meta, meta.title, pdfDate(meta));
      let stampMs = performance.now() - start;
      page = await browser.newPage();
      start = performance.now();
      const handout = await printHandout(page, pathToFileURL(path.join(dir, 'handout.html')).href, {
        timeoutMs: 120_000,
      });
      times.handout.push(performance.now() - start);
      await page.close();
      start = performance.now();
      stampMetadata(handout, meta, meta.title, pdfDate(meta));
      stampMs += performance.now() - start;
      times.stamp.push(stampMs);
    } finally {
      await browser.close();
    }
  }
  return times;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'decktape-runs': { type: 'string' },
      'decktape-x10-runs': { type: 'string', default: '1' },
      times: { type: 'string', default: '10' },
    },
  });
  const count = (name: string, value: string | undefined): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
    return number;
  };
  const runs = count('runs', values.runs);
  const decktapeRuns = count('decktape-runs', values['decktape-runs'] ?? values.runs);
  const decktapeX10Runs = count('decktape-x10-runs', values['decktape-x10-runs']);
  const times = count('times', values.times);

  ensureDebianPackages(['time', 'chromium', 'poppler-utils']);
  ensureBenchPackages(BENCH);
  const chromium = findChromium();

  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-pdf-'));
  try {
    const source = readFileSync(FLAGSHIP, 'utf8');
    const node = (args: string[], cwd = ROOT, env?: NodeJS.ProcessEnv): Command => ({
      program: process.execPath,
      args,
      cwd,
      ...(env ? { env } : {}),
    });
    const makeDeck = (label: string, name: string, dir: string, markdown: string): Deck => {
      // Also fills the snippet, diagram and highlight caches the timed proofdeck builds then find warm.
      const html = path.join(scratch, `html-${name}`);
      run(node([CLI, 'build', dir, '--out', html]));
      const marpDivided = path.join(scratch, `marp-${name}.md`);
      writeFileSync(marpDivided, withHeadingDivider(markdown));
      return { label, name, dir, html, marpDivided, slides: 0 };
    };
    const x10Dir = path.join(scratch, `rust-in-kernel-x${times}`);
    const x10Source = readFileSync(writeRepeatedDeck(path.dirname(FLAGSHIP), x10Dir, times), 'utf8');
    const decks = [
      makeDeck('flagship', 'rust-in-kernel', path.dirname(FLAGSHIP), source),
      makeDeck(`flagship×${times}`, `rust-in-kernel-x${times}`, x10Dir, x10Source),
    ];
    const isX10 = (deck: Deck): boolean => deck.label !== 'flagship';

    const marpEnv = { ...process.env, CHROME_PATH: chromium };
    const decktape = (deck: Deck, out: string, pause: string[]): Command =>
      node([
        DECKTAPE,
        'reveal',
        ...pause,
        '--chrome-path',
        chromium,
        ...PEER_CHROMIUM_ARGS.map((arg) => `--chrome-arg=${arg}`),
        pathToFileURL(path.join(deck.html, deck.name, 'index.html')).href,
        path.join(out, 'out.pdf'),
      ]);
    const tools: Tool[] = [
      {
        name: 'proofdeck build (HTML + slide + handout PDF)',
        note:
          'proofdeck: `build <deck>` into a fresh folder: index.html, <deck>.pdf and <deck>-handout.pdf; snippet ' +
          "verdicts, diagrams and highlighting from the warm caches (compiling snippets is bench/snippets.ts's " +
          'subject)',
        command: (deck, out) => node([CLI, 'build', deck.dir, '--out', out]),
        output: (deck, out) => path.join(out, deck.name, `${deck.name}.pdf`),
        runs: () => runs,
        peer: false,
      },
      {
        name: 'proofdeck build --no-pdf (HTML only)',
        note:
          'PDF-only time = the build above minus this --no-pdf build (so it includes rendering handout.html, which ' +
          '--no-pdf skips)',
        command: (deck, out) => node([CLI, 'build', deck.dir, '--out', out, '--no-pdf']),
        output: () => '',
        runs: () => runs,
        peer: false,
      },
      {
        name: 'decktape reveal (default --pause 1000)',
        note:
          "decktape 3 on proofdeck's built index.html (file://), Debian chromium via --chrome-path, default " +
          '1280×720 viewport',
        command: (deck, out) => decktape(deck, out, []),
        output: (_, out) => path.join(out, 'out.pdf'),
        runs: (deck) => (isX10(deck) ? decktapeX10Runs : decktapeRuns),
        peer: true,
      },
      {
        name: 'decktape reveal --pause 0',
        note: 'the same with no wait before each slide (the minimum decktape accepts)',
        command: (deck, out) => decktape(deck, out, ['--pause', '0']),
        output: (_, out) => path.join(out, 'out.pdf'),
        runs: () => runs,
        peer: true,
      },
      {
        name: 'marp-cli --pdf (markdown as is)',
        note:
          'marp-cli on the same deck.md (CHROME_PATH=Debian chromium, --allow-local-files): marp splits slides ' +
          'only at ---, which this markdown has none of',
        command: (deck, out) =>
          node(
            [MARP, '--pdf', '--allow-local-files', path.join(deck.dir, 'deck.md'), '-o', path.join(out, 'out.pdf')],
            ROOT,
            marpEnv,
          ),
        output: (_, out) => path.join(out, 'out.pdf'),
        runs: () => runs,
        peer: true,
      },
      {
        name: 'marp-cli --pdf (+ headingDivider: 2)',
        note:
          'the same markdown with `headingDivider: 2` added to its frontmatter, so marp makes one slide per # / ## ' +
          'heading like proofdeck',
        command: (deck, out) =>
          node(
            [MARP, '--pdf', '--allow-local-files', deck.marpDivided, '-o', path.join(out, 'out.pdf')],
            ROOT,
            marpEnv,
          ),
        output: (_, out) => path.join(out, 'out.pdf'),
        runs: () => runs,
        peer: true,
      },
    ];
    const [ours, oursHtml, decktapeDefault, decktapeZero, marpAsIs, marpDivided] = tools as [
      Tool,
      Tool,
      Tool,
      Tool,
      Tool,
      Tool,
    ];

    // Each run writes into a folder of its own that did not exist before: a cold build every time.
    const inFreshFolder = freshFolders(scratch);

    const version = (args: string[]): string => run(node(args)).trim().split('\n').at(-1) ?? '?';

    console.log(
      `PDF export benchmark: median of interleaved runs (count per cell in the runs column), after one untimed ` +
        `warm-up run each`,
    );
    console.log(
      `node ${process.version}, decktape ${version([DECKTAPE, 'version'])}, marp-cli ` +
        `${version([MARP, '--version']).replace(/^@marp-team\/marp-cli /, '')}, ` +
        `${chromiumVersion(chromium, ROOT)} (${chromium})`,
    );
    console.log(
      `load average at start (1/5/15 min): ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}\n`,
    );

    // Warm-up: one untimed run each (also the page counts); decktape's default pause only on the flagship.
    const pages = new Map<string, number>();
    for (const deck of decks) {
      for (const tool of tools) {
        if (tool === decktapeDefault && isX10(deck)) continue;
        process.stderr.write(`warm-up: ${tool.name} on ${deck.label}\n`);
        inFreshFolder((out) => {
          run(tool.command(deck, out));
          if (tool === oursHtml) return;
          const count = pdfPages(tool.output(deck, out));
          pages.set(`${tool.name}\t${deck.label}`, count);
          if (tool === ours) {
            deck.slides = count;
            const handout = pdfPages(path.join(out, deck.name, `${deck.name}-handout.pdf`));
            pages.set(`handout\t${deck.label}`, handout);
          }
        });
      }
    }
    for (const deck of decks)
      if (!pages.has(`${decktapeDefault.name}\t${deck.label}`))
        pages.set(`${decktapeDefault.name}\t${deck.label}`, pages.get(`${decktapeZero.name}\t${deck.label}`) ?? 0);

    const samples = new Map<string, Sample[]>();
    const loads: number[] = [];
    const rounds = Math.max(runs, decktapeRuns, decktapeX10Runs);
    for (let round = 0; round < rounds; round++) {
      for (const deck of decks) {
        const active = tools.filter((tool) => round < tool.runs(deck));
        const order = active.map((_, index) => active[(index + round) % active.length] as Tool);
        for (const tool of order) {
          const key = `${tool.name}\t${deck.label}`;
          loads.push(loadavg()[0] ?? 0);
          samples.set(key, [...(samples.get(key) ?? []), inFreshFolder((out) => measure(tool.command(deck, out)))]);
        }
      }
      process.stderr.write(`round ${round + 1}/${rounds} done (load ${loadavg()[0]?.toFixed(2)})\n`);
    }

    const stat = (tool: Tool, deck: Deck): { ms: number; rssKiB: number; n: number } => {
      const list = samples.get(`${tool.name}\t${deck.label}`) ?? [];
      return {
        ms: median(list.map((sample) => sample.ms)),
        rssKiB: median(list.map((sample) => sample.rssKiB)),
        n: list.length,
      };
    };
    const rows: string[][] = [];
    for (const deck of decks) {
      const total = stat(ours, deck).ms;
      const pdfOnly = total - stat(oursHtml, deck).ms;
      for (const tool of tools) {
        const { ms, rssKiB, n } = stat(tool, deck);
        rows.push([
          deck.label,
          tool.name,
          String(n),
          formatMs(ms),
          `${(ms / 1000 / deck.slides).toFixed(3)}`,
          String(pages.get(`${tool.name}\t${deck.label}`) ?? ''),
          formatKiB(rssKiB),
          tool.peer ? `${(total / ms).toFixed(2)}×` : '',
          tool.peer ? `${(pdfOnly / ms).toFixed(2)}×` : '',
        ]);
      }
      rows.push([
        deck.label,
        'proofdeck PDF-only (build − --no-pdf)',
        '',
        formatMs(pdfOnly),
        `${(pdfOnly / 1000 / deck.slides).toFixed(3)}`,
        '',
        '',
        '',
        '',
      ]);
    }
    console.log(
      formatTable(
        [
          'deck',
          'tool',
          ' runs',
          ' median wall',
          ' s/slide',
          ' PDF pages',
          ' peak RSS',
          ' proofdeck/peer',
          ' PDF-only/peer',
        ],
        rows,
      ),
    );
    for (const deck of decks)
      console.log(
        `${deck.label}: ${deck.slides} slides (pages of proofdeck's slide PDF; s/slide divides by this), handout ` +
          `${pages.get(`handout\t${deck.label}`)} pages`,
      );
    for (const tool of tools) console.log(`- ${tool.name}: ${tool.note}`);
    console.log(
      `load average (1 min) before each timed run: ${Math.min(...loads).toFixed(2)}–` +
        `${Math.max(...loads).toFixed(2)}, median ${median(loads).toFixed(2)} (2 cores)\n`,
    );

    process.stderr.write('timing the PDF stage in-process\n');
    const stageRows: string[][] = [];
    for (const deck of decks) {
      const stage = await timePdfStage(deck, runs);
      stageRows.push([
        deck.label,
        formatMs(median(stage.launch)),
        formatMs(median(stage.slides)),
        formatMs(median(stage.handout)),
        formatMs(median(stage.stamp)),
      ]);
    }
    console.log(`proofdeck PDF stage, in-process on the built HTML (median of ${runs}):`);
    console.log(
      formatTable(
        ['deck', ' browser launch', ' printSlides', ' printHandout', ' stampMetadata (both PDFs)'],
        stageRows,
      ),
    );
    console.log(
      '(timed one after another here; the CLI prints the slides and the handout of a deck side by side, each in ' +
        'a browser context, so a renderer process, of its own)\n',
    );

    for (const deck of decks) {
      const total = stat(ours, deck).ms;
      const vsDecktape = total / stat(decktapeDefault, deck).ms;
      const vsDecktapeZero = total / stat(decktapeZero, deck).ms;
      const vsMarp = total / stat(marpDivided, deck).ms;
      const vsMarpAsIs = total / stat(marpAsIs, deck).ms;
      console.log(
        `goal (${deck.label}): ≤ ${GOAL_VS_DECKTAPE}× decktape (default pause): ${vsDecktape.toFixed(2)}× ` +
          `${vsDecktape <= GOAL_VS_DECKTAPE ? 'MET' : 'MISSED'}; vs decktape --pause 0: ` +
          `${vsDecktapeZero.toFixed(2)}× ${vsDecktapeZero <= GOAL_VS_DECKTAPE ? 'met' : 'missed'}`,
      );
      console.log(
        `goal (${deck.label}): ≤ marp-cli (one slide per heading): ${vsMarp.toFixed(2)}× ` +
          `${vsMarp <= 1 ? 'MET' : 'MISSED'}; vs marp-cli on the markdown as is: ${vsMarpAsIs.toFixed(2)}× ` +
          `${vsMarpAsIs <= 1 ? 'met' : 'missed'}`,
      );
    }
    console.log(
      "(proofdeck/peer: proofdeck's whole build, with both PDFs, over the peer's time; < 1× means proofdeck is faster)",
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
