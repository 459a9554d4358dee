/** Rules `table/data-mismatch` and `table/data-source`: an authored table agrees with its `data=` file. */
import type { VFile } from 'vfile';
import { addError } from '../../report/messages.ts';
import { type DataRecord, fieldKey } from '../data-file.ts';
import { expectedText, sameAsData } from '../data-values.ts';
import { inlineContent } from '../inline.ts';
import type { TableModel } from '../model.ts';
import { rowLabel } from '../resolve.ts';

/**
 * Pairs rows with records by the key column and reports every cell that disagrees, with the expected
 * value and its line in the data file; rows missing on either side are reported too. Columns without a
 * field of the same name in the data file are not compared.
 */
export function checkAgainstData(model: TableModel, file: VFile): void {
  const { data, resolved, spec } = model;
  const key = resolved?.key;
  if (model.generated || !data || !resolved || !spec?.data || key === undefined) return;
  const keyName = model.header[key]?.text ?? '';
  const keyField = fieldKey(keyName);
  const fields = new Set(data.records.flatMap((record) => [...record.fields.keys()]));
  if (!fields.has(keyField)) {
    addError(
      file,
      `${data.display} has no field for the key column "${keyName}"`,
      spec.data.place,
      'table/data-source',
      `Fields: ${data.fields.join(', ')}; "${keyName}" reads a field named ` +
        `${keyName.toLowerCase().replace(/\s+/g, '_')}.`,
    );
    return;
  }
  const keyType = resolved.types[key];
  const unmatched = new Set<DataRecord>(data.records);
  const byKey = new Map<string, DataRecord>();
  const keyOf = new Map(
    data.records.map((record) => [record, inlineContent(record.fields.get(keyField)?.value ?? '')]),
  );
  for (const record of data.records) {
    const text = keyOf.get(record)?.text ?? '';
    const first = byKey.get(text);
    if (!first) {
      byKey.set(text, record);
      continue;
    }
    addError(
      file,
      `"${text}" is in ${data.display} twice (lines ${first.line} and ${record.line})`,
      spec.data.place,
      'table/data-source',
      'Each record needs its own key.',
    );
    unmatched.delete(record);
  }
  for (const row of model.rows) {
    const keyCell = row.cells[key];
    if (!keyCell || keyCell.text === '') continue;
    const record = data.records.find(
      (candidate) =>
        unmatched.has(candidate) && sameAsData(keyType, keyCell, keyOf.get(candidate) ?? inlineContent('')),
    );
    if (!record) {
      addError(
        file,
        `"${keyCell.text}" is not in ${data.display}`,
        keyCell.place,
        'table/data-mismatch',
        `Add it to ${data.display}, or fix the key if it is misspelt.`,
      );
      continue;
    }
    unmatched.delete(record);
    for (const cell of row.cells) {
      if (!cell || cell.column === key) continue;
      const name = model.header[cell.column]?.text ?? '';
      if (!fields.has(fieldKey(name))) continue;
      const field = record.fields.get(fieldKey(name));
      const wanted = inlineContent(field?.value ?? '');
      const type = resolved.types[cell.column];
      if (sameAsData(type, cell, wanted)) continue;
      const where = `${data.display}:${field?.line ?? record.line}`;
      const expected = expectedText(type, cell, wanted);
      addError(
        file,
        `"${name}" of ${rowLabel(row, key)} is "${cell.text}" but ${where} says ${said(wanted.text, expected)}`,
        cell.place,
        'table/data-mismatch',
        'One fact, one place: fix the table or the data file so they agree.',
      );
    }
  }
  for (const record of unmatched) {
    const text = record.fields.get(keyField)?.value ?? '';
    addError(
      file,
      `"${text}" (${data.display}:${record.line}) is missing from the table`,
      spec.data.place,
      'table/data-mismatch',
      'Add the row, or remove the record from the data file.',
    );
  }
}

function said(data: string, expected: string): string {
  if (data === '') return 'nothing';
  return data === expected ? `"${data}"` : `"${data}", so the cell should read "${expected}"`;
}
