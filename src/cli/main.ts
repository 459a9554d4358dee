/** The `proofdeck` command: argv → library calls → report → exit code. The only module that touches process.*. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { VFile } from 'vfile';
import { buildDecks, checkDecks, type CheckResult } from '../pipeline/build.ts';
import { scaffoldDeck, scaffoldGitignore } from '../pipeline/scaffold.ts';
import { convertDeck } from '../pipeline/convert.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { HANDOUT_LAYOUTS, PAPER_SIZES, type HandoutLayout, type Paper } from '../render/pdf/handout.ts';
import type { BlockVerdict, SnippetResult, SnippetStatus } from '../model/snippet.ts';
import type { FragmentMode } from '../render/pdf/print.ts';
import { formatWith, REPORTERS, type Reporter } from '../report/reporters.ts';
import { countMessages } from '../report/text.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { DIALECTS, type DialectName } from '../dialect/types.ts';
import { formatShard, inShard, parseShard, type Shard } from '../model/shard.ts';
import { blockVerdicts } from '../snippet/block-states.ts';
import { diagnosticsToFiles, mergeReports, readJsonReport } from '../pipeline/merge.ts';
import { DEFAULT_OUT_DIR } from '../config/defaults.ts';
import { findMissingTools } from '../snippet/check/verify.ts';

const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

interface CheckFlags {
  theme?: string;
  from?: DialectName;
  shard?: Shard;
  cache: boolean;
  checkExternal: boolean;
  reporter: Reporter;
  frail: boolean;
  unsafeNoSandbox: boolean;
  allowPath: string[];
}

interface BuildFlags extends CheckFlags {
  out: string;
  includeHidden: boolean;
  site: boolean;
  base?: string;
  pdf: boolean;
  pdfFragments: FragmentMode;
  handout: HandoutLayout;
  paper: Paper;
}

/** Line-based output when not a terminal or under CI; a rewritten progress line otherwise. */
const interactive = () => process.stderr.isTTY === true && process.env.CI !== 'true';

const STATUS_MARKS: Readonly<Record<SnippetStatus, string>> = { proved: '✓', failed: '✗', ignored: '–' };

/** One line per snippet: what it was proved to do, or that it failed. */
function snippetLines(results: readonly SnippetResult[]): string {
  const lines = results.map(
    (r) =>
      `${STATUS_MARKS[r.status]} ${r.id.padEnd(22)} ${r.status === 'ignored' ? 'not checked (ignore)' : r.summary}`,
  );
  return lines.length > 0 ? `${lines.join('\n')}\n\n` : '';
}

/** A compiler that is not installed is a problem of the machine, not of the deck: exit 3 instead of 1. */
function withMissingTools(code: number, snippets: CheckResult['snippetResults']): number {
  const results = [...snippets.values()].flatMap((byId) => [...byId.values()]);
  return findMissingTools(results).length > 0 ? EXIT.missingTool : code;
}

/**
 * Every fenced block's final state, paths relative to the working folder. `owns`: whether this run reports
 * a deck's own blocks (`check --shard` reports only its decks', plus the snippets it proved).
 */
function verdictsOf(result: CheckResult, owns: (position: number) => boolean): BlockVerdict[] {
  return result.decks.flatMap((deck, position) =>
    blockVerdicts(
      deck.blocks,
      path.relative(process.cwd(), deck.file.path),
      result.snippetResults.get(deck) ?? new Map(),
      owns(position),
    ),
  );
}

/** Prints the report (machine formats to stdout, text to stderr) and returns the exit code. */
function report(
  files: readonly VFile[],
  flags: CheckFlags,
  snippets?: CheckResult['snippetResults'],
  blocks?: readonly BlockVerdict[],
): number {
  const results = snippets ? [...snippets.values()].flatMap((byId) => [...byId.values()]) : undefined;
  if (results && flags.reporter === 'text') process.stderr.write(snippetLines(results));
  const shard = flags.shard ? { shard: formatShard(flags.shard) } : {};
  const extra = results
    ? {
        ...shard,
        snippets: results.map(({ id, status, ok, summary, problems, runs, evidence }) => ({
          id,
          status,
          ok,
          summary,
          problems,
          ...(evidence ? { evidence } : {}),
          runs: runs.map(({ tool, version, outcome, exitCode, report, cached, durationMs }) => ({
            tool,
            version,
            outcome,
            exitCode,
            report,
            cached,
            durationMs,
          })),
        })),
      }
    : shard;
  const text = formatWith(flags.reporter, files, {
    version: pkg.version,
    color: interactive() && !process.env.NO_COLOR,
    extra,
    blocks,
  });
  (flags.reporter === 'text' ? process.stderr : process.stdout).write(text);
  const { errors, warnings } = countMessages(files);
  return errors > 0 || (flags.frail && warnings > 0) ? EXIT.findings : EXIT.ok;
}

