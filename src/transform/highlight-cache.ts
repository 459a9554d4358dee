/**
 * Highlighting with a content-addressed cache in front of shiki: a build whose code blocks are all
 * unchanged never imports shiki, which is most of a warm rebuild's start-up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import type { Element } from 'hast';
import {
  createShikiHighlighter,
  shikiName,
  shikiPre,
  type CodeHighlighter,
  type HighlighterPool,
  type ShikiHighlighter,
} from './highlight.ts';

/** One block a build will highlight. */
export interface HighlightRequest {
  code: string;
  lang: string;
  theme: string;
}

/** Options for {@link prepareHighlighter}. */
export interface PrepareOptions {
  /** Cache folder; `undefined` disables the cache. */
  cacheDir: string | undefined;
  /** Keep shiki between builds (`proofdeck dev`); otherwise one is made on a miss and disposed with `dispose()`. */
  pool?: HighlighterPool | undefined;
}

/** A highlighter ready for every requested block, and how to release it. */
export interface PreparedHighlighter extends CodeHighlighter {
  dispose(): void;
}

const SHIKI_VERSION = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('shiki/package.json'), 'utf8')) as { version: string }
).version;

function keyOf({ code, lang, theme }: HighlightRequest): string {
  return sha256(JSON.stringify([SHIKI_VERSION, theme, shikiName(lang), code.replace(/\n$/, '')]));
}

function readCached(dir: string | undefined, key: string): Element | undefined {
  const text = readCacheEntry(dir, key, 'json');
  try {
    return text === undefined ? undefined : (JSON.parse(text) as Element);
  } catch {
    return undefined;
  }
}

/**
 * Looks every request up in the cache and highlights the misses with shiki (loaded only then), so
 * rendering stays synchronous. A block that was not requested is highlighted on demand if shiki is loaded.
 */
export async function prepareHighlighter(
  requests: readonly HighlightRequest[],
  options: PrepareOptions,
): Promise<PreparedHighlighter> {
  const ready = new Map<string, Element>();
  const misses: HighlightRequest[] = [];
  for (const request of requests) {
    const key = keyOf(request);
    if (ready.has(key)) continue;
    const cached = readCached(options.cacheDir, key);
    if (cached) ready.set(key, cached);
    else misses.push(request);
  }
  let shiki: ShikiHighlighter | undefined;
  const loadShiki = async (): Promise<ShikiHighlighter> => {
    const themes = [...new Set(requests.map((r) => r.theme))];
    const langs = requests.map((r) => r.lang);
    return options.pool ? options.pool.get(themes, langs) : createShikiHighlighter(themes, langs);
  };
  if (misses.length > 0) {
    shiki = await loadShiki();
    for (const miss of misses) {
      const key = keyOf(miss);
      const pre = shikiPre(shiki, miss.code, miss.lang, miss.theme);
      ready.set(key, pre);
      if (options.cacheDir) writeCacheEntry(options.cacheDir, key, 'json', JSON.stringify(pre));
    }
  }
  return {
    pre(code, lang, theme) {
      const request = { code, lang, theme };
      const found = ready.get(keyOf(request));
      if (found) return structuredClone(found);
      if (!shiki) throw new Error(`code block in ${lang} was not prepared for highlighting`);
      return shikiPre(shiki, code, lang, theme);
    },
    dispose() {
      if (shiki && !options.pool) shiki.highlighter.dispose();
    },
  };
}
