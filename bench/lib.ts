/** Shared helpers for the benchmarks: tool set-up, one measured run, medians, and a text table. */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** GNU time: its `%M` is the peak resident set size of the command, in KiB. */
const GNU_TIME = '/usr/bin/time';

/** One measured run of a command. */
export interface Sample {
  /** Wall time, milliseconds. */
  ms: number;
  /** Peak resident set size, KiB (the largest process of the run, as getrusage reports it). */
  rssKiB: number;
}

/** A command to measure: program, arguments, and the folder it runs in. */
export interface Command {
  program: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** The median; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs a command once, to completion, without measuring; throws with its output when it fails. */
export function run(command: Command): string {
  const result = spawnSync(command.program, command.args, {
    cwd: command.cwd,
    env: command.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `${[command.program, ...command.args].join(' ')} exited ${result.status ?? result.signal}:\n${result.stdout}` +
        `${result.stderr}`,
    );
  }
  return result.stdout + result.stderr;
}

/**
 * Runs a command under GNU time and returns its wall time (measured here, around the whole spawn)
 * and its peak RSS. Throws with the command's output when it exits non-zero.
 */
export function measure(command: Command): Sample {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-time-'));
  const report = path.join(scratch, 'rss');
  try {
    const start = performance.now();
    run({ ...command, program: GNU_TIME, args: ['-f', '%M', '-o', report, command.program, ...command.args] });
    const ms = performance.now() - start;
    return { ms, rssKiB: Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** True when a Debian package is installed. */
function hasDebianPackage(name: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs the Debian packages that are missing (with sudo unless root), as scripts/setup.sh does. */
export function ensureDebianPackages(names: readonly string[]): void {
  const missing = names.filter((name) => !hasDebianPackage(name));
  if (missing.length === 0) return;
  process.stderr.write(`bench: installing Debian packages: ${missing.join(' ')}\n`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args: string[]): void => {
    const [program, ...rest] = [...sudo, 'apt-get', ...args];
    const result = spawnSync(program as string, rest, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/**
 * Installs bench/package.json's peer tools into bench/node_modules (`npm ci`, or `npm install` when
 * there is no lockfile yet) when they are missing or the lockfile changed since the last install.
 */
export function ensureBenchPackages(benchDir: string): void {
  const lock = path.join(benchDir, 'package-lock.json');
  const stamp = path.join(benchDir, 'node_modules', '.proofdeck-bench-setup');
  if (existsSync(stamp) && existsSync(lock) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs) return;
  const verb = existsSync(lock) ? 'ci' : 'install';
  process.stderr.write(`bench: installing peer tools (npm ${verb} --prefix bench)\n`);
  const result = spawnSync('npm', [verb, '--prefix', benchDir, '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  if (result.status !== 0) throw new Error(`npm ${verb} --prefix ${benchDir} failed`);
  writeFileSync(stamp, '');
}

/** Formats rows as an aligned text table; columns whose header starts with a space are right-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.trim().length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        headers[column]?.startsWith(' ') ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return (
    [
      line(headers.map((header) => header.trim())),
      widths.map((width) => '-'.repeat(width)).join('  '),
      ...rows.map(line),
    ].join('\n') + '\n'
  );
}

/** Milliseconds as `123 ms` or `1.23 s`. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** KiB as `123 MiB`. */
export function formatKiB(kib: number): string {
  return `${(kib / 1024).toFixed(0)} MiB`;
}

/**
 * Writes `times` copies of a deck's body under one frontmatter into `targetDir/deck.md`, with every id made
 * unique per copy (snippet `id=`, `:proof[…]` citations, `#id` of tables and lists, `match="#…"`), and
 * copies the deck's data files, so the result builds without errors like the original.
 */
export function writeRepeatedDeck(deckDir: string, targetDir: string, times: number): string {
  const source = readFileSync(path.join(deckDir, 'deck.md'), 'utf8');
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(source)?.[0] ?? '';
  const body = source.slice(frontmatter.length);
  const copy = (n: number) =>
    body
      .replace(/^( {0,3}(?:`{3,}|~{3,})[^\n]*?\bid=)("?)([^\s"}]+)\2/gm, `$1$2$3-${n}$2`)
      .replace(/:proof\[([^\]]+)\]/g, `:proof[$1-${n}]`)
      .replace(/^(:{3,}(?:table|list)\{[^}\n]*?#)([\w-]+)/gm, `$1$2-${n}`)
      .replace(/(match="[^"]*?#)([\w-]+)/g, `$1$2-${n}`);
  mkdirSync(targetDir, { recursive: true });
  for (const file of readdirSync(deckDir))
    if (file !== 'deck.md') cpSync(path.join(deckDir, file), path.join(targetDir, file), { recursive: true });
  const file = path.join(targetDir, 'deck.md');
  writeFileSync(file, frontmatter + Array.from({ length: times }, (_, index) => copy(index + 1)).join('\n'));
  return file;
}

/** Runs each action in an output folder of its own that did not exist before (a cold build), removed after. */
export function freshFolders(scratch: string): <T>(action: (out: string) => T) => T {
  let fresh = 0;
  return (action) => {
    const out = path.join(scratch, `out-${fresh++}`);
    mkdirSync(out);
    try {
      return action(out);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
}

/** Flags every peer's chromium gets that matter off-line (a subset of proofdeck's own). */
export const PEER_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `Chromium 156.0…` from `chromium --version` (Debian's wrapper may print a shell warning beside it). */
export function chromiumVersion(chromium: string, cwd: string): string {
  return (
    run({ program: chromium, args: ['--version'], cwd })
      .split('\n')
      .find((line) => /chrom/i.test(line) && !line.includes(': [')) ?? 'chromium'
  );
}
