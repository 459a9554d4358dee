/**
 * Slide-level incremental parsing: the source is cut before ATX headings into chunks, each chunk is parsed on its
 * own (or taken from a store of earlier parses), and the pieces are joined into the tree a parse of the whole
 * file gives, positions included. An edit then re-parses only the chunk it touched.
 *
 * Why a cut is safe: markdown's block structure is decided line by line, and a heading at column 1 that the
 * parser sees as a top-level heading closes every open block (lists, quotes, tables, paragraphs). So the text
 * before it parses the same alone as in the whole file, and the text from it on starts from a clean state.
 * Each chunk is parsed together with the next chunk's heading line, and the cut is kept only when that line
 * comes out as a top-level heading: a fence, `:::` container, math block or HTML block still open there
 * swallows it and the two chunks are merged instead. What is not local: reference and footnote definitions
 * (`[x]: url`, `[^x]: …`) decide what `[x]` means anywhere in the file, so a file with one is parsed whole.
 */
import type { Nodes, Root } from 'mdast';

/**
 * Parses a markdown text into mdast (positions from line 1, column 1, offset 0); undefined refuses the text
 * (a tree over the limits), and the file is then parsed whole.
 */
export type ParseText = (text: string) => Root | undefined;

/**
 * Trees of chunk texts parsed earlier, as JSON (positions relative to the chunk's start): a tree read from it is
 * a fresh object the caller may change, and the cache file is written without serialising unchanged chunks.
 */
export type ChunkTrees = ReadonlyMap<string, string>;

/** The outcome of {@link parseChunked}. */
export interface ChunkedParse {
  tree: Root;
  /** The tree of every chunk of this source (keyed by its text): the store for the next parse of the file. */
  chunks: Map<string, string>;
  /** How many chunks had to be parsed (not found in `previous`). */
  parsed: number;
}

/** Ends the key of a chunk parsed with the next chunk's heading line; no markdown text ends with it. */
const WITH_NEXT_HEADING = '\u0000next-heading';
const HEADING_LINE = /^#{1,6}(?:[ \t]|\r?$)/;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const MATH_FENCE = /^ {0,3}\${2,}/;
const CONTAINER_OPEN = /^ {0,3}:{3,}[ \t]*[A-Za-z]/;
const CONTAINER_CLOSE = /^ {0,3}:{3,}[ \t]*\r?$/;

/** Offsets of line starts where a heading might start a chunk: outside frontmatter and obvious fences. */
export function chunkStarts(source: string): number[] {
  const starts: number[] = [0];
  let fence: { char: string; length: number } | undefined;
  let offset = frontmatterEnd(source);
  if (offset === undefined) return starts;
  let math = false;
  let containers = 0;
  while (offset < source.length) {
    const newline = source.indexOf('\n', offset);
    const end = newline === -1 ? source.length : newline;
    const line = source.slice(offset, end);
    const fenceMatch = FENCE_LINE.exec(line);
    if (fence) {
      const marker = fenceMatch?.[1];
      if (marker?.[0] === fence.char && marker.length >= fence.length && fenceMatch?.[2]?.trim() === '')
        fence = undefined;
    } else if (math) {
      if (MATH_FENCE.test(line)) math = false;
    } else if (fenceMatch?.[1] && !(fenceMatch[1][0] === '`' && fenceMatch[2]?.includes('`'))) {
      fence = { char: fenceMatch[1][0] ?? '`', length: fenceMatch[1].length };
    } else if (MATH_FENCE.test(line)) {
      math = !/^ {0,3}\$\$.*\$\$\s*$/.test(line);
    } else if (CONTAINER_OPEN.test(line)) {
      containers++;
    } else if (CONTAINER_CLOSE.test(line)) {
      containers = Math.max(0, containers - 1);
    } else if (offset > 0 && containers === 0 && HEADING_LINE.test(line)) {
      starts.push(offset);
    }
    offset = end + 1;
  }
  return starts;
}

/**
 * Where the body starts after YAML frontmatter (0 without one); undefined when the file opens with `---` but
 * no closing line follows (no safe cut then: the parser decides what the opening line is).
 */