async function build(paths: string[], flags: BuildFlags, pdf: boolean): Promise<number> {
  const printMs = new Map<string, number>();
  const result = await buildDecks({
    paths,
    outDir: flags.out,
    theme: flags.theme,
    from: flags.from,
    noCache: !flags.cache,
    checkExternal: flags.checkExternal,
    unsafeNoSandbox: flags.unsafeNoSandbox,
    allowPaths: flags.allowPath,
    shard: flags.shard,
    frail: flags.frail,
    includeHidden: flags.includeHidden,
    ...(flags.site ? {} : { site: false }),
    base: flags.base,
    pdf,
    pdfFragments: flags.pdfFragments,
    handoutLayout: flags.handout,
    paper: flags.paper,
    // Only a transient progress line while printing: what was written is said after the checks' report.
    onProgress: ({ deck, phase, ms }) => {
      if (phase === 'start' && interactive()) process.stderr.write(`\rprinting ${deck} PDFs…\u001B[K`);
      if (phase === 'done') {
        printMs.set(deck, ms ?? 0);
        if (interactive()) process.stderr.write('\r\u001B[K');
      }
    },
  });
  // A build's shard builds only its own decks: every block listed is its own.
  const blocks = verdictsOf(result, () => true);
  const code = withMissingTools(report(result.files, flags, undefined, blocks), result.snippetResults);
  for (const name of result.written) {
    const ms = printMs.get(name);
    const pdfs = pdf
      ? `, ${name}.pdf, ${name}-handout.pdf${ms === undefined ? '' : ` (printed in ${Math.round(ms)} ms)`}`
      : '';
    process.stderr.write(
      name === 'site' ? `built ${flags.out}/site/ (docs site)\n` : `built ${flags.out}/${name}/index.html${pdfs}\n`,
    );
  }
  return code;
}

/** `--from <dialect>`: read the decks as reveal-md, reveal.js, Marp, Slidev or pandoc/Quarto would. */
function fromOption(): Option {
  return new Option('--from <dialect>', 'markdown dialect of the decks (default: detected per file)').choices([
    ...DIALECTS,
  ]);
}

/** A repeatable option's values, in order. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Options every checking command shares. */
function withCheckOptions(command: Command): Command {
  return command
    .argument(
      '[paths...]',
      'deck folders, markdown files, mdBook folders (book.toml), folders of markdown (default: every deck in decks/)',
    )
    .option('-t, --theme <name>', 'theme for every deck, overriding the frontmatter')
    .addOption(fromOption())
    .option('--no-cache', 'ignore and do not write the snippet and diagram caches')
    .addOption(new Option('--reporter <format>', 'report format').choices([...REPORTERS]).default('text'))
    .option('--frail', 'exit 1 on warnings too, and on every block that is not proved', false)
    .option('--check-external', 'also request every external link (slow; needs network)', false)
    .option('--unsafe-no-sandbox', 'run snippets without bubblewrap when it is unusable (trusted sources only)', false)
    .option('--allow-path <dir>', 'a folder outside the project that files may come from (repeatable)', collect, [])
    .option('--shard <i/n>', 'do share i of n of the work (CI matrix); join reports with merge-reports', parseShard);
}

function withBuildOptions(command: Command): Command {
  return withCheckOptions(command)
    .option('-o, --out <dir>', 'output folder', DEFAULT_OUT_DIR)
    .option('--no-site', 'skip the docs site (dist/site/)')
    .option('--include-hidden', 'build hidden slides too (they are checked either way)', false)
    .option('--base <url>', 'public URL or path of dist/site/ for sitemap.xml and 404.html (default: site.base, or /)')
    .addOption(
      new Option('--pdf-fragments <mode>', 'fragments in the slide PDF').choices(['final', 'steps']).default('final'),
    )
    .addOption(new Option('--handout <layout>', 'handout layout').choices([...HANDOUT_LAYOUTS]).default('notes'))
    .addOption(new Option('--paper <size>', 'handout paper size').choices([...PAPER_SIZES]).default('A4'));
}

/** `--port`: a TCP port number, checked before anything is built (commander exits 2 with the message). */
function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError('expected a port number from 1 to 65535.');
  }
  return port;
}

