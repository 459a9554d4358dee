/** The markdown front end: remark with GFM, YAML frontmatter and directives, behind a per-file tree cache. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { fileIdentity, readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import remarkGemoji from 'remark-gemoji';
import { addError } from '../report/messages.ts';
import { mergeAdjacentText, restoreStrayTextDirectives } from './directives.ts';
import { checkSourceLimits, checkTreeLimits, type LimitBreach } from './limits.ts';
import { attachFenceMeta } from './fence-meta.ts';
import { type ChunkedParse, parseChunked, type ParseText } from './incremental.ts';
import { restoreDollarText } from './math.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkDirective)
  .use(remarkMath)
  .freeze();

const emoji = remarkGemoji() as (tree: Root) => void;

/** Options for {@link parseMarkdown}. */
export interface ParseOptions {
  /** Folder of cached syntax trees; `undefined` (the default) parses every time. */
  cacheDir?: string | undefined;
  /**
   * `false` leaves the cache folder as it is and keeps what was parsed in memory only, for the next parse that
   * writes (dev's fast path: the full build that follows it writes the file). @default true
   */
  writeCache?: boolean;
}

let parserFingerprint: string | undefined;

/**
 * What decides a tree besides the text: this module's code (its processor; from the bundle, the chunk
 * that holds it), the exact dependency versions (the lockfile: micromark's extensions are transitive
 * dependencies) and the installed packages (npm rewrites node_modules/.package-lock.json on any change).
 */
function parserFingerprintOnce(): string {
  if (parserFingerprint === undefined) {
    const read = (file: string): string => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    };
    const inPackage = (file: string) => path.join(PACKAGE_ROOT, file);
    const self = fileURLToPath(import.meta.url);
    // A bundle chunk's name already holds esbuild's hash of its content; hashing 900 KB would cost ~4 ms.
    const code = /-[A-Z0-9]{8}\.js$/.test(self) ? path.basename(self) : read(self);
    const lockfile = read(inPackage('package-lock.json')) || read(inPackage('package.json'));
    const installed = fileIdentity(inPackage('node_modules/.package-lock.json'));
    parserFingerprint = sha256(JSON.stringify([sha256(code), sha256(lockfile), installed]));
  }
  return parserFingerprint;
}

/**
 * One entry per file path, so editing a file replaces its entry instead of piling up trees: the parser's
 * fingerprint on the first line, then two lines per chunk, its text as a JSON string and its tree as JSON
 * (positions relative to the chunk). Unchanged chunks are written back as the text they were read as.
 */
function readCachedChunks(dir: string, slot: string, key: string): Map<string, string> {
  const chunks = new Map<string, string>();
  const lines = readCacheEntry(dir, slot, 'jsonl')?.split('\n') ?? [];
  // Whole: the key, two lines a chunk, and the final newline.
  if (lines[0] !== key || lines.length % 2 !== 0 || lines.at(-1) !== '') return chunks;
  try {
    for (let index = 1; index + 1 < lines.length; index += 2)
      chunks.set(JSON.parse(lines[index] ?? '') as string, lines[index + 1] ?? '');
  } catch {
    // A torn entry: parse again.
    chunks.clear();
  }
  return chunks;
}

function writeCachedChunks(dir: string, slot: string, key: string, chunks: ReadonlyMap<string, string>): void {
  const lines = [key];
  for (const [text, json] of chunks) lines.push(JSON.stringify(text), json);
  writeCacheEntry(dir, slot, 'jsonl', `${lines.join('\n')}\n`);
}

/**
 * The chunk trees of the cache files this process read or wrote last (the dev server parses the same decks on
 * every edit), valid while the file's identity is unchanged: no JSON to read. The oldest is forgotten first.
 */
const recentChunks = new Map<
  string,
  { identity: string | undefined; chunks: Map<string, string>; unwritten: boolean }
>();
const RECENT_FILES = 16;

function previousChunks(dir: string, slot: string, key: string): Map<string, string> {
  const file = path.join(dir, `${slot}.jsonl`);
  const recent = recentChunks.get(file);
  if (recent && recent.identity === fileIdentity(file)) return recent.chunks;
  return readCachedChunks(dir, slot, key);
}

