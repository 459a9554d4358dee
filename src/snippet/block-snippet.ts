/** One C, C++ or Rust block turned into a {@link Snippet}: attributes, include, program, problems. */
import type { Code } from 'mdast';
import type { VFile } from 'vfile';
import type { Snippet, SnippetLang } from '../model/snippet.ts';
import { DISPLAY_ATTRIBUTES, type FenceAttribute, type FenceMeta } from '../parse/fence-meta.ts';
import { addError, addWarning } from '../report/messages.ts';
import type { RuleId } from '../report/rules.ts';
import type { AttributeProblem } from './attribute-problems.ts';
import { parseCAttributes } from './c-attributes.ts';
import { buildCProgram } from './c-program.ts';
import { expandBookIncludes } from './book-include.ts';
import { attributeColumn, contentLines } from './fence-position.ts';
import { parseInclude, resolveInclude } from './include.ts';
import { parseRustAttributes } from './rust-attributes.ts';
import { buildRustProgram } from './rust-program.ts';
import { showProblems } from './show.ts';
import type { BuiltProgram, SourceLine } from './source-lines.ts';

/** Defaults every block of a file shares. */
export interface BlockDefaults {
  root: string;
  /** Folders outside `root` that includes may also come from (`paths.allow`, `--allow-path`). */
  allow: readonly string[];
  edition: Snippet['edition'];
  cc: 'gcc' | 'clang' | 'both';
}

export interface BlockContext {
  node: Code;
  file: VFile;
  source: string[];
  options: BlockDefaults;
}

/** Reports a problem at the block's fence (or at `column` of the fence line). */
export function report(
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

export type Spec = ReturnType<typeof parseRustAttributes>['spec'] | ReturnType<typeof parseCAttributes>['spec'];

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
 * The snippet of one C, C++ or Rust block and its parsed attributes (its id is assigned by the caller), or
 * undefined when its include cannot be read (reported). `container`: the `:::program` the block sits in.
 */
export function codeSnippet(
  context: BlockContext,
  lang: SnippetLang,
  meta: FenceMeta,
  attributes: FenceAttribute[],
  container: string | undefined,
): { snippet: Snippet; spec: Spec } | undefined {
  const { node, source, options: resolved } = context;
  for (const error of meta.errors) {
    // A bad highlight spec is deck/line-spec's, for every language; the rest are ours.
    if (error.lineSpec) continue;
    report(
      context,
      { ruleId: 'snippet/invalid-attribute', severity: 'error', message: error.message },
      attributeColumn(node, source, error.offset, ''),
    );
  }
  // `show=` is about the slide, not the proof: both grammars leave it to snippet/show.ts.
  const proof = attributes.filter((attribute) => attribute.key !== DISPLAY_ATTRIBUTES.show);
  const parsed =
    lang === 'rust'
      ? parseRustAttributes(proof, resolved.edition, { root: resolved.root })
      : parseCAttributes(proof, lang, resolved.cc === 'both' ? ['gcc', 'clang'] : [resolved.cc]);
  const noRun = 'noRun' in parsed.spec && parsed.spec.noRun;
  parsed.problems.push(...showProblems(attributes, parsed.spec.expectation, noRun));
  // A C block inside `:::program` belongs to that program unless it names another.
  if (container !== undefined && 'compilers' in parsed.spec && parsed.spec.program === undefined)
    parsed.spec.program = container;
  for (const problem of parsed.problems)
    reportAttribute(context, problem, attributes.find((a) => a.offset === problem.offset)?.key ?? '');
  // An info string that does not parse (an unterminated quote) is as unproved as an unknown attribute.
  const invalid =
    meta.errors.find((error) => !error.lineSpec) ?? parsed.problems.find((problem) => problem.severity === 'error');
  const cLang = lang === 'rust' ? undefined : lang;
  const request = parseInclude(node.value);
  const included = request ? includedProgram(context, lang, request) : undefined;
  // An include that failed was reported; there is no program to prove.
  if (request && !included) return undefined;
  // mdBook's `{{#include file.rs:anchor}}` lines are replaced by the file's lines (positions kept).
  const book = expandBookIncludes(contentLines(node, source), context.file.path, resolved.root);
  if ('problem' in book) {
    const { ruleId, message, hint, line, column } = book.problem;
    addError(context.file, message, { line, column }, ruleId, hint);
    return undefined;
  }
  const { lines } = book;
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
  if ('program' in spec && spec.program && spec.file === undefined)
    report(context, {
      ruleId: 'snippet/invalid-attribute',
      severity: 'error',
      message: `a block of \`program=${spec.program}\` needs a file name`,
      hint: 'add file=NAME.c (or NAME.h) to each block of the program',
    });
  return { snippet, spec };
}
