/** The markdown front end: remark with GFM, YAML frontmatter and directives, behind a content-addressed cache. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { readCacheEntry, writeCacheEntry } from '../cache/store.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { restoreStrayTextDirectives } from './directives.ts';

/** Names the processor below in cache keys: change it whenever the plugins or their options change. */
const SYNTAX = 'remark-parse+gfm+frontmatter(yaml)+directive';
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();

/** Options for {@link parseMarkdown}. */
export interface ParseOptions {
  /** Folder of cached syntax trees; `undefined` (the default) parses every time. */
  cacheDir?: string | undefined;
}

let dependencyFingerprint: string | undefined;

/**
 * The exact dependency versions the parser runs with: the lockfile when there is one (micromark's
 * extensions are transitive dependencies), else proofdeck's own version.
 */
function dependencies(): string {
  if (dependencyFingerprint === undefined) {
    const read = (file: string): string | undefined => {
      try {
        return readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    dependencyFingerprint = sha256(read('package-lock.json') ?? read('package.json') ?? '');
  }
  return dependencyFingerprint;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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
    const key = sha256(JSON.stringify([SYNTAX, dependencies(), source]));
    tree = readCachedTree(cacheDir, slot, key);
    if (!tree) {
      tree = processor.parse(file);
      writeCacheEntry(cacheDir, slot, 'json', JSON.stringify({ key, tree } satisfies CachedTree));
    }
  }
  restoreStrayTextDirectives(tree, source);
  return tree;
}
