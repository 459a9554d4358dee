/** Compiler-style text report: `file:line:col: error: message [rule-id]`, the source line, a caret. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { BlockVerdict } from '../model/snippet.ts';
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

/** How many fenced blocks ended in each state. */
export interface BlockCounts {
  blocks: number;
  proved: number;
  failed: number;
  unproved: number;
}

export function countBlocks(verdicts: readonly Pick<BlockVerdict, 'state'>[]): BlockCounts {
  const count = (state: BlockVerdict['state']) => verdicts.filter((verdict) => verdict.state === state).length;
  return { blocks: verdicts.length, proved: count('proved'), failed: count('failed'), unproved: count('unproved') };
}

/** "12 blocks: 9 proved, 1 failed, 2 not proved", then each unproved block with its place and reason. */
function formatBlocks(verdicts: readonly BlockVerdict[]): string {
  const { blocks, proved, failed, unproved } = countBlocks(verdicts);
  if (blocks === 0) return '';
  const head = `${blocks} block${blocks === 1 ? '' : 's'}: ${proved} proved, ${failed} failed, ${unproved} not proved`;
  const list = verdicts
    .filter((verdict) => verdict.state === 'unproved')
    .map((verdict) => `  – ${verdict.file}:${verdict.line}:${verdict.column}: not proved: ${verdict.why ?? ''}`);
  return [head, ...list].join('\n');
}

/**
 * Formats every message of every file, plus a one-line summary; `blocks`: the state of every fenced block,
 * counted and the unproved ones listed before the summary.
 */
export function formatReport(
  files: readonly VFile[],
  options: { color?: boolean; blocks?: readonly BlockVerdict[] | undefined } = {},
): string {
  const blocks = files.flatMap((file) =>
    ordered(file).map((message) => formatMessage(file, message, options.color ?? false)),
  );
  const states = options.blocks ? formatBlocks(options.blocks) : '';
  if (states) blocks.push(states);
  const { errors, warnings } = countMessages(files);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // Pages (`kind: page`) are checked too, so count files rather than decks.
  const summary =
    errors + warnings === 0
      ? `checked ${plural(files.length, 'file')}: no problems`
      : `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}`;
  return [...blocks, summary].join('\n\n') + '\n';
}
