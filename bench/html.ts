/**
 * HTML build benchmark (issue 2, item 12): proofdeck's cold deck build against pandoc's and
 * marp-cli's HTML output, on the flagship deck and on a 10× concatenation of it.
 * Goal: proofdeck within 1.5× of pandoc on the flagship, and faster than marp-cli; a rebuild after an edit (issue 16)
 * within 1.0× of pandoc on the flagship and the 10× deck. `--compare <checkout>` adds another checkout's CLI on the
 * edited decks (e.g. main in a worktree of its own), interleaved with the rest.
 *
 *   node bench/html.ts [--runs N] [--compare /path/to/other/checkout]
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  freshFolders,
  writeRepeatedDeck,
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
const FLAGSHIP = path.join(ROOT, 'decks', 'rust-in-kernel', 'deck.md');
const MARP = path.join(BENCH, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const GOAL_VS_PANDOC = 1.5;
const GOAL_EDITED_VS_PANDOC = 1.0;

interface Deck {
  label: string;
  /** Folder holding `deck.md` (proofdeck builds the folder; the peers read the file). */
  dir: string;
}

interface Tool {
  name: string;
  /** The command that builds `deck` into the empty folder `out`. */
  command(deck: Deck, out: string): Command;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, compare: { type: 'string' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

  ensureDebianPackages(['pandoc', 'time']);
  ensureBenchPackages(BENCH);

  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-html-'));
  try {
    const x10 = path.join(scratch, 'rust-in-kernel-x10');
    writeRepeatedDeck(path.dirname(FLAGSHIP), x10, 10);
    const decks: Deck[] = [
      { label: 'flagship', dir: path.dirname(FLAGSHIP) },
      { label: 'flagship×10', dir: x10 },
    ];

    const node = { program: process.execPath, cwd: ROOT };
    const proofdeck = (dir: string, out: string): Command => ({
      ...node,
      // The copies live outside the repository, whose caches the runs share: their images are allowed from there.
      args: ['bin/proofdeck.js', 'build', dir, '--out', out, '--no-pdf', '--allow-path', scratch],
    });
    // A copy of each deck whose text changes before every run (a line added to the last slide), so the
    // parse cache never hits: what a rebuild after an edit costs.
    const edited = new Map(decks.map((deck) => [deck.label, path.join(scratch, `${path.basename(deck.dir)}-edited`)]));
    for (const deck of decks) cpSync(deck.dir, edited.get(deck.label) ?? '', { recursive: true });
    let edits = 0;
    const editedCopy = (deck: Deck): string => {
      const dir = edited.get(deck.label) ?? '';
      writeFileSync(
        path.join(dir, 'deck.md'),
        `${readFileSync(path.join(deck.dir, 'deck.md'), 'utf8')}\nEdit ${++edits}.\n`,
      );
      return dir;
    };
    const compare = values.compare ? path.resolve(values.compare) : undefined;
    const tools: Tool[] = [
      { name: 'proofdeck', command: (deck, out) => proofdeck(deck.dir, out) },
      { name: 'proofdeck (source edited)', command: (deck, out) => proofdeck(editedCopy(deck), out) },
      ...(compare
        ? [
            {
              name: `${path.basename(compare)} (source edited)`,
              command: (deck: Deck, out: string) => ({ ...proofdeck(editedCopy(deck), out), cwd: compare }),
            },
          ]
        : []),
      {
        name: 'pandoc',
        command: (deck, out) => ({
          program: 'pandoc',
          args: ['-t', 'revealjs', '-s', path.join(deck.dir, 'deck.md'), '-o', path.join(out, 'index.html')],
          cwd: ROOT,
        }),
      },
      {
        name: 'marp-cli',
        command: (deck, out) => ({
          ...node,
          args: [MARP, path.join(deck.dir, 'deck.md'), '-o', path.join(out, 'index.html')],
        }),
      },
    ];

    // Each run writes into a folder of its own that did not exist before: a cold build every time.
    const inFreshFolder = freshFolders(scratch);

    const cacheDirs = ['node_modules/.cache/proofdeck'].filter((dir) => existsSync(path.join(ROOT, dir)));
    const pandocVersion = run({ program: 'pandoc', args: ['--version'], cwd: ROOT }).split('\n')[0];
    const marpVersion = run({ ...node, args: [MARP, '--version'] }).split('\n')[0];
    console.log(
      `HTML build benchmark: median of ${runs} interleaved runs per cell, after one untimed warm-up run each`,
    );
    console.log(`node ${process.version}, ${pandocVersion}, ${marpVersion}`);
    console.log(
      `proofdeck: \`build <deck> --no-pdf\` (HTML only: the deck; the site is only written by a build of all ` +
        `decks), fresh --out folder every run;`,
    );
    console.log(
      `  snippet verdicts, diagrams, highlighted code, compiler versions and the parsed syntax tree come from the ` +
        `caches the warm-up run fills`,
    );
    console.log(`  (${cacheDirs.join(', ') || 'none yet'}); compiling snippets is measured by bench/snippets.ts.`);
    console.log(
      `proofdeck (source edited): the same, but the deck's text changes before every run, so it is parsed again ` +
        `(a rebuild after an edit).`,
    );
    console.log(
      'pandoc and marp-cli read proofdeck directives (::slide, :::notes, fence attributes) as plain markdown or ' +
        'their own syntax: they build a different deck from the same text.\n',
    );

    // Untimed warm-up (file caches, and fail early); proofdeck's own verdict on each deck is shown.
    for (const deck of decks) {
      for (const tool of tools) {
        const output = inFreshFolder((out) => run(tool.command(deck, out)));
        if (tool.name.startsWith('proofdeck')) console.log(`${tool.name} on ${deck.label}: ${output.split('\n')[0]}`);
      }
    }
    console.log('');

    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < runs; round++) {
      for (const deck of decks) {
        // Rotate the order every round so no tool always runs first (or right after another).
        const order = tools.map((_, index) => tools[(index + round) % tools.length] as Tool);
        for (const tool of order) {
          const key = `${tool.name}\t${deck.label}`;
          samples.set(key, [...(samples.get(key) ?? []), inFreshFolder((out) => measure(tool.command(deck, out)))]);
        }
      }
      process.stderr.write(`round ${round + 1}/${runs} done\n`);
    }

    const stat = (tool: string, deck: string): { ms: number; rssKiB: number } => {
      const list = samples.get(`${tool}\t${deck}`) ?? [];
      return { ms: median(list.map((sample) => sample.ms)), rssKiB: median(list.map((sample) => sample.rssKiB)) };
    };
    const rows = decks.flatMap((deck) => {
      const ours = stat('proofdeck', deck.label);
      const afterEdit = stat('proofdeck (source edited)', deck.label);
      return tools.map((tool) => {
        const { ms, rssKiB } = stat(tool.name, deck.label);
        const peer = tool.name === 'pandoc' || tool.name === 'marp-cli';
        const ratio = (mine: number, theirs: number) => (peer ? `${(mine / theirs).toFixed(2)}×` : '');
        return [
          tool.name,
          deck.label,
          formatMs(ms),
          formatKiB(rssKiB),
          ratio(ours.ms, ms),
          ratio(afterEdit.ms, ms),
          ratio(ours.rssKiB, rssKiB),
        ];
      });
    });
    console.log(
      formatTable(
        [
          'tool',
          'deck',
          ' median wall',
          ' peak RSS',
          ' proofdeck/peer time',
          ' edited/peer time',
          ' proofdeck/peer RSS',
        ],
        rows,
      ),
    );

    const flagship = (tool: string): number => stat(tool, 'flagship').ms;
    for (const variant of ['proofdeck', 'proofdeck (source edited)']) {
      const vsPandoc = flagship(variant) / flagship('pandoc');
      const vsMarp = flagship(variant) / flagship('marp-cli');
      console.log(
        `goal, ${variant}: flagship within ${GOAL_VS_PANDOC}× of pandoc: ${vsPandoc.toFixed(2)}× ` +
          `${vsPandoc <= GOAL_VS_PANDOC ? 'MET' : 'MISSED'}; faster than marp-cli: ${vsMarp.toFixed(2)}× ` +
          `${vsMarp < 1 ? 'MET' : 'MISSED'}`,
      );
    }
    for (const deck of decks) {
      const pandoc = stat('pandoc', deck.label).ms;
      const edited = stat('proofdeck (source edited)', deck.label).ms / pandoc;
      const name = compare && path.basename(compare);
      const other = name ? ` (${name}: ${(stat(`${name} (source edited)`, deck.label).ms / pandoc).toFixed(2)}×)` : '';
      console.log(
        `goal, rebuild after an edit on ${deck.label}: within ${GOAL_EDITED_VS_PANDOC}× of pandoc: ` +
          `${edited.toFixed(2)}× ${edited <= GOAL_EDITED_VS_PANDOC ? 'MET' : 'MISSED'}${other}`,
      );
    }
    console.log("(peak RSS: median over the runs of each run's peak; ratio < 1× means proofdeck is faster / smaller)");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