function frontmatterEnd(source: string): number | undefined {
  if (!/^\uFEFF?---[ \t]*\r?(\n|$)/.test(source)) return 0;
  const closing = /\n---[ \t]*\r?(?:\n|$)/g;
  closing.lastIndex = source.indexOf('---') + 3;
  const match = closing.exec(source);
  return match ? match.index + match[0].length : undefined;
}

/** Where the line starting at `offset` ends, its newline included. */
function lineEnd(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

/** A chunk that was parsed with the next chunk's heading line: the heading must be the last top-level node. */
function dropNextHeading(tree: Root, headingOffset: number): Root | undefined {
  const last = tree.children.at(-1);
  if (last?.type !== 'heading' || last.position?.start.offset !== headingOffset) return undefined;
  return { ...tree, children: tree.children.slice(0, -1) };
}

/** Whether a chunk's tree may hold a definition (a text that mentions one too: that only costs a whole parse). */
function mayDefine(json: string): boolean {
  return json.includes('"type":"definition"') || json.includes('"type":"footnoteDefinition"');
}

/** Moves every position in `node` and below down by `lines` lines and on by `offset` characters, in place. */
function shiftPositions(node: Nodes, lines: number, offset: number): void {
  const { position } = node;
  if (position) {
    position.start = shiftPoint(position.start, lines, offset);
    position.end = shiftPoint(position.end, lines, offset);
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, lines, offset);
}

interface PointLike {
  line: number;
  column: number;
  offset?: number | undefined;
}

function shiftPoint<T extends PointLike>(point: T, lines: number, offset: number): T {
  return (
    point.offset === undefined
      ? { line: point.line + lines, column: point.column }
      : { line: point.line + lines, column: point.column, offset: point.offset + offset }
  ) as T;
}

function countLines(source: string, from: number, to: number): number {
  let lines = 0;
  for (let index = source.indexOf('\n', from); index !== -1 && index < to; index = source.indexOf('\n', index + 1))
    lines++;
  return lines;
}

/**
 * Parses `source` chunk by chunk, taking unchanged chunks from `previous`. Returns undefined when the file has a
 * reference or footnote definition, or `parse` refused a chunk: the caller parses the file whole.
 */
export function parseChunked(
  source: string,
  parse: ParseText,
  previous: ChunkTrees = new Map(),
): ChunkedParse | undefined {
  const starts = chunkStarts(source);
  const chunks = new Map<string, string>();
  const children: Root['children'] = [];
  let parsed = 0;
  let end: Root['position'] | undefined;
  let chunkStart = 0;
  let lineShift = 0;
  for (let index = 1; index <= starts.length; index++) {
    const next = starts[index];
    // The last chunk runs to the end; the others are read with the next chunk's heading line.
    const text = source.slice(chunkStart, next === undefined ? source.length : lineEnd(source, next));
    // A chunk read with the next heading line is keyed apart: when that line ends the file, its text is the whole
    // file, and the caller takes an entry keyed by the whole text for the tree of the whole file.
    const key = next === undefined ? text : `${text}${WITH_NEXT_HEADING}`;
    let json = previous.get(key) ?? chunks.get(key);
    let tree: Root | undefined;
    if (json === undefined) {
      const full = parse(text);
      parsed++;
      if (!full) return undefined;
      tree = next === undefined ? full : dropNextHeading(full, next - chunkStart);
      // The heading line was swallowed by something still open: the next chunk joins this one.
      if (!tree) continue;
      json = JSON.stringify(tree);
    }
    if (mayDefine(json)) return undefined;
    chunks.set(key, json);
    tree ??= JSON.parse(json) as Root;
    for (const child of tree.children) {
      shiftPositions(child, lineShift, chunkStart);
      children.push(child);
    }
    end = tree.position;
    if (next !== undefined) {
      lineShift += countLines(source, chunkStart, next);
      chunkStart = next;
    }
  }
  const tree: Root = { type: 'root', children };
  if (end)
    tree.position = { start: { line: 1, column: 1, offset: 0 }, end: shiftPoint(end.end, lineShift, chunkStart) };
  return { tree, chunks, parsed };
}
