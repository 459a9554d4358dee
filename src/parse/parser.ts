/** The markdown front end: remark with GFM, YAML frontmatter and directives, behind a per-file tree cache. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { fileIdentity, readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { restoreStrayTextDirectives } from './directives.ts';
import { attachFenceMeta } from './fence-meta.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkDirective)
  .freeze();

/** Options for {@link parseMarkdown}. */
export interface ParseOptions {
  /** Folder of cached syntax trees; `undefined` (the default) parses every time. */
  cacheDir?: string | undefined;
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

/** One entry per file path, so editing a file replaces its entry instead of piling up trees. */
interface CachedTree {
  key: string;
  tree: Root;
}

function readCachedTree(dir: string, slot: string, key: string): Root | undefined {
  const text = readCacheEntry(dir, slot, 'json');
  if (text === undefined) return undefined;
  try {
    const entry = JSON.parse(text) as Partial<CachedTree>;
    return entry.key === key && entry.tree?.type === 'root' ? entry.tree : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses a markdown file into mdast. Never throws on content: micromark accepts every input.
 * micromark needs ~150 ms for a 50 KB deck in a fresh process and the tree is a pure function of
 * the text, so an unchanged file is read back from the cache (~2 ms) instead.
 */
export function parseMarkdown(file: VFile, options: ParseOptions = {}): Root {
  const source = String(file.value);
  const { cacheDir } = options;
  let tree: Root | undefined;
  if (cacheDir === undefined) {
    tree = processor.parse(file);
  } else {
    const slot = sha256(path.resolve(file.path));
    const key = sha256(JSON.stringify([parserFingerprintOnce(), source]));
    tree = readCachedTree(cacheDir, slot, key);
    if (!tree) {
      tree = processor.parse(file);
      writeCacheEntry(cacheDir, slot, 'json', JSON.stringify({ key, tree } satisfies CachedTree));
    }
  }
  restoreStrayTextDirectives(tree, source);
  attachFenceMeta(tree);
  return tree;
}
