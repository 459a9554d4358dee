/**
 * Entry points for every table rule: {@link checkTables} after parsing, {@link checkTableEvidence} after the snippets
 * ran.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';
import { readTables, TABLE_CONTAINER } from '../collect.ts';
import { LIST_CONTAINER, readLists } from '../lists.ts';
import type { TableModel } from '../model.ts';
import { checkColumns } from './columns.ts';
import { checkAgainstData } from './data.ts';
import { checkEvidenceResults, checkEvidenceStructure, type EvidenceOptions } from './evidence.ts';
import { checkPipeParagraphs } from './missing-header.ts';
import { checkMatches } from './match.ts';
import { reportProblems } from './report-problems.ts';
import { checkTableShape } from './shape.ts';
import { checkSortOrder } from './sort.ts';
import { checkColumnTypes } from './cell-types.ts';
import { judgeTable, keepErrors } from './judge.ts';

/** Options for {@link checkTables}. */
export interface CheckTablesOptions {
  /** The deck's folder: `data=` files must be inside it. */
  deckDir: string;
  /** Folders outside the deck's that data files may also come from (`paths.allow`). @default [] */
  allow?: readonly string[];
}

/**
 * Checks every table in the deck: shape for all GFM tables; spec, types, order, data files and
 * cross-checks for `:::table` containers; the structure of `:proof` citations. Only adds messages.
 * Returns the tables (generated ones included) for the transform and for {@link checkTableEvidence}.
 */
export function checkTables(tree: Root, file: VFile, options: CheckTablesOptions): TableModel[] {
  const source = String(file.value);
  const markdownDir = path.resolve(file.cwd, file.dirname ?? '.');
  const { lists, problems: listProblems } = readLists(tree, source);
  const { tables, problems, owners } = readTables(tree, source, {
    markdownDir,
    deckDir: options.deckDir,
    allow: options.allow ?? [],
  });
  reportProblems(file, listProblems);
  for (const problem of problems) {
    const owner = owners.get(problem);
    if (owner) judgeTable(owner, file, () => reportProblems(file, [problem]));
    else reportProblems(file, [problem]);
  }
  checkUniqueIds(tree, file, tables);
  for (const model of tables) {
    const strict = new Set(
      [model.resolved?.key, ...(model.resolved?.required ?? [])].filter((column) => column !== undefined),
    );
    judgeTable(model, file, () => {
      checkTableShape(model, file, strict);
      checkColumns(model, file);
      checkColumnTypes(model, file);
      checkSortOrder(model, file);
      checkAgainstData(model, file);
    });
  }
  checkMatches(tables, lists, file, { markdownDir, deckDir: options.deckDir, allow: options.allow ?? [] });
  checkEvidenceStructure(tree, tables, file);
  checkPipeParagraphs(tree, file);
  return tables;
}

/** Checks that every `:proof[id]` names an existing snippet that was verified with the claimed outcome. */
export function checkTableEvidence(tables: readonly TableModel[], file: VFile, options: EvidenceOptions): void {
  checkEvidenceResults(tables, file, options);
}

function checkUniqueIds(tree: Root, file: VFile, tables: readonly TableModel[]): void {
  const seen = new Map<string, number>();
  visit(tree, 'containerDirective', (node) => {
    const id = node.attributes?.id;
    const start = node.position?.start;
    if (!id || !start || (node.name !== TABLE_CONTAINER && node.name !== LIST_CONTAINER)) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, start.line);
    else {
      const error = addError(
        file,
        `id "${id}" is already used at line ${first}`,
        { line: start.line, column: start.column },
        'table/spec',
        'Ids of :::table and :::list containers must be unique.',
      );
      const model = tables.find((table) => table.container === node);
      if (model) keepErrors(model, [error]);
    }
  });
}
