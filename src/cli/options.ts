/** The options of proofdeck's commands and the flags they give: what `check`, `build` and `pdf` share. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_OUT_DIR } from '../config/defaults.ts';
import { DIALECTS, type DialectName } from '../dialect/types.ts';
import { parseShard, type Shard } from '../model/shard.ts';
import { HANDOUT_LAYOUTS, PAPER_SIZES, type HandoutLayout, type Paper } from '../render/pdf/handout.ts';
import type { FragmentMode } from '../render/pdf/print.ts';
import { REPORTERS, type Reporter } from '../report/reporters.ts';

export interface CheckFlags {
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

export interface BuildFlags extends CheckFlags {
  out: string;
  includeHidden: boolean;
  site: boolean;
  base?: string;
  pdf: boolean;
  pdfFragments: FragmentMode;
  handout: HandoutLayout;
  paper: Paper;
}

/** `--from <dialect>`: read the decks as reveal-md, reveal.js, Marp, Slidev or pandoc/Quarto would. */
export function fromOption(): Option {
  return new Option('--from <dialect>', 'markdown dialect of the decks (default: detected per file)').choices([
    ...DIALECTS,
  ]);
}

/** A repeatable option's values, in order. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Options every checking command shares. */
export function withCheckOptions(command: Command): Command {
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

export function withBuildOptions(command: Command): Command {
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
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError('expected a port number from 1 to 65535.');
  }
  return port;
}
