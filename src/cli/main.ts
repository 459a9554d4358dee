/** The `proofdeck` command: argv → library calls → report → exit code. The only module that touches process.*. */
import { writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_OUT_DIR } from '../config/defaults.ts';
import type { DialectName } from '../dialect/types.ts';
import { buildDecks, checkDecks } from '../pipeline/build.ts';
import { scaffoldDeck, scaffoldGitignore } from '../pipeline/scaffold.ts';
import { convertDeck } from '../pipeline/convert.ts';
import { formatWith, REPORTERS, type Reporter } from '../report/reporters.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { inShard } from '../model/shard.ts';
import { diagnosticsToFiles, mergeReports, readJsonReport } from '../pipeline/merge.ts';
import {
  type BuildFlags,
  type CheckFlags,
  fromOption,
  parsePort,
  withBuildOptions,
  withCheckOptions,
} from './options.ts';
import { interactive, pkg, report, verdictsOf, withMissingTools } from './report.ts';

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
