/** Compiler-style text report: `file:line:col: error: message [rule-id]`, the source line, a caret. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { terminalSafe } from './terminal-safe.ts';

/** Counts of errors and warnings over a set of files. */
export interface Counts {
  errors: number;
  warnings: number;
}

/** Counts errors (fatal messages) and warnings. */
export function countMessages(files: readonly VFile[]): Counts {
  const all = files.flatMap((file) => file.messages);
  const errors = all.filter((message) => message.fatal === true).length;
  return { errors, warnings: all.length - errors };
}

function formatMessage(file: VFile, message: VFileMessage, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001B[${code}m${text}\u001B[0m` : text);
  const line = message.line ?? undefined;
  const column = message.column ?? 1;
  // A message may name another file than the deck (a diagrams/*.mmd, an included snippet source).
  const other = message.file && message.file !== file.path ? message.file : undefined;
  const shown = path.relative(file.cwd, other ?? file.path);
  // Everything but our own colours is made terminal-safe: messages quote compilers and the deck.
  const where = terminalSafe(line === undefined ? shown : `${shown}:${line}:${column}`);
  const severity = message.fatal === true ? paint('1;31', 'error') : paint('1;33', 'warning');
  const out = [`${paint('1', where)}: ${severity}: ${terminalSafe(message.reason)} [${message.ruleId ?? 'proofdeck'}]`];
  if (line !== undefined) {
    const text = sourceOf(file, other).split('\n')[line - 1];
    if (text !== undefined) {
      const gutter = String(line).padStart(5);
      out.push(
        `${gutter} | ${terminalSafe(text)}`,
        `${' '.repeat(5)} | ${' '.repeat(Math.max(0, column - 1))}${paint('1;32', '^')}`,
      );
    }
  }
  if (message.note) out.push(`${' '.repeat(5)} = help: ${terminalSafe(message.note)}`);
  return out.join('\n');
}

function sourceOf(file: VFile, other: string | undefined): string {
  if (!other) return String(file.value);
  try {
    return readFileSync(other, 'utf8');
  } catch {
    return '';
  }
}

/** Sorts by file, line, column so reports are stable. */
function ordered(file: VFile): VFileMessage[] {
  return [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Formats every message of every file, plus a one-line summary. */
export function formatReport(files: readonly VFile[], options: { color?: boolean } = {}): string {
  const blocks = files.flatMap((file) =>
    ordered(file).map((message) => formatMessage(file, message, options.color ?? false)),
  );
  const { errors, warnings } = countMessages(files);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // Pages (`kind: page`) are checked too, so count files rather than decks.
  const summary =
    errors + warnings === 0
      ? `checked ${plural(files.length, 'file')}: no problems`
      : `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}`;
  return [...blocks, summary].join('\n\n') + '\n';
}
