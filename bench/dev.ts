/**
 * Authoring loop: time from saving a one-word edit of the flagship deck to the new text showing on the same slide
 * in chromium, with warm caches (issue 16 goal: median under 100 ms on a quiet machine), and the diagram and snippet
 * edit times. `--compare <checkout>` runs another checkout's dev server (e.g. main in a worktree of its own) in the
 * same run, its text edits interleaved with these, so a loaded machine slows both alike: the ratio is the figure.
 *
 *   node bench/dev.ts [--runs N] [--compare /path/to/other/checkout]
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../src/browser/browser.ts';
import type { DevServer, startDev } from '../src/dev/server.ts';
import { formatMs, formatTable, median } from './lib.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, compare: { type: 'string' } } });
const runs = Number(values.runs) || 15;
const repo = path.resolve(import.meta.dirname, '..');
const marker = 'C is powerful, and error-prone';

/** One dev server of a checkout on a copy of the flagship, its caches seeded from the checkout's, and a page on it. */
interface Side {
  label: string;
  root: string;
  deckFile: string;
  original: string;
  server: DevServer;
  page: Page;
}

const browser = await launchBrowser();
// The page type from the browser itself: bench/node_modules (the peer tools) may hold another puppeteer-core.
type Page = Awaited<ReturnType<typeof browser.newPage>>;

async function openSide(label: string, checkout: string): Promise<Side> {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-dev-'));
  cpSync(path.join(repo, 'decks', 'rust-in-kernel'), path.join(root, 'decks', 'rust-in-kernel'), { recursive: true });
  // Snippet verdicts, diagrams and highlighting from the checkout's caches: the first build is not what is measured.
  for (const kind of ['snippets', 'diagrams', 'highlight']) {
    const from = path.join(checkout, 'node_modules', '.cache', 'proofdeck', kind);
    if (existsSync(from))
      cpSync(from, path.join(root, 'node_modules', '.cache', 'proofdeck', kind), { recursive: true });
  }
  const deckFile = path.join(root, 'decks', 'rust-in-kernel', 'deck.md');
  const original = readFileSync(deckFile, 'utf8');
  if (!original.includes(marker))
    throw new Error(`the flagship deck no longer contains "${marker}"; update bench/dev.ts`);
  const module = (await import(path.join(checkout, 'src', 'dev', 'server.ts'))) as { startDev: typeof startDev };
  // No background reprint of PDFs: with two servers interleaved, a side idles long enough to start one.
  const server = await module.startDev({ root, port: 0, printoutDelayMs: 0 });
  const page = await browser.newPage();
  await page.goto(`${server.url}rust-in-kernel/index.html#/motivation`, { waitUntil: 'load' });
  return { label, root, deckFile, original, server, page };
}

/**
 * Saves a one-word edit of the motivation slide; resolves with save → text shown (the fast path's slide, or the
 * full build's reload where there is none) and save → rebuilt (the full build, written to dist/).
 */
async function textEdit(side: Side, word: string): Promise<{ rebuild: number; total: number }> {
  const built = side.server.nextBuild();
  const shown = side.page.waitForFunction(
    (text) => document.querySelector('.reveal .slides section.present')?.textContent?.includes(text),
    { polling: 'mutation', timeout: 120_000 },
    `and ${word}`,
  );
  const saved = performance.now();
  writeFileSync(side.deckFile, side.original.replace(marker, `C is powerful, and ${word}`));
  await shown;
  const total = performance.now() - saved;
  // The next edit waits for this one's full build: a pause in typing, and the same start for every edit.
  const { ms } = await built;
  return { rebuild: ms, total };
}

const sides = [await openSide('this checkout', repo)];
if (values.compare)
  sides.push(await openSide(path.basename(path.resolve(values.compare)), path.resolve(values.compare)));
const [self] = sides;
if (!self) throw new Error('no dev server');

const times = new Map(sides.map((side) => [side, { rebuild: [] as number[], total: [] as number[] }]));
for (let i = 0; i <= runs; i++) {
  for (const side of sides) {
    const result = await textEdit(side, `edit${i}`);
    // The first edit warms the highlighter and the module graph of the rebuild path; it is not counted.
    if (i === 0) continue;
    times.get(side)?.rebuild.push(result.rebuild);
    times.get(side)?.total.push(result.total);
  }
}

