/**
 * Compares the output a transcript shows with what the program really printed, the way sanitizer
 * documentation is read: process ids (`==1234==`, `pid=1234`), addresses (`0x…`), directories and columns
 * vary between runs and machines; stack frames are compared by function only (`#0 0x… in main leak.c:4`), and
 * only frames in the program's own files: runtime and libc frames differ between versions
 * (`__libc_start_main` vs `__libc_start_call_main`) and say nothing about the program.
 * Every shown line must appear, in order, in the real stdout or stderr; the real run may print more
 * (extra frames, hints) since docs abbreviate.
 */

import { describeStatus } from '../transcript-exit.ts';

/** Where a shown line was not found, and the nearest real line for the message. */
export interface TranscriptMismatch {
  /** Index of the shown line. */
  index: number;
  shown: string;
}

// ASan/LSan/MSan: `#0 0x… in main leak.c:4`; TSan: `#0 Thread1 race.c:4 (exe+0x…)`.
const FRAME = /^#\d+ (?:0x… in )?(\S+)/;

/** One output line in the comparable form. */
export function normalizeOutputLine(line: string): string {
  const text = line
    .replace(/==\d+==/g, '==PID==')
    .replace(/\b(pid|tid)=\d+/g, '$1=ID')
    // Which thread ASan/TSan numbers T1 or T2 depends on scheduling.
    .replace(/\bT\d+\b/g, 'T…')
    .replace(/0x[0-9a-fA-F]+/g, '0x…')
    // `/tmp/x/leak.c:4:10` and `leak.c:4` are the same place.
    .replace(/(?:\/[^\s/:()]+)+\/([^\s/:()]+)/g, '$1')
    .replace(/(\.\w+:\d+):\d+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const frame = FRAME.exec(text);
  // ASan names interceptors `__interceptor_malloc` in some versions and `malloc` in others.
  if (frame) return `#frame in ${(frame[1] ?? '').replace(/^_*interceptor_/, '')}`;
  return text;
}

function comparable(lines: string[]): string[] {
  return lines.map(normalizeOutputLine);
}

/** Shown lines that are no claim: blank, an ellipsis for omitted output, a frame outside the program. */
function isFiller(line: string, sources: readonly string[]): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed === '...' || trimmed === '…') return true;
  return /^#\d+ /.test(trimmed) && !sources.some((name) => trimmed.includes(name));
}

/** The first shown line missing from the real output (in order), or undefined when all were found. */
export function compareTranscript(
  shown: readonly string[],
  output: { stdout: string; stderr: string; sources: readonly string[] },
): TranscriptMismatch | undefined {
  const { stdout, stderr, sources } = output;
  const streams = [comparable(stdout.split('\n')), comparable(stderr.split('\n'))];
  const cursors = [0, 0];
  for (const [index, line] of shown.entries()) {
    if (isFiller(line, sources)) continue;
    const wanted = normalizeOutputLine(line);
    let found = false;
    for (const [stream, lines] of streams.entries()) {
      const at = lines.indexOf(wanted, cursors[stream]);
      if (at !== -1) {
        cursors[stream] = at + 1;
        found = true;
        break;
      }
    }
    if (!found) return { index, shown: line };
  }
  return undefined;
}

/** Why the real exit status is not the one shown (`$ echo $?`, a shell's abort line), or undefined. */
export function exitMismatch(
  shown: { status: number } | undefined,
  real: number | undefined,
  tool: string,
): string | undefined {
  if (shown === undefined || real === shown.status) return undefined;
  const actual = real === undefined ? 'has no exit status' : `exited with ${describeStatus(real)}`;
  return `the transcript shows exit ${describeStatus(shown.status)}, but with ${tool} the program ${actual}`;
}
