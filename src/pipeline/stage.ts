/**
 * Writes outputs to a staging folder and swaps the whole output in with one rename.
 *
 * `dist` is a symlink to a complete generation folder (`.dist-generations/<id>/`). A build writes a new
 * generation, fills in what it did not rebuild (hard links to the current generation's files, so a partial
 * build `proofdeck build decks/a` keeps the rest of dist/), points a fresh symlink at it and renames that
 * over `dist`: rename(2) replaces the link atomically, so a reader or a kill at any moment sees either the
 * old output or the new one, never a deck missing or a new deck beside an old site. Generations and stray
 * links left by killed builds are removed at the next start.
 */
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  copyFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { OutputError } from '../model/errors.ts';
import type { OutputFile } from '../runtime/files.ts';

/** A generation being written, and where it will be published. */
export interface Stage {
  /** The new generation folder. */
  dir: string;
  /** The published path (`dist`), a symlink after the first commit. */
  outDir: string;
}

/** Hooks for tests that kill a build between the commit's steps. */
export interface CommitHooks {
  afterStep?: (step: 'filled' | 'linked' | 'swapped') => void;
}

/** The folder holding generations of `outDir`, next to it (same file system: renames are atomic). */
export function generationsDir(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-generations`);
}

function currentGeneration(outDir: string): string | undefined {
  try {
    if (!lstatSync(outDir).isSymbolicLink()) return undefined;
    return path.resolve(path.dirname(outDir), readlinkSync(outDir));
  } catch {
    return undefined;
  }
}

/** Why writing failed, in words, for the errors a full or read-only disk gives. */
export function outputError(error: unknown, outDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
  };
  const reason = code ? reasons[code] : undefined;
  if (!reason) return error;
  return new OutputError(
    `cannot write ${outDir}: ${reason} (${code}); the previous output is unchanged. Free space or use --out <dir>`,
  );
}

/** Runs `work`, turning disk-full and permission errors into one clear {@link OutputError}. */
function writingTo<T>(outDir: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw outputError(error, outDir);
  }
}

/** Removes what killed builds left: generations other than the current one, temp links, old staging folders. */
export function cleanStale(outDir: string): void {
  const generations = generationsDir(outDir);
  const current = currentGeneration(outDir);
  if (existsSync(generations))
    for (const entry of readdirSync(generations)) {
      const full = path.join(generations, entry);
      if (full !== current && entry !== '.gitignore') rmSync(full, { recursive: true, force: true });
    }
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  if (existsSync(parent))
    for (const entry of readdirSync(parent))
      if (entry.startsWith(`.${base}.link-`)) rmSync(path.join(parent, entry), { force: true });
  // Folders of the previous design (dist/.staging-PID, dist/<deck>.old-PID) would otherwise be published.
  if (existsSync(outDir) && !current)
    for (const entry of readdirSync(outDir))
      if (/^\.staging-\d+$|\.old-\d+$/.test(entry)) rmSync(path.join(outDir, entry), { recursive: true, force: true });
}

/** Creates an empty generation folder for `outDir`, after cleaning up what killed builds left. */
export function openStage(outDir: string): Stage {
  return writingTo(outDir, () => {
    cleanStale(outDir);
    // mkdtemp: two stages opened in the same millisecond (a quick rebuild) must not share a folder.
    mkdirSync(generationsDir(outDir), { recursive: true });
    // `dist/` in a .gitignore matches directories only, not the `dist` link: keep every generation out of git.
    const ignore = path.join(generationsDir(outDir), '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
    const dir = mkdtempSync(path.join(generationsDir(outDir), `${Date.now().toString(36)}-${process.pid}-`));
    // mkdtemp makes the folder 0700: a web server's user could not read the published `dist`. The generations
    // folder was made by a plain mkdir, so its mode is what the user's umask allows.
    chmodSync(dir, statSync(generationsDir(outDir)).mode & 0o777);
    return { dir, outDir };
  });
}

/** Writes one output folder's files (e.g. `rust-in-kernel/…`) into the stage. */
export function writeToStage(stage: Stage, folder: string, files: readonly OutputFile[]): void {
  writingTo(stage.outDir, () => {
    for (const file of files) {
      const target = path.join(stage.dir, folder, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      if ('copyFrom' in file) copyFileSync(file.copyFrom, target);
      else writeFileSync(target, file.content);
    }
  });
}

/** Hard-links (or copies, across devices) a tree: files are never rewritten in place, so sharing is safe. */
function linkTree(from: string, to: string): void {
  const stat = lstatSync(from);
  if (stat.isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) linkTree(path.join(from, entry), path.join(to, entry));
  } else if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
}

/** What only a build with PDFs makes: the slide and handout PDFs, and the handout page. */
const PRINTOUT = /(\.pdf|^handout\.html)$/;

/** Links the printouts of the folder's current output into the stage, where the stage has none of its own. */
export function carryOverPrintouts(stage: Stage, folder: string): void {
  const current = path.join(stage.outDir, folder);
  if (!existsSync(current)) return;
  writingTo(stage.outDir, () => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const target = path.join(stage.dir, folder, entry.name);
      if (!entry.isFile() || !PRINTOUT.test(entry.name) || existsSync(target)) continue;
      // A hard link costs nothing and survives the old generation's removal at commit.
      linkSync(path.join(current, entry.name), target);
    }
  });
}

/**
 * Publishes the stage: folders not rebuilt this time are carried over from the current output, then one
 * rename swaps `outDir` to the new generation. The old generation is removed afterwards (or at the next start).
 */
export function commitStage(stage: Stage, folders: readonly string[], hooks: CommitHooks = {}): void {
  writingTo(stage.outDir, () => {
    const { outDir } = stage;
    const current = currentGeneration(outDir);
    const previous = current ?? (existsSync(outDir) ? outDir : undefined);
    if (previous)
      for (const entry of readdirSync(previous))
        if (!folders.includes(entry) && !/^\.staging-\d+$|\.old-\d+$/.test(entry))
          linkTree(path.join(previous, entry), path.join(stage.dir, entry));
    hooks.afterStep?.('filled');
    const link = path.join(path.dirname(outDir), `.${path.basename(outDir)}.link-${process.pid}`);
    rmSync(link, { force: true });
    symlinkSync(path.relative(path.dirname(outDir), stage.dir), link);
    hooks.afterStep?.('linked');
    if (existsSync(outDir) && !current) {
      // First build after an old-style dist/ folder: move it aside once (a rename, then the swap).
      renameSync(outDir, path.join(generationsDir(outDir), `legacy-${process.pid}`));
    }
    renameSync(link, outDir);
    hooks.afterStep?.('swapped');
    if (current) rmSync(current, { recursive: true, force: true });
    cleanStale(outDir);
  });
}

/** Removes the stage, leaving `outDir` as it was. */
export function discardStage(stage: Stage): void {
  rmSync(stage.dir, { recursive: true, force: true });
}
