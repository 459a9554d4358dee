/** Marp's directives as marpit reads them: which keys are global or local, and comments that set them. */
import { parse as parseYaml } from 'yaml';

const GLOBAL_DIRECTIVES = new Set([
  'marp',
  'theme',
  'style',
  'headingDivider',
  'lang',
  'math',
  'title',
  'description',
  'author',
  'image',
  'keywords',
  'url',
  'size',
]);
const LOCAL_DIRECTIVES = new Set([
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'transition',
]);

export type Directives = Record<string, unknown>;

export const isDirectiveKey = (key: string): boolean =>
  GLOBAL_DIRECTIVES.has(key) ||
  LOCAL_DIRECTIVES.has(key) ||
  (key.startsWith('_') && LOCAL_DIRECTIVES.has(key.slice(1)));

/** Directives other dialects also read in frontmatter (title, theme, header, transition, …), or read as their own. */
const SHARED_KEYS = new Set([
  'marp',
  'theme',
  'style',
  'lang',
  'title',
  'description',
  'author',
  'image',
  'keywords',
  'url',
  'header',
  'footer',
  'class',
  'transition',
]);

/**
 * A Marp directive no other dialect reads in frontmatter (paginate, headingDivider, backgroundColor, size, math, …):
 * marp-cli needs no `marp: true`, so a deck written for it often says only `paginate: true`.
 */
export const isMarpOnlyKey = (key: string): boolean =>
  (GLOBAL_DIRECTIVES.has(key) || LOCAL_DIRECTIVES.has(key)) && !SHARED_KEYS.has(key);

/** The comments of an HTML block made only of comments, or undefined when it holds other HTML. */
export function onlyComments(value: string): string[] | undefined {
  const comments = [...value.matchAll(/<!--([\s\S]*?)-->/g)];
  if (comments.length === 0 || value.replace(/<!--[\s\S]*?-->/g, '').trim() !== '') return undefined;
  return comments.map((match) => match[1] ?? '');
}

/** A comment is a directive comment when its YAML is a map and its keys are directives (marpit's rule). */
export function readDirectiveComment(text: string): Directives | undefined {
  let value: unknown;
  try {
    value = parseYaml(text.trim());
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every(isDirectiveKey) ? (value as Directives) : undefined;
}

export function headingDividerLevels(value: unknown): (depth: number) => boolean {
  if (typeof value === 'number') return (depth) => depth <= value;
  if (Array.isArray(value)) return (depth) => value.includes(depth);
  return () => false;
}

export const cssUrl = (value: string): string => value.replace(/^url\(\s*(['"]?)(.*?)\1\s*\)$/, '$2');

/** marpit accepts `class: a b` and a YAML list of classes. */
export function classList(value: unknown): string[] {
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : value;
  return typeof text === 'string' ? text.split(/\s+/).filter(Boolean) : [];
}

export function pickGlobals(directives: Directives): Directives {
  return Object.fromEntries(Object.entries(directives).filter(([key]) => GLOBAL_DIRECTIVES.has(key)));
}

export function pickLocals(directives: Directives, spot: boolean): Directives {
  const entries = Object.entries(directives).flatMap(([key, value]): [string, unknown][] => {
    if (spot) return key.startsWith('_') && LOCAL_DIRECTIVES.has(key.slice(1)) ? [[key.slice(1), value]] : [];
    return LOCAL_DIRECTIVES.has(key) ? [[key, value]] : [];
  });
  return Object.fromEntries(entries);
}
