/** `proofdeck convert`: a Marp or Slidev deck as native proofdeck markdown, with the dialect's warnings. */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { type Dialect, detectDialect } from '../dialect/sniff.ts';
import { translateDialect } from '../dialect/translate.ts';
import { addWarning } from '../report/messages.ts';

/** What {@link convertDeck} returns: the native text (undefined for a native deck) and the warnings. */
export interface Converted {
  markdown: string | undefined;
  file: VFile;
}

/** Options for {@link convertDeck}. */
export interface ConvertOptions {
  /** The source dialect. @default detected from the frontmatter */
  from?: Dialect | undefined;
  knownThemes?: ReadonlySet<string>;
  cwd?: string;
}

/** Translates one file; a native proofdeck file is returned unchanged. */
export function convertDeck(path: string, options: ConvertOptions = {}): Converted {
  const source = readFileSync(path, 'utf8');
  const file = new VFile({ path, cwd: options.cwd ?? process.cwd(), value: source });
  const dialect = options.from ?? detectDialect(source);
  const translation = translateDialect(dialect, source, path, {
    ...(options.knownThemes ? { knownThemes: options.knownThemes } : {}),
  });
  for (const w of translation?.warnings ?? []) addWarning(file, w.reason, { line: w.line, column: w.column }, w.ruleId, w.hint);
  return { markdown: translation ? translation.markdown : source, file };
}
