/** Content-addressed cache of rendered SVG, so an unchanged diagram never starts a browser. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/** The cache key: everything that changes the SVG. */
export function diagramCacheKey(parts: { text: string; id: string; mermaidVersion: string; config: unknown }): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Reads a cached SVG, or undefined. */
export function readCachedSvg(dir: string, key: string): string | undefined {
  const file = path.join(dir, `${key}.svg`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Stores an SVG; written to a temp name and renamed so a killed build never leaves half a file. */
export function writeCachedSvg(dir: string, key: string, svg: string): void {
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(temp, svg);
  renameSync(temp, path.join(dir, `${key}.svg`));
}
