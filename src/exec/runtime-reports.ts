/**
 * Reads what a crashing program printed: sanitizer reports, stack-protector and glibc aborts, Rust panics.
 * Matching is on the report text, never on exit codes alone: LSan's own fatal errors also exit 23.
 */
import { basename } from 'node:path';

/** Who reported the failure. */
type RuntimeReporter = 'asan' | 'ubsan' | 'lsan' | 'tsan' | 'msan' | 'stack-protector' | 'glibc' | 'panic';

/** The first failure report found in a program's stderr. */
export interface RuntimeReport {
  reporter: RuntimeReporter;
  /**
   * Report kind: `heap-use-after-free`, `double-free`, `detected memory leaks`, `store to null pointer of type 'int'`,
   * panic message.
   */
  kind: string;
  /** The report's headline, quoted in messages. */
  headline: string;
  /** Full panic message (may span lines); for other reporters the headline. */
  detail: string;
  programLine?: number;
  programColumn?: number;
  /** The other file of a multi-file program the position is in; unset for the compiled source itself. */
  programFile?: string;
}

const FRAME = /^\s*#\d+ 0x[0-9a-f]+ in \S+ (?<path>\S+?):(?<line>\d+)(?::(?<col>\d+))?\s*$/;

/** The program files a report may point into: the compiled source first, then a multi-file program's others. */
type ProgramFiles = readonly [string, ...string[]];

/** `{ programFile }` for a position in another file of the program, nothing for the source itself. */
function otherFile(files: ProgramFiles, name: string): { programFile?: string } {
  return name === files[0] ? {} : { programFile: name };
}

function firstFrameIn(
  lines: string[],
  from: number,
  files: ProgramFiles,
): { programLine: number; programColumn?: number; programFile?: string } | undefined {
  for (let i = from; i < lines.length; i++) {
    const frame = FRAME.exec(lines[i] ?? '')?.groups;
    const name = basename(frame?.['path'] ?? '');
    if (!frame || !files.includes(name)) continue;
    return {
      programLine: Number(frame['line']),
      ...(frame['col'] ? { programColumn: Number(frame['col']) } : {}),
      ...otherFile(files, name),
    };
  }
  return undefined;
}

function sanitizerReport(lines: string[], files: ProgramFiles): RuntimeReport | undefined {
  const index = lines.findIndex((line) => /ERROR: (AddressSanitizer|LeakSanitizer): /.test(line));
  if (index === -1) return undefined;
  const headline = (lines[index] ?? '').replace(/^==\d+==/, '').trim();
  const leak = headline.includes('LeakSanitizer: detected memory leaks');
  const summary = lines.find((line) => line.startsWith('SUMMARY: AddressSanitizer: '));
  const fromSummary = summary ? /^SUMMARY: AddressSanitizer: (\S+)/.exec(summary)?.[1] : undefined;
  const fromHeadline = /AddressSanitizer: (?:attempting )?([\w-]+)/.exec(headline)?.[1];
  const kind = leak
    ? 'detected memory leaks'
    : fromSummary && !/^\d/.test(fromSummary)
      ? fromSummary
      : (fromHeadline ?? headline);
  return {
    reporter: leak ? 'lsan' : 'asan',
    kind,
    headline,
    detail: headline,
    ...firstFrameIn(lines, index + 1, files),
  };
}

/**
 * ThreadSanitizer (`WARNING: ThreadSanitizer: data race (pid=1234)`) and MemorySanitizer
 * (`==1234==WARNING: MemorySanitizer: use-of-uninitialized-value`) start with WARNING, not ERROR.
 */
function warningReport(lines: string[], files: ProgramFiles): RuntimeReport | undefined {
  const index = lines.findIndex((line) => /WARNING: (ThreadSanitizer|MemorySanitizer): /.test(line));
  if (index === -1) return undefined;
  const headline = (lines[index] ?? '')
    .replace(/^==\d+==/, '')
    .replace(/ \(pid=\d+\)\s*$/, '')
    .trim();
  const match = /WARNING: (ThreadSanitizer|MemorySanitizer): (.+)$/.exec(headline);
  return {
    reporter: match?.[1] === 'ThreadSanitizer' ? 'tsan' : 'msan',
    kind: match?.[2] ?? headline,
    headline,
    detail: headline,
    ...firstFrameIn(lines, index + 1, files),
  };
}

function ubsanReport(lines: string[], files: ProgramFiles): RuntimeReport | undefined {
  for (const line of lines) {
    const match = /^(?<path>[^:\s]+):(?<line>\d+):(?<col>\d+): runtime error: (?<message>.*)$/.exec(line)?.groups;
    if (!match) continue;
    const kind = match['message'] ?? '';
    const name = basename(match['path'] ?? '');
    const located = files.includes(name);
    return {
      reporter: 'ubsan',
      kind,
      headline: `runtime error: ${kind}`,
      detail: `runtime error: ${kind}`,
      ...(located
        ? { programLine: Number(match['line']), programColumn: Number(match['col']), ...otherFile(files, name) }
        : {}),
    };
  }
  return undefined;
}

// The `(<tid>)` after the thread name changes between runs, so it is not part of the match.
const PANIC = new RegExp(
  String.raw`thread '[^']*'(?: \(\d+\))? panicked at (?<path>[^\n]+?):(?<line>\d+):(?<col>\d+):\n` +
    String.raw`(?<message>[\s\S]*?)(?:\nnote: |\nstack backtrace:|\n*$)`,
);

function panicReport(stderr: string, sourceName: string): RuntimeReport | undefined {
  const match = PANIC.exec(stderr)?.groups;
  if (!match) return undefined;
  const detail = (match['message'] ?? '').trimEnd();
  const located = basename(match['path'] ?? '') === sourceName;
  return {
    reporter: 'panic',
    kind: detail.split('\n')[0] ?? '',
    headline: `panicked: ${detail.split('\n')[0] ?? ''}`,
    detail,
    ...(located ? { programLine: Number(match['line']), programColumn: Number(match['col']) } : {}),
  };
}

function abortReport(lines: string[]): RuntimeReport | undefined {
  for (const line of lines) {
    if (line.includes('*** stack smashing detected ***')) {
      return {
        reporter: 'stack-protector',
        kind: 'stack smashing detected',
        headline: line.trim(),
        detail: line.trim(),
      };
    }
    const glibc =
      /^(?:\*\*\* (.+?) \*\*\*: terminated|(free\(\): .+|malloc\(\): .+|double free or corruption.*))$/.exec(
        line.trim(),
      );
    if (glibc) {
      const kind = glibc[1] ?? glibc[2] ?? line.trim();
      return { reporter: 'glibc', kind, headline: line.trim(), detail: line.trim() };
    }
  }
  return undefined;
}

/**
 * The first report in `stderr`, or undefined when the program printed none. `sourceName` is the compiled file's name,
 * `otherFiles` the other files of a multi-file program (a report's position may be in one of them).
 */
export function parseRuntimeReport(
  stderr: string,
  sourceName: string,
  otherFiles: readonly string[] = [],
): RuntimeReport | undefined {
  const lines = stderr.split('\n');
  const files: ProgramFiles = [sourceName, ...otherFiles];
  return (
    sanitizerReport(lines, files) ??
    warningReport(lines, files) ??
    ubsanReport(lines, files) ??
    panicReport(stderr, sourceName) ??
    abortReport(lines)
  );
}
