/** Timeline records from the same data files that checked tables read, so both show one set of facts. */
import { readDataFile, resolveDataPath } from '../table/data-file.ts';

/**
 * Reads `data="a.yaml b.yaml"` (one or more files, space-separated, relative to the deck) into plain
 * records, in file order. Values stay exactly as written, as for tables.
 */
export function loadTimelineRecords(
  deckDir: string,
  written: string,
  allow: readonly string[] = [],
): { records: Record<string, string>[] } | { error: string } {
  const records: Record<string, string>[] = [];
  for (const name of written.split(/\s+/).filter(Boolean)) {
    const resolved = resolveDataPath(deckDir, deckDir, name, allow);
    if ('error' in resolved) return resolved;
    const read = readDataFile(resolved.path, name);
    if ('error' in read) return { error: read.line ? `${name}:${read.line}: ${read.error}` : read.error };
    for (const record of read.data.records)
      records.push(Object.fromEntries([...record.fields.values()].map((field) => [field.name, field.value])));
  }
  return { records };
}
