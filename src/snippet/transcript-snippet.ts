/**
 * A console transcript as a snippet: `$ cat FILE.c`, the source, then the compile-and-run lines and the
 * output they printed, in one block or across two neighbouring blocks.
 */
import type { Code } from 'mdast';
import type { VFile } from 'vfile';
import type { Snippet } from '../model/snippet.ts';
import { addWarning } from '../report/messages.ts';
import { contentLines } from './fence-position.ts';
import type { SourceLine } from './source-lines.ts';
import { parseTranscript, type TranscriptRefusal } from './transcript.ts';

/** Warns that a transcript shows a program proofdeck cannot prove as written. */
export function reportRefusal(file: VFile, refusal: TranscriptRefusal): void {
  addWarning(
    file,
    `this transcript is not proved: ${refusal.reason}`,
    { line: refusal.line, column: 1 },
    'snippet/transcript-not-proved',
    'show `$ cat FILE.c`, then `$ gcc|clang [flags] FILE.c && ./a.out` and its output',
  );
}

/** A transcript block waiting for the next one to show its run. */
export interface PendingTranscript {
  lines: SourceLine[];
  refusal: TranscriptRefusal;
}

/**
 * The program a console transcript shows (joined with `earlier`, the block before it, when that one awaits
 * its run), a block that awaits the next one's run, `'refused'` (reported as a warning), or undefined for
 * an ordinary shell session.
 */
export function transcriptSnippet(
  node: Code,
  file: VFile,
  source: string[],
  edition: Snippet['edition'],
  earlier: PendingTranscript | undefined,
): Snippet | PendingTranscript | 'refused' | undefined {
  const own = contentLines(node, source);
  const joined = earlier ? parseTranscript([...earlier.lines, ...own]) : undefined;
  const completes = joined !== undefined && !('reason' in joined);
  if (earlier && !completes) reportRefusal(file, earlier.refusal);
  const parsed = completes ? joined : parseTranscript(own);
  if (!parsed) return undefined;
  if ('reason' in parsed) {
    if (parsed.awaitsRun) return { lines: own, refusal: parsed };
    reportRefusal(file, parsed);
    return 'refused';
  }
  const [primary, ...others] = parsed.sources;
  if (!primary) return undefined;
  return {
    id: '',
    lang: parsed.lang,
    displayed: node.value,
    program: primary.text,
    lineMap: primary.lines.map((line) => line.line),
    columnMap: primary.lines.map((line) => line.column),
    file: file.path,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
    expectation: {
      kind: 'transcript',
      output: parsed.output.map((line) => line.text),
      lines: parsed.output.map((line) => line.line),
      ...(parsed.exit ? { exit: parsed.exit } : {}),
    },
    compilers: [parsed.compiler],
    warns: [],
    edition,
    flags: parsed.flags,
    noRun: false,
    wrapped: false,
    fileName: primary.name,
    files: [...others.map(({ lines: _lines, ...rest }) => rest), ...parsed.others],
    ...(parsed.env.length > 0 ? { env: parsed.env } : {}),
  };
}
