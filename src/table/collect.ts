/** Finds every table in a deck: bare GFM tables and `:::table{…}` containers (authored or generated). */
import type { Root, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from '../parse/visit.ts';
import { readTable } from './cells.ts';
import { readDataFile, resolveDataPath } from './data-file.ts';
import { generatedHeader, generatedRows } from './generate.ts';
import type { Problem, TableModel } from './model.ts';
import { applyColumnClaims, resolveSpec } from './resolve.ts';
import { parseTableSpec } from './spec.ts';

/** The container directive that carries a table's spec. */
export const TABLE_CONTAINER = 'table';

/** Where data paths are resolved: the markdown's folder, and the deck folder they must stay in. */
export interface ReadTablesOptions {
  markdownDir: string;
  deckDir: string;
  /** Folders outside the deck's that data files may also come from (`paths.allow`). @default [] */
  allow?: readonly string[];
}

/** Reads all tables in document order; problems with specs and data files are returned, not thrown. */
export function readTables(
  tree: Root,
  source: string,
  options: ReadTablesOptions,
): { tables: TableModel[]; problems: Problem[]; owners: Map<Problem, TableModel> } {
  const tables: TableModel[] = [];
  const problems: Problem[] = [];
  /** The table each problem is about, where there is one. */
  const owners = new Map<Problem, TableModel>();
  const claimed = new Set<Table>();
  visit(tree, (node) => {
    if (node.type === 'containerDirective' && node.name === TABLE_CONTAINER) {
      const before = problems.length;
      const model = readSpecTable(node, source, options, problems);
      if (model) tables.push(model);
      if (model) for (const problem of problems.slice(before)) owners.set(problem, model);
      for (const child of node.children) if (child.type === 'table') claimed.add(child);
    } else if (node.type === 'table' && !claimed.has(node)) {
      const read = readTable(node, source);
      problems.push(...read.problems);
      const model: TableModel = { table: node, generated: false, header: read.header, rows: read.rows, errors: [] };
      tables.push(model);
      for (const problem of read.problems) owners.set(problem, model);
    }
  });
  return { tables, problems, owners };
}

function readSpecTable(
  node: ContainerDirective,
  source: string,
  options: ReadTablesOptions,
  problems: Problem[],
): TableModel | undefined {
  const { spec, problems: specProblems } = parseTableSpec(node, source);
  problems.push(...specProblems);
  const specError = (message: string, place = spec.place, hint?: string) =>
    problems.push({ ruleId: 'table/spec', severity: 'error', message, place, ...(hint ? { hint } : {}) });
  const authored = node.children.filter((child): child is Table => child.type === 'table');
  const extra = authored[1]?.position?.start;
  if (extra)
    specError(
      'a `:::table` container holds one table; this is a second one',
      { line: extra.line, column: extra.column },
      'Give each table its own :::table container.',
    );

  let data: TableModel['data'];
  if (spec.data) {
    const resolved = resolveDataPath(options.markdownDir, options.deckDir, spec.data.path, options.allow);
    const read = 'error' in resolved ? resolved : readDataFile(resolved.path, spec.data.path);
    if ('error' in read) {
      const where = 'line' in read && read.line !== undefined ? ` (${spec.data.path}:${read.line})` : '';
      const hint =
        'error' in resolved
          ? 'data= is relative to the markdown file and must stay inside the deck folder.'
          : 'A data file is a YAML or JSON list of records, or a CSV file with a header row.';
      problems.push({
        ruleId: 'table/data-source',
        severity: 'error',
        message: `${read.error}${where}`,
        place: spec.data.place,
        hint,
      });
    } else {
      data = read.data;
    }
  }

  const table = authored[0];
  let model: TableModel;
  if (table) {
    const read = readTable(table, source);
    problems.push(...read.problems);
    model = { table, container: node, generated: false, header: read.header, rows: read.rows, spec, errors: [] };
    if (spec.columns)
      specError(
        'columns= only applies to a table generated from data=, and this container has a table',
        spec.columns[0]?.place,
        'Remove columns=, or remove the table to generate it from the data file.',
      );
  } else if (data && spec.data) {
    const head = generatedHeader(data, spec.columns, spec.data.place);
    problems.push(...head.problems);
    const types = resolveSpec(spec, head.header).resolved.types;
    const body = generatedRows(data, head.header, types, spec.data.place);
    model = {
      table: body.table,
      container: node,
      generated: true,
      header: head.header,
      rows: body.rows,
      spec,
      errors: [],
    };
  } else {
    if (!spec.data)
      specError(
        '`:::table` holds no table and has no data= to generate one from',
        spec.place,
        'Put a markdown table inside, or add data="./file.yaml".',
      );
    return undefined;
  }
  if (data) model.data = data;
  const { resolved, problems: resolveProblems } = resolveSpec(spec, model.header);
  problems.push(...resolveProblems);
  model.resolved = resolved;
  applyColumnClaims(model.rows, resolved);
  const needsKey = spec.match[0] ?? (table && spec.data ? spec.data : undefined);
  if (needsKey && !spec.key)
    specError('rows can only be paired by a key column: add key=', needsKey.place, 'Example: key="Kernel version".');
  return model;
}