/** Shows the slide whose text holds `text` (whitespace ignored: diagram labels wrap). */
async function showSlideWith(text: string): Promise<void> {
  const found = await self!.page.evaluate(
    (wanted) => {
      const flat = (node: Element) => (node.textContent ?? '').replace(/\s+/g, '');
      const tops = [...document.querySelectorAll('.reveal .slides > section')];
      for (const [h, top] of tops.entries()) {
        const inner = [...top.querySelectorAll(':scope > section')];
        const v = inner.findIndex((section) => flat(section).includes(wanted));
        if (v >= 0 || (inner.length === 0 && flat(top).includes(wanted))) {
          (window as unknown as { Reveal: { slide(h: number, v: number): void } }).Reveal.slide(h, Math.max(v, 0));
          return true;
        }
      }
      return false;
    },
    text.replace(/\s+/g, ''),
  );
  if (!found) throw new Error(`no slide shows "${text}"`);
}

/** Save → shown on the slide and save → rebuilt, for edits whose `write(i)` makes `shows(i)` appear there. */
async function timeEdits(
  count: number,
  write: (i: number) => void,
  shows: (i: number) => string,
): Promise<{ shown: number[]; rebuilt: number[] }> {
  const result = { shown: [] as number[], rebuilt: [] as number[] };
  for (let i = 0; i <= count; i++) {
    const built = self!.server.nextBuild();
    const appeared = self!.page.waitForFunction(
      (text) =>
        document.querySelector('.reveal .slides section.present')?.textContent?.replace(/\s+/g, '').includes(text),
      { polling: 'mutation', timeout: 120_000 },
      shows(i).replace(/\s+/g, ''),
    );
    const saved = performance.now();
    write(i);
    await appeared;
    const shown = performance.now() - saved;
    const { ok } = await built;
    if (!ok) throw new Error('an edit did not build');
    // The first edit of a kind loads what the others reuse (the mermaid page, the compiler's caches).
    if (i === 0) continue;
    result.shown.push(shown);
    result.rebuilt.push(performance.now() - saved);
  }
  return result;
}

// A label of the data-driven timeline: the diagram must be rendered again (warm mermaid page).
const milestones = path.join(self.root, 'decks', 'rust-in-kernel', 'milestones.yaml');
const milestonesText = readFileSync(milestones, 'utf8');
const stamp = Date.now();
const label = 'Out-of-tree Rust module experiments';
await showSlideWith(label);
const diagram = await timeEdits(
  Math.min(runs, 7),
  (i) => writeFileSync(milestones, milestonesText.replace(label, `Experiments ${stamp}-${i}`)),
  (i) => `Experiments ${stamp}-${i}`,
);
const restored = self.server.nextBuild();
writeFileSync(milestones, milestonesText);
await restored;
// A Rust snippet's text: compiled again (compile time + the rest of the rebuild).
const code = 'let mut buf = [0u8; 8];';
await showSlideWith(code);
const snippet = await timeEdits(
  Math.min(runs, 5),
  (i) => writeFileSync(self.deckFile, self.original.replace(code, `${code} let _edit = ${stamp % 100000}${i};`)),
  (i) => `let _edit = ${stamp % 100000}${i};`,
);
await browser.close();
for (const side of sides) await side.server.close();

const row = (name: string, values: readonly number[]) => [
  name,
  formatMs(median(values)),
  formatMs(Math.min(...values)),
  formatMs(Math.max(...values)),
];
const rows = sides.flatMap((side) => {
  const { rebuild, total } = times.get(side) ?? { rebuild: [], total: [] };
  const suffix = sides.length > 1 ? ` (${side.label})` : '';
  return [
    row(`save → rebuilt (watch + build)${suffix}`, rebuild),
    row(`save → new text on the same slide in chromium${suffix}`, total),
  ];
});
rows.push(
  row('diagram edit: save → new diagram on the slide', diagram.shown),
  row('diagram edit: save → rebuilt', diagram.rebuilt),
  row('snippet edit: save → new code and verdict on the slide', snippet.shown),
  row('snippet edit: save → rebuilt', snippet.rebuilt),
);
process.stdout.write(`proofdeck dev, flagship deck, ${runs} one-word edits (median), warm caches\n\n`);
process.stdout.write(formatTable(['measure', 'median', 'min', 'max'], rows));
const shown = median(times.get(self)?.total ?? []);
process.stdout.write(`\ngoal: save → new text under 100 ms: ${shown < 100 ? 'met' : 'MISSED'}\n`);
const other = sides[1];
if (other) {
  const ratio = shown / median(times.get(other)?.total ?? []);
  process.stdout.write(`save → new text, this checkout / ${other.label}: ${ratio.toFixed(2)}×\n`);
}
