/**
 * Docs-site build time: the flagship deck, and a 50-page documentation fixture, built by proofdeck
 * (`build --no-pdf`, which writes the decks and dist/site/), side by side with `pandoc -s` turning the
 * same markdown files into standalone HTML. Prints medians, ratios and the search index size.
 * Run: node bench/site.ts [--runs N]
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackages, formatKiB, formatMs, formatTable, measure, median, run, type Command } from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FLAGSHIP = path.join(ROOT, 'decks', 'rust-in-kernel');

/** 50 documentation pages with headings, prose, lists, a table and code: the shape of a small handbook. */
function writePages(decksDir: string, count: number): string[] {
  const notes = readFileSync(path.join(FLAGSHIP, 'deck.md'), 'utf8')
    .split(':::notes')
    .slice(1)
    .map((block) => block.split('\n:::')[0]?.trim() ?? '');
  const files: string[] = [];
  for (let n = 1; n <= count; n++) {
    const prose = notes.slice(n % notes.length, (n % notes.length) + 3).join('\n\n');
    const file = path.join(decksDir, `page-${String(n).padStart(2, '0')}.md`);
    writeFileSync(
      file,
      `---\ntitle: Handbook page ${n}\nkind: page\nabstract: Page ${n} of the benchmark handbook.\n---\n\n# ` +
        `Handbook page ${n}\n\n${prose}\n\n## Checklist\n\n- Build the module\n- Load it with \`insmod\`\n- Read ` +
        `\`dmesg\`\n\n## Example\n\n\`\`\`sh\nmake -C /lib/modules/$(uname -r)/build M=$PWD modules\n\`\`\`\n\n## ` +
        `Versions\n\n| Version | Year |\n|---|---|\n| 6.1 | 2022 |\n| 6.8 | 2024 |\n`,
    );
    files.push(file);
  }
  return files;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  ensureDebianPackages(['pandoc', 'time']);
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-site-'));
  try {
    const flagshipProject = path.join(scratch, 'flagship');
    cpSync(FLAGSHIP, path.join(flagshipProject, 'decks', 'rust-in-kernel'), { recursive: true });
    const pagesProject = path.join(scratch, 'pages');
    mkdirSync(path.join(pagesProject, 'decks'), { recursive: true });
    const pages = writePages(path.join(pagesProject, 'decks'), 50);
    const proofdeck = (cwd: string, extra: string[] = []): Command => ({
      program: process.execPath,
      args: [path.join(ROOT, 'bin', 'proofdeck.js'), 'build', '--no-pdf', ...extra],
      cwd,
    });
    const pandocAll = (files: readonly string[], out: string): Command => ({
      program: 'sh',
      args: ['-c', files.map((file, i) => `pandoc -s '${file}' -o '${out}/${i}.html'`).join(' && ')],
      cwd: scratch,
    });
    const outDir = path.join(scratch, 'pandoc-out');
    mkdirSync(outDir);
    const cases = [
      {
        label: 'flagship deck',
        cwd: flagshipProject,
        files: [path.join(flagshipProject, 'decks', 'rust-in-kernel', 'deck.md')],
      },
      { label: '50 pages', cwd: pagesProject, files: pages },
    ];
    // Warm-up: fills proofdeck's snippet, diagram and highlight caches, as in everyday use; fails early.
    for (const c of cases) {
      run(proofdeck(c.cwd));
      run(pandocAll(c.files, outDir));
    }
    const rows: string[][] = [];
    for (const c of cases) {
      const full: number[] = [];
      const noSite: number[] = [];
      const pandoc: number[] = [];
      let rss = 0;
      for (let i = 0; i < runs; i++) {
        const sample = measure(proofdeck(c.cwd));
        full.push(sample.ms);
        rss = Math.max(rss, sample.rssKiB);
        noSite.push(measure(proofdeck(c.cwd, ['--no-site'])).ms);
        pandoc.push(measure(pandocAll(c.files, outDir)).ms);
      }
      const index = statSync(path.join(c.cwd, 'dist', 'site', 'search-index.js')).size;
      const siteOnly = Math.max(0, median(full) - median(noSite));
      rows.push([
        c.label,
        formatMs(median(full)),
        formatMs(siteOnly),
        formatMs(median(pandoc)),
        `${(median(full) / median(pandoc)).toFixed(2)}×`,
        `${(index / 1024).toFixed(0)} KiB`,
        formatKiB(rss),
      ]);
    }
    process.stdout.write(
      `docs site benchmark · median of ${runs} runs · proofdeck build --no-pdf (decks + dist/site/, warm caches) ` +
        `vs pandoc -s per file\n\n`,
    );
    process.stdout.write(
      formatTable(
        ['input', 'proofdeck build', 'of which site', 'pandoc -s', 'proofdeck/pandoc', 'search index', 'peak RSS'],
        rows,
      ),
    );
    process.stdout.write(
      '\n"of which site" = build minus build --no-site. pandoc makes one standalone page per file: no ' +
        'navigation, search, checks or deck.\n',
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
