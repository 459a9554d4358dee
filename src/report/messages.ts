/** Helpers that attach positioned proofdeck diagnostics to a vfile. */
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { RuleId } from './rules.ts';

/** A position in the user's file: at least a line, optionally a column. */
export interface Place {
  line: number;
  column?: number;
}

function attach(
  file: VFile,
  reason: string,
  place: Place | undefined,
  ruleId: RuleId,
  hint: string | undefined,
  fatal: boolean,
): VFileMessage {
  const point: Point | undefined = place ? { line: place.line, column: place.column ?? 1 } : undefined;
  const message = file.message(reason, { ruleId, source: 'proofdeck', ...(point ? { place: point } : {}) });
  message.fatal = fatal;
  if (hint) message.note = hint;
  return message;
}

/** Adds an error: the build fails, but checking goes on so all problems are reported at once. */
export function addError(
  file: VFile,
  reason: string,
  place: Place | undefined,
  ruleId: RuleId,
  hint?: string,
): VFileMessage {
  return attach(file, reason, place, ruleId, hint, true);
}

/** Adds a warning: reported, does not fail the build (unless `--frail`). */
export function addWarning(
  file: VFile,
  reason: string,
  place: Place | undefined,
  ruleId: RuleId,
  hint?: string,
): VFileMessage {
  return attach(file, reason, place, ruleId, hint, false);
}

/** True when any message on any of the files is an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
