/**
 * One scratch folder per process in the system temp folder, holding the build's short-lived folders (compiler
 * jobs, the fit stage's pages, the mermaid page). Each user still removes its own folder when done; the scratch
 * folder is what makes a killed build leave nothing behind: it is removed when the process exits, and on
 * SIGINT, SIGTERM and SIGHUP, which would otherwise end the process without running exit handlers. A folder
 * left by a process killed outright (SIGKILL, out of memory) is swept by the next process that makes one.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'proofdeck-scratch-';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** This process's scratch folder in each temp folder it used (TMPDIR may change while a library user runs). */
const roots = new Map<string, string>();
let listening = false;

function removeRoots(): void {
  for (const root of roots.values()) rmSync(root, { recursive: true, force: true, maxRetries: 2 });
  roots.clear();
}

/**
 * On a signal, when no other listener handles it (dev's shutdown, puppeteer closing chromium: the process then
 * ends through `exit`, which removes the folders), removes them and ends the process by the same signal, as
 * Node would have without this listener: the exit status stays what it was.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removeRoots();
  for (const name of SIGNALS) process.off(name, onSignal);
  process.kill(process.pid, signal);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the scratch folders of processes that no longer run. */
function sweep(tmp: string): void {
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    // No temp folder to sweep: making the scratch folder fails next, with the path in its message.
    return;
  }
  for (const name of names) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid)))
      rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

function scratchRoot(): string {
  const tmp = tmpdir();
  const existing = roots.get(tmp);
  if (existing && existsSync(existing)) return existing;
  sweep(tmp);
  if (!listening) {
    listening = true;
    process.once('exit', removeRoots);
    for (const name of SIGNALS) process.on(name, onSignal);
  }
  const root = mkdtempSync(path.join(tmp, `${PREFIX}${process.pid}-`));
  roots.set(tmp, root);
  // Enterable, not listable, by others: a job folder inside is handed to the sandbox's unprivileged uid.
  chmodSync(root, 0o711);
  return root;
}

/** A new folder `<name>-XXXXXX` in this process's scratch folder; the caller removes it when done. */
export function scratchDir(name: string): string {
  return mkdtempSync(path.join(scratchRoot(), `${name}-`));
}
