/** A table's status comes from its rules: each error they report while judging a table is kept on it. */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { TableModel } from '../model.ts';

/** Runs `rules` on one table and keeps the errors they add to `file` on {@link TableModel.errors}. */
export function judgeTable(model: TableModel, file: VFile, rules: () => void): void {
  const before = file.messages.length;
  rules();
  keepErrors(model, file.messages.slice(before));
}

/** Keeps the errors among `messages` (warnings do not fail a table) on the table they are about. */
export function keepErrors(model: TableModel, messages: readonly VFileMessage[]): void {
  for (const message of messages) if (message.fatal === true) model.errors.push(message);
}
