/** Watches the project's sources and reports which decks a change affects, debounced. */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Decks to rebuild: names, or `'all'` when a shared source (theme, diagram) changed. */
export type Affected = Set<string> | 'all';

/** Watches `decks/`, `themes/` and `diagrams/` under `root`; calls `onChange` once per burst of events. */
export function watchSources(
  root: string,
  onChange: (affected: Affected, files: string[]) => void,
  debounceMs = 10,
): () => void {
  const watchers: FSWatcher[] = [];
  let pending: Affected = new Set();
  let files: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const affected = pending;
    const changed = files;
    pending = new Set();
    files = [];
    onChange(affected, changed);
  };
  for (const folder of ['decks', 'themes', 'diagrams']) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    watchers.push(
      watch(dir, { recursive: true }, (_event, name) => {
        if (!name || name.includes('.staging-')) return;
        const deck = folder === 'decks' ? name.split(path.sep)[0] : undefined;
        if (pending !== 'all') {
          if (deck && name.includes(path.sep)) pending.add(deck);
          else pending = 'all';
        }
        files.push(path.join(folder, name));
        clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      }),
    );
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