/** Keeps `chunks` in memory; writes them when they differ from the file's (`changed`) and `write` allows. */
function storeChunks(
  dir: string,
  slot: string,
  key: string,
  chunks: Map<string, string>,
  changed: boolean,
  write: boolean,
): void {
  const file = path.join(dir, `${slot}.jsonl`);
  const recent = recentChunks.get(file);
  const stale = changed || (recent?.unwritten === true && recent.identity === fileIdentity(file));
  if (stale && write) writeCachedChunks(dir, slot, key, chunks);
  recentChunks.delete(file);
  recentChunks.set(file, { identity: fileIdentity(file), chunks, unwritten: stale && !write });
  const oldest = recentChunks.keys().next().value;
  if (recentChunks.size > RECENT_FILES && oldest !== undefined) recentChunks.delete(oldest);
}

/**
 * Parses one text with remark's parser only (no post-processing); undefined when its tree breaks a limit (the
 * whole file is then parsed and refused).
 */
export const parseText: ParseText = (text) => {
  const tree = processor.parse(text);
  return checkTreeLimits(tree) ? undefined : tree;
};

/**
 * The file's tree from its chunks (see incremental.ts), unchanged chunks from memory or the cache folder;
 * a file the chunks cannot give (definitions) is parsed whole and cached as one chunk.
 */
function parseCached(source: string, filePath: string, cacheDir: string, write: boolean): Root {
  const slot = sha256(path.resolve(filePath));
  const key = parserFingerprintOnce();
  const previous = previousChunks(cacheDir, slot, key);
  let result: ChunkedParse | undefined;
  try {
    // Only a whole-file parse or a file's last chunk is keyed by its full text (incremental.ts keys the others apart).
    const whole = previous.get(source);
    result =
      whole === undefined
        ? parseChunked(source, parseText, previous)
        : { tree: JSON.parse(whole) as Root, chunks: previous, parsed: 0 };
  } catch {
    // A cached tree that is not JSON (the file was damaged): parse every chunk.
    result = parseChunked(source, parseText);
  }
  if (!result) {
    const tree = processor.parse(source);
    // Over the limits: not cached (too deep to serialise), refused by the caller.
    if (checkTreeLimits(tree)) return tree;
    result = { tree, chunks: new Map([[source, JSON.stringify(tree)]]), parsed: 1 };
  }
  const changed = result.parsed > 0 || result.chunks.size !== previous.size;
  storeChunks(cacheDir, slot, key, result.chunks, changed, write);
  return result.tree;
}

/** Reports a broken limit and gives the rest of the pipeline an empty tree: nothing deep or huge to walk. */
function refuse(file: VFile, breach: LimitBreach): Root {
  addError(
    file,
    breach.message,
    { line: breach.line, column: breach.column },
    'deck/limit',
    'The limits (file size, nesting depth, table rows) are listed in the README under "Limits".',
  );
  return { type: 'root', children: [] };
}

/**
 * Parses a markdown file into mdast. Never throws on content: micromark accepts every input.
 * micromark needs ~150 ms for a 50 KB deck in a fresh process and the tree is a pure function of
 * the text, so with a cache folder only the slides an edit touched are parsed again (incremental.ts).
 */
export function parseMarkdown(file: VFile, options: ParseOptions = {}): Root {
  const source = String(file.value);
  const { cacheDir } = options;
  const early = checkSourceLimits(source);
  if (early) return refuse(file, early);
  const tree =
    cacheDir === undefined
      ? processor.parse(file)
      : parseCached(source, file.path, cacheDir, options.writeCache !== false);
  const late = checkTreeLimits(tree);
  if (late) return refuse(file, late);
  restoreStrayTextDirectives(tree, source);
  mergeAdjacentText(tree);
  // `:+1:` → 👍 as GitHub, Marp and Quarto (`+emoji`) show it; code is left alone.
  emoji(tree);
  attachFenceMeta(tree);
  restoreDollarText(tree, source);
  return tree;
}
