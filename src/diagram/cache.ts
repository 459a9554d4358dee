/** Content-addressed cache of rendered SVG, so an unchanged diagram never starts a browser. */
import { createHash } from 'node:crypto';
import { readCacheEntry, writeCacheEntry } from '../cache/store.ts';

/** The cache key: everything that changes the SVG. */
export function diagramCacheKey(parts: { text: string; id: string; mermaidVersion: string; config: unknown }): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Reads a cached SVG, or undefined. */
export function readCachedSvg(dir: string, key: string): string | undefined {
  return readCacheEntry(dir, key, 'svg');
}

/** Stores an SVG. */
export function writeCachedSvg(dir: string, key: string, svg: string): void {
  writeCacheEntry(dir, key, 'svg', svg);
}
