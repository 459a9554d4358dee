/**
 * Finds every fenced block of a markdown tree: the C, C++ and Rust blocks (and console transcripts) become
 * {@link Snippet}s, and every block is recorded with what proves it or why nothing does ({@link FencedBlock}).
 */
import { dirname } from 'node:path';
import type { Code, Root } from 'mdast';
import { visit } from '../parse/visit.ts';
import type { VFile } from 'vfile';
import type { FencedBlock, Snippet, SnippetFile, SnippetLang } from '../model/snippet.ts';
import { DISPLAY_ATTRIBUTES, fenceMeta } from '../parse/fence-meta.ts';
import { codeSnippet, report, type BlockContext, type BlockDefaults } from './block-snippet.ts';
import { mergeProgram } from './c-group.ts';
import { classifyFence } from './fence-language.ts';
import { attributeColumn, contentLines, markdownLines } from './fence-position.ts';
import { deckSlug, derivedId, isValidId } from './ids.ts';
import { joinLines } from './source-lines.ts';
import { expandBookIncludes } from './book-include.ts';
import { addError } from '../report/messages.ts';
import { reportRefusal, transcriptSnippet, type PendingTranscript } from './transcript-snippet.ts';
import { reportUnproved } from './block-states.ts';

declare module 'mdast' {
  interface CodeData {
    /**
     * The snippet this fence shows (its displayed text, badge and verdict by id), set by {@link extractBlocks} on
     * the fence it was made from: not on the other files of a multi-file program, nor on the code block a
     * transcript proves. Set on this build's tree (the parse cache holds JSON text, so it never keeps it).
     */
    snippet?: Snippet;
  }
}

/** Options for {@link extractSnippets}. */
export interface SnippetExtractOptions {
  /** Project root: includes must stay inside it. @default the markdown file's folder */
  root?: string;
  /** Folders outside `root` that includes may also come from (`paths.allow`, `--allow-path`). @default [] */
  allow?: readonly string[];
  /** Edition for Rust blocks without an `editionNNNN` attribute. @default '2021' */
  edition?: Snippet['edition'];
  /** Compilers of C and C++ blocks without `cc=` (the project config's `snippets.cc`). @default 'both' */
  cc?: 'gcc' | 'clang' | 'both';
  /** Prefix of derived ids. @default the deck's slug (file stem, or folder name for deck.md) */
  idPrefix?: string;
  /**
   * `all` (`--frail`, frontmatter `proofs: all`): every block that is not proved is an error
   * `snippet/unproved`, except text, diagrams and math. @default 'optional'
   */
  proofs?: 'all' | 'optional';
}

/**
 * Code blocks inside a `:::program` container (`:::program{#init}`), mapped to the program's name: its id,
 * or one derived from the container's line so two unnamed containers never merge.
 */
function programContainers(tree: Root): Map<Code, string> {
  const found = new Map<Code, string>();
  visit(tree, 'containerDirective', (container) => {
    if (container.name !== 'program') return;
    const name = container.attributes?.['id'] ?? `program@${container.position?.start.line ?? 0}`;
    visit(container, 'code', (node: Code) => void found.set(node, name));
  });
  return found;
}

/** A block while the tree is walked: the snippet that proves it, or the program it belongs to. */
interface Seen {
  node: Code;
  block: FencedBlock;
  snippet?: Snippet;
  program?: string;
}

/** Snippets and fenced blocks of one markdown file. */
export interface ExtractedBlocks {
  snippets: Snippet[];
  /** Every fenced (and indented) code block, in document order. */
  blocks: FencedBlock[];
}

/**
 * mdBook expands `{{#include …}}` in every block before the page is made: the Rust book shows each listing's
 * `output.txt` in a `console` block so. A block that is not a program shows the file's lines instead of the
 * link; false when a link could not be expanded (reported at the link).
 */
