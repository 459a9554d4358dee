/** The `table/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const tableRules = {
  'table/cell-count': {
    severity: 'error',
    summary: 'A row has more or fewer cells than the header.',
    help: 'Give every row as many cells as the header; put a backslash before a literal bar.',
    docs: 'checked-tables',
  },
  'table/data-mismatch': {
    severity: 'error',
    summary: 'A table cell disagrees with its data file.',
    help: 'Make the cell agree with the data file (the message names the expected value).',
    docs: 'data-files-one-fact-one-place',
  },
  'table/data-source': {
    severity: 'error',
    summary: 'A table data file is missing or malformed.',
    help: "Fix the data= path, or the file's YAML, JSON or CSV.",
    docs: 'data-files-one-fact-one-place',
  },
  'table/duplicate-column': {
    severity: 'error',
    summary: 'Two columns share a name.',
    help: 'Give every column its own name.',
    docs: 'checked-tables',
  },
  'table/empty-cell': {
    severity: 'error',
    summary: 'A required cell is empty.',
    help: 'Fill the cell; write — where there is deliberately nothing.',
    docs: 'checked-tables',
  },
  'table/evidence': {
    severity: 'error',
    summary: 'A row claims evidence that no proved snippet gives.',
    help: 'Cite a snippet id that proves the stated outcome.',
    docs: 'evidence',
  },
  'table/key': {
    severity: 'error',
    summary: 'Key column values are missing or repeated.',
    help: 'Fill every key cell with a unique value.',
    docs: 'a-checked-table',
  },
  'table/match': {
    severity: 'error',
    summary: 'A cell does not match its column pattern.',
    help: 'Make both lists name the same items.',
    docs: 'cross-checks',
  },
  'table/missing-header': {
    severity: 'error',
    summary: 'A column named by the spec is not in the table.',
    help: 'Add a delimiter row (| --- | --- |) under the header.',
    docs: 'checked-tables',
  },
  'table/required': {
    severity: 'error',
    summary: 'A required column or value is missing.',
    help: 'Fill every cell of the required columns.',
    docs: 'a-checked-table',
  },
  'table/row-count': {
    severity: 'error',
    summary: 'The table has another number of rows than stated.',
    help: 'Add or remove rows, or fix rows=.',
    docs: 'a-checked-table',
  },
  'table/sort': {
    severity: 'error',
    summary: 'Rows are not in the stated order.',
    help: 'Put the rows in the stated order.',
    docs: 'a-checked-table',
  },
  'table/spec': {
    severity: 'error',
    summary: 'The :::table spec is malformed.',
    help: 'Fix the :::table attributes (names, types, columns).',
    docs: 'a-checked-table',
  },
  'table/type': {
    severity: 'error',
    summary: 'A cell is not of its column type.',
    help: 'Write the cell as a value of the column type.',
    docs: 'a-checked-table',
  },
} as const satisfies Record<string, Rule>;
