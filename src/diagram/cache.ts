/** Content-addressed cache of rendered SVG, so an unchanged diagram never starts a browser. */
import { readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';

/** The cache key: everything that changes the SVG. */
export function diagramCacheKey(parts: { text: string; id: string; mermaidVersion: string; config: unknown }): string {
  return sha256(JSON.stringify(parts));
}

/** Reads a cached SVG, or undefined. */
export function readCachedSvg(dir: string, key: string): string | undefined {
  return readCacheEntry(dir, key, 'svg');
}

/** Stores an SVG. */
export function writeCachedSvg(dir: string, key: string, svg: string): void {
  writeCacheEntry(dir, key, 'svg', svg);
}