function program(setExit: (code: number) => void): Command {
  const cli = new Command('proofdeck')
    .description('Markdown talks to reveal.js decks, PDFs and a docs site, with every C and Rust snippet proved.')
    .version(pkg.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  withBuildOptions(cli.command('build').description('check and build decks into dist/: deck, slide PDF, handout PDF'))
    .option('--no-pdf', 'skip the slide and handout PDFs')
    .action(async (paths: string[], flags: BuildFlags) => setExit(await build(paths, flags, flags.pdf)));

  withBuildOptions(
    cli.command('pdf').description('build decks with their slide and handout PDFs (same as build)'),
  ).action(async (paths: string[], flags: BuildFlags) => setExit(await build(paths, flags, true)));

  withCheckOptions(cli.command('check').description('check decks without writing anything')).action(
    async (paths: string[], flags: CheckFlags) => {
      const result = await checkDecks({
        paths,
        theme: flags.theme,
        from: flags.from,
        noCache: !flags.cache,
        checkExternal: flags.checkExternal,
        unsafeNoSandbox: flags.unsafeNoSandbox,
        allowPaths: flags.allowPath,
        shard: flags.shard,
        frail: flags.frail,
      });
      const blocks = verdictsOf(result, (position) => inShard(position, flags.shard));
      const code = report(result.files, flags, result.snippetResults, blocks);
      setExit(withMissingTools(code, result.snippetResults));
    },
  );

  cli
    .command('dev')
    .description('serve dist/ with live reload, rebuilding decks when their sources change')
    .argument('[paths...]', 'decks to watch (default: all)')
    .option('-p, --port <port>', 'port', parsePort, 3000)
    .option('--host <host>', 'address to listen on (use 0.0.0.0 to expose)', '127.0.0.1')
    .option('-o, --out <dir>', 'output folder', DEFAULT_OUT_DIR)
    .addOption(fromOption())
    .action(async (paths: string[], flags: { port: number; host: string; out: string; from?: DialectName }) => {
      const { startDev } = await import('../dev/server.ts');
      const server = await startDev({
        paths,
        outDir: flags.out,
        from: flags.from,
        port: flags.port,
        host: flags.host,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stderr.write(`proofdeck dev: serving ${flags.out}/ at ${server.url} (Ctrl-C to stop)\n`);
      await untilStopped(server);
      setExit(EXIT.ok);
    });

  cli
    .command('convert')
    .description('print a Marp or Slidev deck as native proofdeck markdown')
    .argument('<file>', 'the markdown file')
    .addOption(fromOption())
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .action((file: string, flags: { from?: DialectName; out?: string }) => {
      const converted = convertDeck(file, { from: flags.from });
      const failed = converted.markdown === undefined || converted.file.messages.some((m) => m.fatal);
      if (!failed && flags.out) writeFileSync(flags.out, converted.markdown ?? '');
      else if (!failed) process.stdout.write(converted.markdown ?? '');
      if (converted.file.messages.length > 0)
        process.stderr.write(formatWith('text', [converted.file], { version: pkg.version, color: false, extra: {} }));
      setExit(failed ? EXIT.findings : EXIT.ok);
    });

  cli
    .command('merge-reports')
    .description('join the JSON reports of check --shard jobs into one report')
    .argument('<reports...>', 'files written by check --reporter json')
    .addOption(new Option('--reporter <format>', 'report format').choices([...REPORTERS]).default('text'))
    .option('--frail', 'exit 1 on warnings too', false)
    .action((files: string[], flags: { reporter: Reporter; frail: boolean }) => {
      const merged = mergeReports(files.map((file) => readJsonReport(file)));
      if (flags.reporter === 'json') process.stdout.write(`${JSON.stringify(merged, null, 2)}\n`);
      else {
        const text = formatWith(flags.reporter, diagnosticsToFiles(merged.diagnostics, process.cwd()), {
          version: merged.version || pkg.version,
          color: interactive() && !process.env.NO_COLOR,
          blocks: merged.blocks?.map(({ file, line, column, state, lang, why }) => ({
            file,
            line,
            column,
            state,
            lang: String(lang ?? ''),
            ...(typeof why === 'string' ? { why } : {}),
          })),
        });
        (flags.reporter === 'text' ? process.stderr : process.stdout).write(text);
      }
      setExit(merged.errors > 0 || (flags.frail && merged.warnings > 0) ? EXIT.findings : EXIT.ok);
    });

  cli
    .command('new')
    .description('create decks/<name>/deck.md from a template')
    .argument('<name>', 'deck folder name (letters, digits, dashes)')
    .action((name: string) => {
      const file = scaffoldDeck(process.cwd(), name);
      const ignore = scaffoldGitignore(process.cwd());
      // `proofdeck` is not on PATH in a project that installed it with npm: npx finds node_modules/.bin.
      process.stdout.write(
        `created ${[file, ignore].filter(Boolean).join(', ')}\nnext:\n` +
          `  npx proofdeck check decks/${name}   prove the snippets, check the deck\n` +
          `  npx proofdeck dev decks/${name}     live preview\n` +
          `  npx proofdeck build decks/${name}   deck and PDFs into dist/${name}/\n`,
      );
      setExit(EXIT.ok);
    });
  return cli;
}

/**
 * Waits for SIGINT or SIGTERM (Ctrl-C, process managers, `docker stop`), then closes server, watcher and
 * browser. Both handlers stay installed until then, so a signal during close cannot kill the process halfway.
 */
async function untilStopped(server: { close(): Promise<void> }): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  // Everything proofdeck opened is closed; chromium's helper processes may hold inherited pipes for up to a
  // second after the browser is killed, and a process manager waiting on SIGTERM should not wait for them.
  process.exit(EXIT.ok);
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((value) => (code = value)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const exit = exitCodeFor(error);
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      exit === EXIT.internal
        ? `proofdeck: internal error: ${error instanceof Error ? (error.stack ?? text) : text}\n`
        : `proofdeck: ${text}\n`,
    );
    return exit;
  }
}
