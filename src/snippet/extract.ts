/** Finds the C, C++ and Rust blocks of a markdown tree and turns each into a {@link Snippet}. */
import { dirname } from 'node:path';
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Snippet, SnippetFile, SnippetLang } from '../model/snippet.ts';
import { fenceMeta } from '../parse/fence-meta.ts';
import { addError, addWarning } from '../report/messages.ts';
import type { AttributeProblem } from './attribute-problems.ts';
import { parseCAttributes } from './c-attributes.ts';
import { buildCProgram } from './c-program.ts';
import { attributeColumn, contentLines, markdownLines } from './fence-position.ts';
import { deckSlug, derivedId, isValidId } from './ids.ts';
import { parseInclude, resolveInclude } from './include.ts';
import { parseRustAttributes } from './rust-attributes.ts';
import { buildRustProgram } from './rust-program.ts';
import { joinLines, type BuiltProgram, type SourceLine } from './source-lines.ts';
import { mergeProgram } from './c-group.ts';
import { parseTranscript, TRANSCRIPT_LANGS, type TranscriptRefusal } from './transcript.ts';
import type { RuleId } from '../report/rules.ts';

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
}

const LANGS: Record<string, SnippetLang> = {
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  rust: 'rust',
  rs: 'rust',
};

/** The snippet language for a fence language, or undefined when proofdeck does not prove it. */
function snippetLang(lang: string): SnippetLang | undefined {
  return LANGS[lang.toLowerCase()];
}

interface BlockContext {
  node: Code;
  file: VFile;
  source: string[];
  options: Required<Pick<SnippetExtractOptions, 'root' | 'allow' | 'edition' | 'cc'>>;
}

function report(
  context: BlockContext,
  problem: { ruleId: RuleId; severity: 'error' | 'warning'; message: string; hint?: string },
  column?: number,
): void {
  const place = {
    line: context.node.position?.start.line ?? 1,
    column: column ?? context.node.position?.start.column ?? 1,
  };
  (problem.severity === 'error' ? addError : addWarning)(
    context.file,
    problem.message,
    place,
    problem.ruleId,
    problem.hint,
  );
}

function reportAttribute(context: BlockContext, problem: AttributeProblem, key: string): void {
  report(context, problem, attributeColumn(context.node, context.source, problem.offset, key));
}

function includedProgram(
  context: BlockContext,
  lang: SnippetLang,
  request: NonNullable<ReturnType<typeof parseInclude>>,
): { built: BuiltProgram; include: Omit<NonNullable<Snippet['include']>, 'lineMap'> } | undefined {
  const resolved = resolveInclude(request, context.file.path, context.options.root, context.options.allow);
  if (!resolved.ok) {
    report(context, { ...resolved, severity: 'error' });
    return undefined;
  }
  // Positions inside an included file are that file's lines (mapped through `include.lineMap`).
  const lines: SourceLine[] = resolved.text.split('\n').map((text, index) => ({ text, line: index + 1, column: 0 }));
  const built =
    lang === 'rust'
      ? buildRustProgram(lines, { hidden: false })
      : buildCProgram(lines, lang, { hidden: false, wrap: false });
  return {
    built: { ...built, displayed: resolved.displayed },
    include: {
      path: resolved.path,
      spec: request.spec,
      firstLine: resolved.firstLine,
      ...(resolved.region ? { region: resolved.region } : {}),
    },
  };
}

type Spec = ReturnType<typeof parseRustAttributes>['spec'] | ReturnType<typeof parseCAttributes>['spec'];