function showBookIncludes({ node, file, source, options }: BlockContext): boolean {
  if (!BOOK_INCLUDE.test(node.value)) return true;
  const book = expandBookIncludes(contentLines(node, source), file.path, options.root);
  if ('problem' in book) {
    const { ruleId, message, hint, line, column } = book.problem;
    addError(file, message, { line, column }, ruleId, hint);
    return false;
  }
  node.value = joinLines(book.lines);
  return true;
}

/** An mdBook include link, escaped or not (the escape is mdBook's way to show the link itself). */
const BOOK_INCLUDE = /\{\{\s*#(?:rustdoc_)?include\s/;

/**
 * One {@link Snippet} per C, C++ (`cpp`, `c++`) and Rust block (and per info string of only rustdoc
 * attributes, which is Rust), in document order, and every code block with its state. `h` blocks are C.
 * Bad attributes, bad includes, duplicate ids and misspelt languages become positioned messages on `file`
 * (rule ids `snippet/*`); a block whose include cannot be read is reported and left out.
 */
export function extractBlocks(tree: Root, file: VFile, options: SnippetExtractOptions = {}): ExtractedBlocks {
  const source = markdownLines(file.value);
  const resolved: BlockDefaults = {
    allow: options.allow ?? [],
    root: options.root ?? dirname(file.path),
    edition: options.edition ?? '2021',
    cc: options.cc ?? 'both',
  };
  const prefix = options.idPrefix ?? deckSlug(file.path || 'deck.md');
  const snippets: Snippet[] = [];
  const seen: Seen[] = [];
  const ordinals = new Map<SnippetLang, number>();
  const derived: { snippet: Snippet; ordinal: number }[] = [];
  const explicit = new Map<string, Code>();
  const groups = new Map<string, { snippets: Snippet[]; texts: SnippetFile[] }>();
  const group = (name: string): { snippets: Snippet[]; texts: SnippetFile[] } => {
    const found = groups.get(name) ?? { snippets: [], texts: [] };
    groups.set(name, found);
    return found;
  };
  const count = (lang: SnippetLang): number => {
    const ordinal = (ordinals.get(lang) ?? 0) + 1;
    ordinals.set(lang, ordinal);
    return ordinal;
  };
  const containers = programContainers(tree);
  let pending: { transcript: PendingTranscript; seen: Seen } | undefined;
  const madeAt = new Map<Snippet, Code>();
  visit(tree, 'code', (node: Code) => {
    delete node.data?.snippet;
    const meta = fenceMeta(node);
    const container = containers.get(node);
    const entry: Seen = {
      node,
      block: { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, lang: meta.lang },
    };
    seen.push(entry);
    const fence = classifyFence(node.lang ?? '', meta);
    // A snippet block is listed in its language (`h` is C, an info string of rustdoc attributes is Rust).
    if (fence.kind === 'snippet') entry.block.lang = fence.lang;
    const context: BlockContext = { node, file, source, options: resolved };
    // Only the very next code block may complete a transcript that awaits its run.
    const earlier = pending;
    pending = undefined;
    if (earlier && fence.kind !== 'transcript') {
      reportRefusal(file, earlier.transcript.refusal);
      earlier.seen.block.unproved = 'transcript';
    }
    if (fence.kind === 'mistake') {
      entry.block.error = true;
      const column = attributeColumn(node, source, fence.offset, fence.key);
      report(context, { ruleId: 'snippet/unknown-language', severity: 'error', ...fence }, column);
      return;
    }
    // A program expands its includes itself (codeSnippet); a transcript or text block shows them expanded.
    if (fence.kind !== 'snippet' && !showBookIncludes(context)) {
      entry.block.error = true;
      return;
    }
    if (fence.kind === 'transcript') {
      const found = transcriptSnippet(node, file, source, resolved.edition, earlier?.transcript);
      if (earlier && found && found !== 'refused' && !('refusal' in found)) earlier.seen.snippet = found;
      else if (earlier) earlier.seen.block.unproved = 'transcript';
      if (found === undefined) entry.block.unproved = 'language';
      else if (found === 'refused') entry.block.unproved = 'transcript';
      else if ('refusal' in found) pending = { transcript: found, seen: entry };
      else {
        entry.snippet = found;
        madeAt.set(found, node);
        derived.push({ snippet: found, ordinal: count(found.lang) });
        snippets.push(found);
      }
      return;
    }
    if (fence.kind === 'other') {
      entry.block.unproved = fence.reason;
      // A text block of a multi-file program (a suppressions file): present in the job dir, not compiled.
      const program = meta.attributes.find((a) => a.key === 'program' || a.key === 'group')?.value ?? container;
      const name = meta.attributes.find((a) => a.key === 'file')?.value;
      if (program && name) {
        const lines = contentLines(node, source);
        group(program).texts.push({ name, text: joinLines(lines), lineMap: lines.map((line) => line.line) });
        entry.program = program;
      }
      return;
    }
    const ordinal = count(fence.lang);
    // `rust,rust` repeats the language; the first token of a rustdoc-only info string (offset 0) is an attribute.
    // `fit=` and the like are about the slide, not the proof.
    const attributes = fence.attributes.filter(
      (a) => (a.offset === 0 || a.key.toLowerCase() !== meta.lang) && a.key !== DISPLAY_ATTRIBUTES.fit,
    );
    const made = codeSnippet(context, fence.lang, meta, attributes, container);
    if (!made) {
      entry.block.error = true;
      return;
    }
    const { snippet, spec } = made;
    entry.snippet = snippet;
    madeAt.set(snippet, node);
    if ('program' in spec && spec.program) {
      group(spec.program).snippets.push(snippet);
      entry.program = spec.program;
    }
    const id = spec.id;
    if (id !== undefined) {
      const column = attributeColumn(node, source, spec.idOffset ?? 0, 'id=');
      if (!isValidId(id))
        report(
          context,
          {
            ruleId: 'snippet/invalid-attribute',
            severity: 'error',
            message: `\`id=${id}\` is not a valid id`,
            hint: 'start with a letter; use letters, digits, - and _',
          },
          column,
        );
      else if (explicit.has(id)) {
        const first = explicit.get(id)?.position?.start.line ?? 0;
        report(
          context,
          {
            ruleId: 'snippet/duplicate-id',
            severity: 'error',
            message: `duplicate snippet id \`${id}\` (first used on line ${first})`,
            hint: 'give each snippet its own id',
          },
          column,
        );
      } else {
        explicit.set(id, node);
        snippet.id = id;
      }
    }
    if (snippet.id === '') derived.push({ snippet, ordinal });
    snippets.push(snippet);
  });
  if (pending) {
    reportRefusal(file, pending.transcript.refusal);
    pending.seen.block.unproved = 'transcript';
  }
  const merged = new Set([...groups].flatMap(([name, found]) => mergeProgram(name, found.snippets, found.texts, file)));
  const kept = snippets.filter((snippet) => !merged.has(snippet));
  for (const snippet of kept) {
    const node = madeAt.get(snippet);
    if (node) (node.data ??= {}).snippet = snippet;
  }
  const taken = new Set(explicit.keys());
  for (const { snippet, ordinal } of derived) snippet.id = derivedId(prefix, snippet.lang, ordinal, taken);
  const primary = (program: string) => groups.get(program)?.snippets.find((snippet) => !merged.has(snippet));
  for (const entry of seen) {
    const own = entry.snippet && !merged.has(entry.snippet) ? entry.snippet : undefined;
    const proving = own ?? (entry.program ? primary(entry.program) : undefined);
    if (!proving) continue;
    entry.block.snippet = proving.id;
    delete entry.block.unproved;
    if (proving.expectation.kind === 'ignore') entry.block.unproved = 'ignore';
  }
  if (options.proofs === 'all')
    reportUnproved(
      seen.map((entry) => entry.block),
      file,
    );
  return { snippets: kept, blocks: seen.map((entry) => entry.block) };
}

/** The snippets of {@link extractBlocks}. */
export function extractSnippets(tree: Root, file: VFile, options: SnippetExtractOptions = {}): Snippet[] {
  return extractBlocks(tree, file, options).snippets;
}
