/** Parses `rustc --error-format=json` output (one JSON object per stderr line). */
import type { ToolDiagnostic } from '../model/snippet.ts';
import { terminalSafe } from '../report/terminal-safe.ts';

interface RustcSpan {
  file_name: string;
  line_start: number;
  column_start: number;
  is_primary: boolean;
  label: string | null;
  expansion: { span: RustcSpan } | null;
}

interface RustcDiagnostic {
  $message_type?: string;
  message: string;
  code: { code: string } | null;
  level: string;
  spans: RustcSpan[];
  rendered?: string | null;
}

function isDiagnostic(value: unknown): value is RustcDiagnostic {
  return typeof value === 'object' && value !== null && 'message' in value && 'level' in value && 'spans' in value;
}

/** Follows macro expansions back to a span in `sourceName` (e.g. a `println!` call site). */
function spanIn(span: RustcSpan, sourceName: string): RustcSpan | undefined {
  let current: RustcSpan | undefined = span;
  for (let depth = 0; current && depth < 16; depth++) {
    if (current.file_name === sourceName) return current;
    current = current.expansion?.span;
  }
  return undefined;
}

function severityOf(level: string): ToolDiagnostic['severity'] | undefined {
  if (level === 'error' || level.startsWith('error:')) return 'error';
  if (level === 'warning') return 'warning';
  return undefined;
}

/** Error and warning diagnostics from rustc's JSON stream; summary records ("aborting due to…") are dropped. */
export function parseRustcDiagnostics(stderr: string, sourceName: string): ToolDiagnostic[] {
  const diagnostics: ToolDiagnostic[] = [];
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    let parsed: unknown;
    try {
      // JSON escapes control characters (`\u001b`): they are removed once decoded.
      parsed = JSON.parse(line, (_key, value: unknown) => (typeof value === 'string' ? terminalSafe(value) : value));
    } catch {
      continue;
    }
    if (!isDiagnostic(parsed)) continue;
    if (parsed.$message_type !== undefined && parsed.$message_type !== 'diagnostic') continue;
    const severity = severityOf(parsed.level);
    if (!severity) continue;
    if (parsed.code === null && /^(aborting due to|\d+ warnings? emitted)/.test(parsed.message)) continue;
    const primary = parsed.spans.find((span) => span.is_primary) ?? parsed.spans[0];
    const located = primary ? spanIn(primary, sourceName) : undefined;
    const label = primary?.label;
    const headline = parsed.rendered?.split('\n')[0]?.trim();
    diagnostics.push({
      severity,
      message: label && !parsed.message.includes(label) ? `${parsed.message}: ${label}` : parsed.message,
      ...(parsed.code ? { code: parsed.code.code } : {}),
      ...(located ? { programLine: located.line_start, programColumn: located.column_start } : {}),
      ...(headline ? { headline } : {}),
    });
  }
  return diagnostics;
}