/** The {@link Snippet} for one block (its id is assigned afterwards). */
function assemble(
  context: BlockContext,
  lang: SnippetLang,
  spec: Spec,
  built: BuiltProgram,
  included: ReturnType<typeof includedProgram>,
): Snippet {
  const { node, file } = context;
  return {
    id: '',
    lang,
    displayed: built.displayed,
    program: built.lines.map((line) => line.text).join('\n'),
    // Included programs map to the included file (include.lineMap), not to the markdown.
    lineMap: built.lines.map((line) => (included ? 0 : line.line)),
    columnMap: built.lines.map((line) => (included ? 0 : line.column)),
    file: file.path,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
    expectation: spec.expectation,
    compilers: 'compilers' in spec ? spec.compilers : [],
    warns: 'warns' in spec ? spec.warns : [],
    ...('std' in spec && spec.std ? { std: spec.std } : {}),
    edition: 'edition' in spec ? spec.edition : context.options.edition,
    flags: 'flags' in spec ? spec.flags : [],
    noRun: 'noRun' in spec ? spec.noRun : false,
    wrapped: built.wrapped,
    ...('standalone' in spec && spec.standalone ? { standalone: true } : {}),
    ...('env' in spec && spec.env ? { env: spec.env } : {}),
    ...('file' in spec && spec.file ? { fileName: spec.file } : {}),
    ...(included ? { include: { ...included.include, lineMap: built.lines.map((line) => line.line) } } : {}),
  };
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

/** The program a console transcript shows, or undefined (an ordinary shell session, or one refused with a warning). */
function reportRefusal(file: VFile, refusal: TranscriptRefusal): void {
  addWarning(
    file,
    `this transcript is not proved: ${refusal.reason}`,
    { line: refusal.line, column: 1 },
    'snippet/transcript-not-proved',
    'show `$ cat FILE.c`, then `$ gcc|clang [flags] FILE.c && ./a.out` and its output',
  );
}

/** A transcript block waiting for the next one to show its run. */
interface PendingTranscript {
  lines: SourceLine[];
  refusal: TranscriptRefusal;
}

function transcriptSnippet(
  context: BlockContext,
  earlier: PendingTranscript | undefined,
): Snippet | PendingTranscript | undefined {
  const { node, file } = context;
  const own = contentLines(node, context.source);
  const joined = earlier ? parseTranscript([...earlier.lines, ...own]) : undefined;
  const completes = joined !== undefined && !('reason' in joined);
  if (earlier && !completes) reportRefusal(file, earlier.refusal);
  const parsed = completes ? joined : parseTranscript(own);
  if (!parsed) return undefined;
  if ('reason' in parsed) {
    if (parsed.awaitsRun) return { lines: own, refusal: parsed };
    reportRefusal(file, parsed);
    return undefined;
  }
  const [primary, ...others] = parsed.sources;
  if (!primary) return undefined;
  return {
    id: '',
    lang: parsed.lang,
    displayed: node.value,
    program: primary.text,
    lineMap: primary.lines.map((line) => line.line),
    columnMap: primary.lines.map((line) => line.column),
    file: file.path,
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
    expectation: {
      kind: 'transcript',
      output: parsed.output.map((line) => line.text),
      lines: parsed.output.map((line) => line.line),
    },
    compilers: [parsed.compiler],
    warns: [],
    edition: context.options.edition,
    flags: parsed.flags,
    noRun: false,
    wrapped: false,
    fileName: primary.name,
    files: [...others.map(({ lines: _lines, ...rest }) => rest), ...parsed.others],
    ...(parsed.env.length > 0 ? { env: parsed.env } : {}),
  };
}

/**
 * One {@link Snippet} per C, C++ (`cpp`, `c++`) and Rust block, in document order. `h` blocks are C.
 * Bad attributes, bad includes and duplicate ids become positioned messages on `file` (rule ids
 * `snippet/*`); a block whose include cannot be read is reported and left out.
 */
export function extractSnippets(tree: Root, file: VFile, options: SnippetExtractOptions = {}): Snippet[] {
  const source = markdownLines(file.value);
  const resolved = {
    root: options.root ?? dirname(file.path),
    allow: options.allow ?? [],
    edition: options.edition ?? '2021',
    cc: options.cc ?? 'both',
  };
  const prefix = options.idPrefix ?? deckSlug(file.path || 'deck.md');
  const snippets: Snippet[] = [];
  const ordinals = new Map<SnippetLang, number>();
  const derived: { snippet: Snippet; ordinal: number }[] = [];
  const explicit = new Map<string, Code>();
  const groups = new Map<string, { snippets: Snippet[]; texts: SnippetFile[] }>();
  const group = (name: string): { snippets: Snippet[]; texts: SnippetFile[] } => {
    const found = groups.get(name) ?? { snippets: [], texts: [] };
    groups.set(name, found);
    return found;
  };
  const containers = programContainers(tree);
  let pending: PendingTranscript | undefined;
  visit(tree, 'code', (node: Code) => {
    const meta = fenceMeta(node);
    const container = containers.get(node);
    const lang = snippetLang(meta.lang);
    // Only the very next code block may complete a transcript that awaits its run.
    const earlier = pending;
    pending = undefined;
    const transcript = !lang && TRANSCRIPT_LANGS.has(meta.lang.toLowerCase());
    if (earlier && !transcript) reportRefusal(file, earlier.refusal);
    if (transcript) {
      const snippet = transcriptSnippet({ node, file, source, options: resolved }, earlier);
      if (snippet && 'refusal' in snippet) pending = snippet;
      else if (snippet) {
        const ordinal = (ordinals.get(snippet.lang) ?? 0) + 1;
        ordinals.set(snippet.lang, ordinal);
        derived.push({ snippet, ordinal });
        snippets.push(snippet);
      }
      return;
    }
    if (!lang) {
      // A text block of a multi-file program (a suppressions file): present in the job dir, not compiled.
      const program = meta.attributes.find((a) => a.key === 'program' || a.key === 'group')?.value ?? container;
      const name = meta.attributes.find((a) => a.key === 'file')?.value;
      if (program && name) {
        const lines = contentLines(node, source);
        group(program).texts.push({ name, text: joinLines(lines), lineMap: lines.map((line) => line.line) });
      }
      return;
    }
    const context: BlockContext = { node, file, source, options: resolved };
    const ordinal = (ordinals.get(lang) ?? 0) + 1;
    ordinals.set(lang, ordinal);
    for (const error of meta.errors) {
      // A bad highlight spec is deck/line-spec's, for every language; the rest are ours.
      if (error.lineSpec) continue;
      report(
        context,
        { ruleId: 'snippet/invalid-attribute', severity: 'error', message: error.message },
        attributeColumn(node, source, error.offset, ''),
      );
    }
    const attributes = meta.attributes.filter((attribute) => attribute.key.toLowerCase() !== meta.lang);
    const parsed =
      lang === 'rust'
        ? parseRustAttributes(attributes, resolved.edition)
        : parseCAttributes(attributes, lang, resolved.cc === 'both' ? ['gcc', 'clang'] : [resolved.cc]);
    // A C block inside `:::program` belongs to that program unless it names another.
    if (container !== undefined && 'compilers' in parsed.spec && parsed.spec.program === undefined)
      parsed.spec.program = container;
    for (const problem of parsed.problems)
      reportAttribute(context, problem, attributes.find((a) => a.offset === problem.offset)?.key ?? '');
    const invalid = parsed.problems.find((problem) => problem.severity === 'error');
    const cLang = lang === 'rust' ? undefined : lang;
    const request = parseInclude(node.value);
    const included = request ? includedProgram(context, lang, request) : undefined;
    // An include that failed was reported; there is no program to prove.
    if (request && !included) return;
    const lines = contentLines(node, source);
    const built =
      included?.built ??
      (cLang
        ? buildCProgram(lines, cLang, {
            hidden: true,
            // A file of a multi-file program is a translation unit or a header as written.
            wrap: meta.lang !== 'h' && !('file' in parsed.spec && parsed.spec.file),
          })
        : buildRustProgram(lines));
    const spec = parsed.spec;
    const snippet = assemble(context, lang, spec, built, included);
    if (invalid) snippet.invalid = `not proved: ${invalid.message}`;
    if ('program' in spec && spec.program) {
      group(spec.program).snippets.push(snippet);
      if (spec.file === undefined)
        report(context, {
          ruleId: 'snippet/invalid-attribute',
          severity: 'error',
          message: `a block of \`program=${spec.program}\` needs a file name`,
          hint: 'add file=NAME.c (or NAME.h) to each block of the program',
        });
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
  if (pending) reportRefusal(file, pending.refusal);
  const merged = new Set([...groups].flatMap(([name, found]) => mergeProgram(name, found.snippets, found.texts, file)));
  const kept = snippets.filter((snippet) => !merged.has(snippet));
  snippets.length = 0;
  snippets.push(...kept);
  const taken = new Set(explicit.keys());
  for (const { snippet, ordinal } of derived) snippet.id = derivedId(prefix, snippet.lang, ordinal, taken);
  return snippets;
}
