/** Writes outputs to a staging folder and swaps them into `dist/` only when everything succeeded. */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../runtime/files.ts';

/** A staging area next to the output folder (same file system, so renames are atomic). */
export interface Stage {
  dir: string;
  outDir: string;
}

/** Creates an empty staging folder inside `outDir`. */
export function openStage(outDir: string): Stage {
  const dir = path.join(outDir, `.staging-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { dir, outDir };
}

/** Writes one output folder's files (e.g. `rust-in-kernel/…`) into the stage. */
export function writeToStage(stage: Stage, folder: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const target = path.join(stage.dir, folder, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    if ('copyFrom' in file) copyFileSync(file.copyFrom, target);
    else writeFileSync(target, file.content);
  }
}

/** Replaces each staged folder in `outDir`; folders not built this time stay as they were. */
export function commitStage(stage: Stage, folders: readonly string[]): void {
  for (const folder of folders) {
    const target = path.join(stage.outDir, folder);
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(path.join(stage.dir, folder), target);
    rmSync(old, { recursive: true, force: true });
  }
  discardStage(stage);
}

/** Removes the stage, leaving `outDir` as it was. */
export function discardStage(stage: Stage): void {
  rmSync(stage.dir, { recursive: true, force: true });
}
