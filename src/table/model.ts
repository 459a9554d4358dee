/** Shared types for checked tables: cells read from the source, specs, column types, citations. */
import type { Table, TableCell } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import type { Place } from '../report/messages.ts';
import type { DataTable } from './data-file.ts';
import type { RuleId } from '../report/rules.ts';
import type { VFileMessage } from 'vfile-message';

/** What a cell claims a cited snippet does; checked against the snippet's tool runs. */
export type Claim = 'compile-error' | 'panic' | 'detected' | 'compiles' | 'runs';

/** One alternative of a column type (`month-year | year` has two). */
export type TypeAlternative =
  | { kind: 'text' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'year' }
  | { kind: 'month-year' }
  | { kind: 'date' }
  | { kind: 'version' }
  | { kind: 'integer'; unit?: string }
  | { kind: 'number'; unit?: string }
  | { kind: 'mark' }
  | { kind: 'link' };

/** A column type as written in `types=`, and its parsed alternatives. */
export interface ColumnType {
  source: string;
  alternatives: TypeAlternative[];
}

/** A column named in the spec, with where the name is written. */
export interface ColumnRef {
  name: string;
  place: Place;
}

/** A snippet cited from a cell with `:proof[id]`. */
export interface Citation {
  snippetId: string;
  /** From the citation's `outcome=`, else from the column's `evidence=`; empty when neither says. */
  claims: Claim[];
  node: TextDirective;
  place: Place;
}

/** What a cell says, as read from the markdown (or from a data file for generated tables). */
export interface CellModel {
  /** 0-based column index. */
  column: number;
  /** Plain text of the cell, whitespace collapsed, without `:proof` citations. */
  text: string;
  /** True when the cell contains a link (for the `link` type). */
  hasLink: boolean;
  empty: boolean;
  /** Where the cell's content starts in the markdown (for generated cells: the `data=` attribute). */
  place: Place;
  /** `file.yaml:12` when the value came from a data file. */
  origin?: string;
  citations: Citation[];
  node?: TableCell;
}

/** One body row. */
export interface RowModel {
  /** 1-based body row number. */
  number: number;
  /** One entry per header column; `undefined` where the row has too few cells. */
  cells: (CellModel | undefined)[];
  /** Cells beyond the header's count, which GFM renderers drop. */
  extra: CellModel[];
  /** End of the row in the markdown: where missing cells would go. */
  end: Place;
}

/** The `:::table{…}` attributes, parsed but not yet matched to the header. */
export interface TableSpec {
  place: Place;
  id?: string;
  key?: ColumnRef;
  types: { column: ColumnRef; type: ColumnType }[];
  sort?: { column: ColumnRef; direction: 'asc' | 'desc' };
  rows?: { count: number; place: Place };
  required: ColumnRef[];
  data?: { path: string; place: Place };
  columns?: ColumnRef[];
  match: { target: string; place: Place }[];
  evidence: { column: ColumnRef; claims: Claim[] }[];
}

/** The spec matched to the header: everything by 0-based column index. */
export interface ResolvedSpec {
  key?: number;
  types: (ColumnType | undefined)[];
  sort?: { column: number; direction: 'asc' | 'desc' };
  required: number[];
  claims: (Claim[] | undefined)[];
}

/** A table as proofdeck understands it: authored in the markdown or generated from a data file. */
export interface TableModel {
  /** The mdast table to render: the authored one, or the generated one (without positions). */
  table: Table;
  /** The `:::table` container, when the table has a spec. */
  container?: ContainerDirective;
  generated: boolean;
  header: CellModel[];
  rows: RowModel[];
  spec?: TableSpec;
  resolved?: ResolvedSpec;
  /** The `data=` file, when it could be read. */
  data?: DataTable;
  /** The errors the table rules reported about this table (see `table/check/judge.ts`): empty when it held. */
  errors: VFileMessage[];
}

/** A problem found while reading tables, reported by the rules in `table/check`. */
export interface Problem {
  ruleId: RuleId;
  severity: 'error' | 'warning';
  message: string;
  place: Place;
  hint?: string;
}
