/**
 * Rule `table/evidence`: a cell that claims something about code cites the snippet that proves it, and
 * the snippet was verified in this build with an outcome of the claimed kind.
 */
import type { Root, Table, TableCell } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import type { SnippetResult } from '../../model/snippet.ts';
import { addError } from '../../report/messages.ts';
import { PROOF_DIRECTIVE } from '../cells.ts';
import { CLAIM_MEANINGS, describeRuns, provenClaim } from '../claims.ts';
import type { CellModel, Citation, TableModel } from '../model.ts';
import { rowLabel } from '../resolve.ts';
import { judgeTable } from './judge.ts';
import { closest } from '../../report/closest.ts';

const RULE = 'table/evidence';

/** Every citation in a table's cells, header included. */
export function citationsOf(model: TableModel): Citation[] {
  const cells: (CellModel | undefined)[] = [
    ...model.header,
    ...model.rows.flatMap((row) => [...row.cells, ...row.extra]),
  ];
  return cells.flatMap((cell) => cell?.citations ?? []);
}

/**
 * Before any snippet runs: evidence columns cite something, every citation claims something, and `:proof` lives in a
 * `:::table`.
 */
export function checkEvidenceStructure(tree: Root, tables: readonly TableModel[], file: VFile): void {
  const checked = new Set<TextDirective>();
  for (const model of tables) if (model.container) proofsIn(model.table).forEach((node) => checked.add(node));
  visit(tree, 'textDirective', (node) => {
    if (node.name !== PROOF_DIRECTIVE || checked.has(node)) return;
    const place = node.position?.start;
    addError(
      file,
      '`:proof` is only checked inside a `:::table` container',
      place && { line: place.line, column: place.column },
      RULE,
      'Wrap the table in :::table{evidence="Column: outcome"} … ::: so the citation is verified.',
    );
  });
  for (const model of tables)
    judgeTable(model, file, () => {
      const resolved = model.resolved;
      if (!model.container || !resolved) return;
      for (const row of model.rows) {
        for (const cell of row.cells) {
          const claims = cell && resolved.claims[cell.column];
          if (!cell || !claims || (cell.node && proofsIn(cell.node).length > 0)) continue;
          const column = model.header[cell.column]?.text ?? '';
          addError(
            file,
            `"${column}" of ${rowLabel(row, resolved.key)} cites no snippet, but the column claims evidence (` +
              `${claims.join(' or ')})`,
            cell.place,
            RULE,
            'Cite the snippet that proves it: :proof[snippet-id].',
          );
        }
      }
      for (const citation of citationsOf(model)) {
        if (citation.claims.length > 0) continue;
        addError(
          file,
          `:proof[${citation.snippetId}] does not say which outcome it proves`,
          citation.place,
          RULE,
          'Add evidence="Column: outcome" to the :::table, or write :proof[id]{outcome=compile-error}.',
        );
      }
    });
}

/** The `:proof` directives under a node, valid or not. */
function proofsIn(node: Table | TableCell): TextDirective[] {
  const found: TextDirective[] = [];
  visit(node, 'textDirective', (directive) => {
    if (directive.name === PROOF_DIRECTIVE) found.push(directive);
  });
  return found;
}

/** What the evidence check compares against. */
export interface EvidenceOptions {
  /** Ids of the snippets that exist in the deck. */
  snippetIds: ReadonlySet<string>;
  /** Results of this build's snippet runs; when absent only existence is checked (no snippet was run). */
  results?: ReadonlyMap<string, SnippetResult> | undefined;
  /**
   * `check --shard`: the ids of the snippets this job proved. A citation of another snippet is checked by
   * the job that proved it, so every citation is checked exactly once. @default every snippet
   */
  provedHere?: ReadonlySet<string> | undefined;
  /** Report citations of snippets that do not exist (under `--shard`, only the deck's owner does). @default true */
  reportUnknown?: boolean;
}

/** After the snippets ran: each cited snippet exists, passed its own check, and ended as the cell claims. */
export function checkEvidenceResults(tables: readonly TableModel[], file: VFile, options: EvidenceOptions): void {
  for (const model of tables)
    judgeTable(model, file, () => {
      if (!model.container) return;
      for (const citation of citationsOf(model)) {
        const { snippetId: id, claims, place } = citation;
        if (!options.snippetIds.has(id)) {
          if (options.reportUnknown === false) continue;
          const near = closest(id, options.snippetIds, 2);
          addError(
            file,
            `:proof[${id}] cites a snippet that does not exist`,
            place,
            RULE,
            near ? `Did you mean ${near}?` : 'Snippet ids come from id= on a fenced block.',
          );
          continue;
        }
        if (!options.results || claims.length === 0) continue;
        if (options.provedHere && !options.provedHere.has(id)) continue;
        const result = options.results.get(id);
        const wanted = claims.map((claim) => `${claim} (${CLAIM_MEANINGS[claim]})`).join(' or ');
        if (!result) {
          addError(
            file,
            `snippet ${id} was not verified in this build, so it cannot prove ${wanted}`,
            place,
            RULE,
            'Cite a snippet that is compiled (not ignore), and run the check with snippets enabled.',
          );
        } else if (!result.ok) {
          addError(
            file,
            `snippet ${id} failed its own check, so it proves nothing: ${result.problems[0] ?? result.summary}`,
            place,
            RULE,
            'Fix the snippet (see its own message) first.',
          );
        } else if (!provenClaim(result, claims)) {
          addError(
            file,
            `snippet ${id} does not prove ${wanted}: ${describeRuns(result)}`,
            place,
            RULE,
            'Cite the snippet that shows this, or correct the claim (outcome=).',
          );
        }
      }
    });
}
