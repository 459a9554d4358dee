/**
 * Reads a deck file in its dialect: picks the dialect, rewrites and parses the source (per slide when the dialect
 * splits the source, as reveal.js and Marp do), and maps every position back into the original file.
 */
import type { Root, RootContent, Yaml } from 'mdast';
import { VFile } from 'vfile';
import { parseMarkdown, type ParseOptions } from '../parse/parser.ts';
import { detectDialect, frontmatterData, frontmatterRange } from './detect.ts';
import { applyEdits, remapPositions } from './edits.ts';
import { DIALECT_MODULES } from './index.ts';
import type { Dialect, DialectContext, DialectFinding, DialectName, SourceSlide } from './types.ts';

/** A slide cut from the source, parsed: its content and notes nodes (positions in the original file). */
interface ParsedSourceSlide {
  range: SourceSlide;
  content: RootContent[];
  notes: RootContent[];
}

/** A deck file read in its dialect. */
export interface DialectRead {
  dialect: Dialect;
  /** The file's path, as given. */
  path: string;
  /** Every node of the file, in order, positions in the original text (checks and snippets read this). */
  tree: Root;
  /** Raw frontmatter data, `{}` when none. */
  frontmatter: Record<string, unknown>;
  /** Present when the dialect splits the source: the slides in order. */
  sourceSlides?: ParsedSourceSlide[];
  /** What the dialect's hooks reported; the loader turns them into positioned messages. */
  findings: DialectFinding[];
  context: DialectContext;
}

/** Options for {@link readDialect}. */
export interface ReadDialectOptions {
  /** `--from`: forces the dialect. */
  from?: DialectName | undefined;
  /** The configured default when the file says nothing. @default 'proofdeck' */
  fallback?: DialectName | undefined;
  /** Cache of syntax trees (whole-file parses only). */
  cacheDir?: string | undefined;
  /** `false`: the cache folder is left as it is, what was parsed is kept in memory (parser.ts). @default true */
  writeCache?: boolean;
}

/** Parses `source.slice(start, end)` after the dialect's rewrites, positions mapped into the whole file. */
function parseRange(
  file: VFile,
  dialect: Dialect,
  context: DialectContext,
  [start, end]: [number, number],
  cache: ParseOptions = {},
): Root {
  const piece = context.source.slice(start, end);
  const edits = dialect.rewrite?.(piece, context) ?? [];
  const { text, toOriginal } = applyEdits(piece, edits);
  const whole = start === 0 && end === context.source.length;
  // Only whole-file parses are cached: the cache keeps one tree per file path.
  const pieceFile = new VFile({ path: file.path, value: text });
  const tree = parseMarkdown(pieceFile, whole ? cache : {});
  remapPositions(tree, (offset) => start + toOriginal(offset), context.source);
  // The parser's own errors (deck/limit) reach the deck's file, at their line in the whole source.
  const lineShift = context.source.slice(0, start).split('\n').length - 1;
  for (const message of pieceFile.messages) {
    if (message.line !== undefined) message.line += lineShift;
    file.messages.push(message);
  }
  return tree;
}

/** Reads `file` (its `value` is the original source) in the dialect it is written in. */
export function readDialect(file: VFile, options: ReadDialectOptions = {}): DialectRead {
  const source = String(file.value);
  const frontmatter = frontmatterData(source);
  const name = detectDialect(file.path, frontmatter, { from: options.from, fallback: options.fallback, source });
  const dialect = DIALECT_MODULES[name];
  const findings: DialectFinding[] = [];
  const context: DialectContext = { source, frontmatter, report: (finding) => findings.push(finding) };
  if (!dialect.splitSource) {
    const tree = parseRange(file, dialect, context, [0, source.length], {
      cacheDir: options.cacheDir,
      writeCache: options.writeCache !== false,
    });
    dialect.transformTree?.(tree.children, context);
    return { dialect, path: file.path, tree, frontmatter, findings, context };
  }
  const bodyStart = frontmatterRange(source)?.end ?? 0;
  const head = bodyStart > 0 ? parseRange(file, dialect, context, [0, bodyStart]) : undefined;
  const yaml = head?.children.filter((node): node is Yaml => node.type === 'yaml') ?? [];
  const sourceSlides = dialect.splitSource(source, bodyStart, context).map((range): ParsedSourceSlide => {
    const content = parseRange(file, dialect, context, [range.start, range.end]).children;
    const notes = range.notes ? parseRange(file, dialect, context, [range.notes.start, range.notes.end]).children : [];
    dialect.transformTree?.(content, context);
    return { range, content, notes };
  });
  const tree: Root = {
    type: 'root',
    children: [...yaml, ...sourceSlides.flatMap((slide) => [...slide.content, ...slide.notes])],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: source.length } },
  };
  return { dialect, path: file.path, tree, frontmatter, sourceSlides, findings, context };
}
