/**
 * Fails when a source line is longer than the print width. Biome keeps code within 120 columns but never
 * splits strings or comments, so this check covers what the formatter leaves alone.
 * Usage: node scripts/check-lines.ts [folder …] (default: src test bench scripts)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_COLUMNS = 120;
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CHECKED = /\.(ts|js|mjs|cjs)$/;
/** Test fixtures are inputs written as users write them; generated or vendored code is not ours to wrap. */
const SKIPPED = new Set(['fixtures', 'node_modules']);

/** Every checked file under `dir`, sorted. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(full);
      return CHECKED.test(entry.name) ? [full] : [];
    });
}

/** `file:line: N columns` for each line over {@link MAX_COLUMNS} (counted in characters, not bytes). */
export function longLines(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const columns = [...line].length;
    return columns > MAX_COLUMNS ? [`${file}:${index + 1}: ${columns} columns`] : [];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : ['src', 'test', 'bench', 'scripts'];
  const found = folders
    .flatMap((folder) => sourceFiles(path.resolve(REPO, folder)))
    .flatMap((file) => longLines(path.relative(REPO, file), readFileSync(file, 'utf8')));
  if (found.length > 0) {
    process.stderr.write(`${found.join('\n')}\n${found.length} lines over ${MAX_COLUMNS} columns\n`);
    process.exitCode = 1;
  }
}
