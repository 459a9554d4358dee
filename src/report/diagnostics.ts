/** A flat, serialisable view of every message: what the JSON, SARIF and GitHub reporters print. */
import path from 'node:path';
import type { VFile } from 'vfile';

/** One finding, with its path relative to the working folder. */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
  hint?: string;
}

/** Flattens the files' messages, sorted by file and position. */
export function collectDiagnostics(files: readonly VFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const diagnostic: Diagnostic = {
        file: path.relative(file.cwd, message.file || file.path || ''),
        severity: message.fatal === true ? 'error' : 'warning',
        ruleId: message.ruleId ?? 'proofdeck',
        message: message.reason,
      };
      if (message.line) diagnostic.line = message.line;
      if (message.column) diagnostic.column = message.column;
      if (message.place && 'end' in message.place) {
        diagnostic.endLine = message.place.end.line;
        diagnostic.endColumn = message.place.end.column;
      }
      if (message.note) diagnostic.hint = message.note;
      out.push(diagnostic);
    }
  }
  return out.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
