/** Turns the problems found while reading tables into vfile messages. */
import type { VFile } from 'vfile';
import { addError, addWarning } from '../../report/messages.ts';
import type { CellModel, Problem } from '../model.ts';

/** Reports each problem at its place, with its rule id and hint. */
export function reportProblems(file: VFile, problems: readonly Problem[]): void {
  for (const problem of problems) {
    const add = problem.severity === 'error' ? addError : addWarning;
    add(file, problem.message, problem.place, problem.ruleId, problem.hint);
  }
}

/** ` (kernel-versions.yaml:12)` for a cell that came from a data file, so the message leads to the fact. */
export function originOf(cell: CellModel): string {
  return cell.origin ? ` (${cell.origin})` : '';
}
