/**
 * Watches the project's sources and reports which decks a change affects, debounced.
 *
 * chokidar rather than `fs.watch({ recursive: true })`: Node's recursive watcher stops delivering events
 * once an editor saves by writing a temp file and renaming it over the deck (vim, Emacs, JetBrains,
 * `sed -i`); chokidar watches each folder and re-attaches to the new inode, and its `atomic` mode folds
 * delete-then-recreate into one change. @parcel/watcher would need a native prebuild per platform.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';

/** Decks to rebuild: names, or `'all'` when a shared source (theme, diagram) changed. */
export type Affected = Set<string> | 'all';

/** Options for {@link watchSources}. */
export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs. @default 10 */
  debounceMs?: number;
  /** Folders under the root to watch. @default ['decks', 'themes', 'diagrams'] */
  folders?: readonly string[];
}

/** A running watcher; `ready` resolves once the initial scan is done, so no edit after it is missed. */
export interface SourceWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Editor droppings that never change what a deck builds to. */
const IGNORED = /(^|[/\\])(\.staging-|\.#|#.*#$)|(\.swp|\.swx|\.swo|~|\.tmp|___jb_(tmp|old)___)$|4913$/;

/** How long chokidar drops further changes of a file after reporting one. */
const THROTTLE_MS = 50;

/** What tells one version of a file from the next; `missing` when it is gone. */
function identity(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The deck a changed path belongs to, or undefined when the change is shared (themes, diagrams, top files). */
export function deckOf(relative: string): string | undefined {
  const [folder, first, ...rest] = relative.split(/[/\\]/);
  if (folder !== 'decks' || first === undefined) return undefined;
  if (rest.length > 0) return first;
  return first.endsWith('.md') ? first.slice(0, -3) : undefined;
}

/** Watches `decks/`, `themes/` and `diagrams/` under `root`; calls `onChange` once per burst of events. */
export function watchSources(
  root: string,
  onChange: (affected: Affected, files: string[]) => void,
  options: WatchOptions = {},
): SourceWatcher {
  const debounceMs = options.debounceMs ?? 10;
  const folders = options.folders ?? ['decks', 'themes', 'diagrams'];
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
  // Watching the root (depth-limited to the source folders) also sees `decks/` or `diagrams/` created later.
  const watcher = watch(root, {
    ignoreInitial: true,
    atomic: true,
    ignored: (file) => {
      const relative = path.relative(root, file);
      if (relative === '') return false;
      const top = relative.split(/[/\\]/)[0] ?? '';
      return !folders.includes(top) || IGNORED.test(relative);
    },
  });
  const report = (file: string) => {
    const relative = path.relative(root, file);
    const deck = deckOf(relative);
    if (pending !== 'all') {
      if (deck) pending.add(deck);
      else pending = 'all';
    }
    files.push(relative);
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  // chokidar drops a file's changes for 50 ms after one it reported (its throttle): a second save in that
  // window (a quick edit after the preview, an editor writing twice) would never be seen. So each reported
  // file is looked at again after the window, and reported once more if it changed since.
  const reported = new Map<string, string>();
  const rechecks = new Set<NodeJS.Timeout>();
  watcher.on('all', (_event, file) => {
    reported.set(file, identity(file));
    report(file);
    const recheck = setTimeout(() => {
      rechecks.delete(recheck);
      const now = identity(file);
      if (now === reported.get(file)) return;
      reported.set(file, now);
      report(file);
    }, THROTTLE_MS + 10);
    rechecks.add(recheck);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      for (const recheck of rechecks) clearTimeout(recheck);
      await watcher.close();
    },
  };
}
