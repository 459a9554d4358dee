/** What a checking command prints: the snippet list, the report in the chosen format, and the exit code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { formatShard } from '../model/shard.ts';
import type { BlockVerdict, SnippetResult, SnippetStatus } from '../model/snippet.ts';
import type { CheckResult } from '../pipeline/build.ts';
import { formatWith } from '../report/reporters.ts';
import { countMessages } from '../report/text.ts';
import { blockVerdicts } from '../snippet/block-states.ts';
import { findMissingTools } from '../snippet/check/verify.ts';
import { EXIT } from './exit-codes.ts';
import type { CheckFlags } from './options.ts';

export const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

/** Line-based output when not a terminal or under CI; a rewritten progress line otherwise. */
export const interactive = () => process.stderr.isTTY === true && process.env.CI !== 'true';

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
export function withMissingTools(code: number, snippets: CheckResult['snippetResults']): number {
  const results = [...snippets.values()].flatMap((byId) => [...byId.values()]);
  return findMissingTools(results).length > 0 ? EXIT.missingTool : code;
}

/**
 * Every fenced block's final state, paths relative to the working folder. `owns`: whether this run reports
 * a deck's own blocks (`check --shard` reports only its decks', plus the snippets it proved).
 */
export function verdictsOf(result: CheckResult, owns: (position: number) => boolean): BlockVerdict[] {
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
export function report(
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
