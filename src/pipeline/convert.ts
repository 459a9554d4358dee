/** `proofdeck convert`: a deck of another dialect as native proofdeck markdown, with the dialect's warnings. */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { detectDialect, frontmatterData } from '../dialect/detect.ts';
import { translateDialect } from '../dialect/translate.ts';
import type { DialectName } from '../model/deck.ts';
import { addWarning } from '../report/messages.ts';
import { deckToMarkdown } from '../dialect/native-markdown.ts';
import { loadDeck } from './load.ts';

/** What {@link convertDeck} returns: the native text (undefined when there is no translation) and the warnings. */
export interface Converted {
  markdown: string | undefined;
  dialect: DialectName;
  file: VFile;
}

/** Options for {@link convertDeck}. */
export interface ConvertOptions {
  /** The source dialect. @default detected from the file */
  from?: DialectName | undefined;
  knownThemes?: ReadonlySet<string>;
  cwd?: string;
}

/** Translates one file; a native proofdeck file is returned unchanged. */
export function convertDeck(path: string, options: ConvertOptions = {}): Converted {
  const source = readFileSync(path, 'utf8');
  const file = new VFile({ path, cwd: options.cwd ?? process.cwd(), value: source });
  const dialect = detectDialect(path, frontmatterData(source), { from: options.from, source });
  const translation = translateDialect(dialect, source, path, {
    ...(options.knownThemes ? { knownThemes: options.knownThemes } : {}),
  });
  for (const w of translation?.warnings ?? [])
    addWarning(file, w.reason, { line: w.line, column: w.column }, w.ruleId, w.hint);
  if (translation) return { markdown: translation.markdown, dialect, file };
  if (dialect === 'proofdeck') return { markdown: source, dialect, file };
  // reveal.js, reveal-md, pandoc/Quarto: read by the framework, written back from the slide tree.
  const loaded = loadDeck(
    { name: 'convert', path },
    { knownThemes: options.knownThemes ?? new Set(['dark', 'light']), from: dialect, cwd: file.cwd },
  );
  const markdown = loaded.deck ? deckToMarkdown(loaded.deck) : undefined;
  return { markdown, dialect, file: loaded.file };
}
