/** The `proofdeck` command: argv → library calls → report → exit code. The only module that touches process.*. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { buildDecks, checkDecks } from '../build/build.ts';
import { UsageError } from '../build/discover.ts';
import { scaffoldDeck } from '../build/scaffold.ts';
import { countMessages, formatReport } from '../report/text.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { HANDOUT_LAYOUTS, PAPER_SIZES, type HandoutLayout, type Paper } from '../render/pdf/handout.ts';
import type { FragmentMode } from '../render/pdf/print.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

interface CommonFlags {
  theme?: string;
  cache: boolean;
}

interface BuildFlags extends CommonFlags {
  out: string;
  pdf: boolean;
  pdfFragments: FragmentMode;
  handout: HandoutLayout;
  paper: Paper;
}

async function build(paths: string[], flags: BuildFlags, pdf: boolean): Promise<number> {
  const tty = process.stderr.isTTY === true && process.env.CI !== 'true';
  const result = await buildDecks({
    paths,
    outDir: flags.out,
    theme: flags.theme,
    noCache: !flags.cache,
    pdf,
    pdfFragments: flags.pdfFragments,
    handoutLayout: flags.handout,
    paper: flags.paper,
    onProgress: ({ deck, phase, ms }) => {
      if (phase === 'start' && tty) process.stderr.write(`\rprinting ${deck} PDFs…\u001B[K`);
      if (phase === 'done') process.stderr.write(`${tty ? '\r\u001B[K' : ''}printed ${deck} PDFs in ${Math.round(ms ?? 0)} ms\n`);
    },
  });
  const code = report(result.files);
  for (const name of result.written) process.stderr.write(`built ${flags.out}/${name}/index.html${pdf ? `, ${name}.pdf, ${name}-handout.pdf` : ''}\n`);
  return code;
}

function report(files: Parameters<typeof formatReport>[0]): number {
  const text = formatReport(files, { color: process.stderr.isTTY === true });
  process.stderr.write(text);
  return countMessages(files).errors > 0 ? EXIT.findings : EXIT.ok;
}

function program(setExit: (code: number) => void): Command {
  const cli = new Command('proofdeck')
    .description('Markdown talks to reveal.js decks, with every C and Rust snippet proved.')
    .version(pkg.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  cli
    .command('build')
    .description('check and build decks (default: every deck under decks/) into dist/')
    .argument('[paths...]', 'deck folders or markdown files')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-t, --theme <name>', 'theme for every deck, overriding the frontmatter')
    .option('--no-cache', 'ignore and do not write the snippet and diagram caches')
    .option('--no-pdf', 'skip the slide and handout PDFs')
    .addOption(new Option('--pdf-fragments <mode>', 'fragments in the slide PDF').choices(['final', 'steps']).default('final'))
    .addOption(new Option('--handout <layout>', 'handout layout').choices([...HANDOUT_LAYOUTS]).default('notes'))
    .addOption(new Option('--paper <size>', 'handout paper size').choices([...PAPER_SIZES]).default('A4'))
    .action(async (paths: string[], flags: BuildFlags) => setExit(await build(paths, flags, flags.pdf)));

  cli
    .command('pdf')
    .description('build decks and their slide and handout PDFs (same as build)')
    .argument('[paths...]', 'deck folders or markdown files')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-t, --theme <name>', 'theme for every deck, overriding the frontmatter')
    .option('--no-cache', 'ignore and do not write the snippet and diagram caches')
    .addOption(new Option('--pdf-fragments <mode>', 'fragments in the slide PDF').choices(['final', 'steps']).default('final'))
    .addOption(new Option('--handout <layout>', 'handout layout').choices([...HANDOUT_LAYOUTS]).default('notes'))
    .addOption(new Option('--paper <size>', 'handout paper size').choices([...PAPER_SIZES]).default('A4'))
    .action(async (paths: string[], flags: BuildFlags) => setExit(await build(paths, flags, true)));

  cli
    .command('check')
    .description('check decks without writing anything')
    .argument('[paths...]', 'deck folders or markdown files')
    .option('-t, --theme <name>', 'theme to check against')
    .option('--no-cache', 'ignore and do not write the snippet and diagram caches')
    .action(async (paths: string[], flags: CommonFlags) => {
      const result = await checkDecks({ paths, theme: flags.theme, noCache: !flags.cache });
      setExit(report(result.files));
    });

  cli
    .command('new')
    .description('create decks/<name>/deck.md from a template')
    .argument('<name>', 'deck folder name (letters, digits, dashes)')
    .action((name: string) => {
      const file = scaffoldDeck(process.cwd(), name);
      process.stdout.write(`created ${file}\nnext: proofdeck build decks/${name}\n`);
      setExit(EXIT.ok);
    });
  return cli;
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((value) => (code = value)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      process.stderr.write(`proofdeck: ${error.message}\n`);
      return EXIT.usage;
    }
    const exit = exitCodeFor(error);
    process.stderr.write(exit === EXIT.internal ? `proofdeck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` : `proofdeck: ${error instanceof Error ? error.message : String(error)}\n`);
    return exit;
  }
}
