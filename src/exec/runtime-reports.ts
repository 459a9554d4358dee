/**
 * Reads what a crashing program printed: sanitizer reports, stack-protector and glibc aborts, Rust panics.
 * Matching is on the report text, never on exit codes alone: LSan's own fatal errors also exit 23.
 */
import { basename } from 'node:path';

/** Who reported the failure. */
type RuntimeReporter = 'asan' | 'ubsan' | 'lsan' | 'stack-protector' | 'glibc' | 'panic';

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
}

const FRAME = /^\s*#\d+ 0x[0-9a-f]+ in \S+ (?<path>\S+?):(?<line>\d+)(?::(?<col>\d+))?\s*$/;

function firstFrameIn(
  lines: string[],
  from: number,
  sourceName: string,
): { programLine: number; programColumn?: number } | undefined {
  for (let i = from; i < lines.length; i++) {
    const frame = FRAME.exec(lines[i] ?? '')?.groups;
    if (!frame || basename(frame['path'] ?? '') !== sourceName) continue;
    return { programLine: Number(frame['line']), ...(frame['col'] ? { programColumn: Number(frame['col']) } : {}) };
  }
  return undefined;
}

function sanitizerReport(lines: string[], sourceName: string): RuntimeReport | undefined {
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
    ...firstFrameIn(lines, index + 1, sourceName),
  };
}

function ubsanReport(lines: string[], sourceName: string): RuntimeReport | undefined {
  for (const line of lines) {
    const match = /^(?<path>[^:\s]+):(?<line>\d+):(?<col>\d+): runtime error: (?<message>.*)$/.exec(line)?.groups;
    if (!match) continue;
    const kind = match['message'] ?? '';
    const located = basename(match['path'] ?? '') === sourceName;
    return {
      reporter: 'ubsan',
      kind,
      headline: `runtime error: ${kind}`,
      detail: `runtime error: ${kind}`,
      ...(located ? { programLine: Number(match['line']), programColumn: Number(match['col']) } : {}),
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
 * The first report in `stderr`, or undefined when the program printed none. `sourceName` is the compiled file's name.
 */
export function parseRuntimeReport(stderr: string, sourceName: string): RuntimeReport | undefined {
  const lines = stderr.split('\n');
  return (
    sanitizerReport(lines, sourceName) ??
    ubsanReport(lines, sourceName) ??
    panicReport(stderr, sourceName) ??
    abortReport(lines)
  );
}
