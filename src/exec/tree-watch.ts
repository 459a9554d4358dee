/**
 * A memory cap for a whole process tree where no cgroup is available (cgroup v1 owned by the host here,
 * no `systemd-run --user`): poll /proc, sum the resident memory of a process and all its descendants,
 * and report when it passes the cap. RSS (not address space) is what counts, so ASan's terabytes of
 * reserved shadow memory do not trip it, and twelve 100 MiB children add up to 1.2 GiB.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

function parentOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

/** `root` and every process below it (pids), read from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [root];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident bytes of the given processes (those that have exited count 0). */
function residentBytes(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1] ?? 0) * PAGE;
    } catch {
      // Gone between the scan and the read.
    }
  }
  return total;
}

/** Polls `root`'s tree every `intervalMs`; calls `onExceed(tree)` once when its RSS passes `capBytes`. */
export function watchTreeMemory(
  root: number,
  capBytes: number,
  onExceed: (tree: number[]) => void,
  intervalMs = 150,
): () => void {
  const timer = setInterval(() => {
    const tree = processTree(root);
    if (residentBytes(tree) <= capBytes) return;
    clearInterval(timer);
    onExceed(tree);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** SIGKILLs every process in `pids` (a `setsid()` child leaves the process group, not the tree). */
export function killTree(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
