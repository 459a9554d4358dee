/** One entry point for every translated dialect: source text in, native proofdeck markdown out. */
import path from 'node:path';
import type { DialectName as Dialect } from '../model/deck.ts';
import { translateMarp } from './marp-deck.ts';
import { translateSlidev } from './slidev-deck.ts';
import type { Translation } from './translation.ts';

/** Options for {@link translateDialect}. */
export interface TranslateOptions {
  knownThemes?: ReadonlySet<string>;
  /** Reads a file a deck imports (Slidev's `src:`). @default fs.readFileSync */
  readFile?: (file: string) => string;
}

/** Translates a Marp or Slidev deck; a native deck has nothing to translate. */
export function translateDialect(
  dialect: Dialect,
  source: string,
  file: string,
  options: TranslateOptions = {},
): Translation | undefined {
  const fallbackTitle = path.basename(file, path.extname(file));
  const common = { fallbackTitle, ...(options.knownThemes ? { knownThemes: options.knownThemes } : {}) };
  if (dialect === 'marp') return translateMarp(source, file, common);
  if (dialect === 'slidev')
    return translateSlidev(source, file, { ...common, ...(options.readFile ? { readFile: options.readFile } : {}) });
  return undefined;
}
