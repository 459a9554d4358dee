/**
 * Multi-file C/C++ programs: blocks with the same `program=` (or `group=`) value and a `file=` name are
 * one program. The block that states an expectation (a detector, `run`, `compile_fail`…) carries the
 * proof; the other sources, headers and text files (a suppressions file) are compiled or placed beside it.
 * Each block stays its own code block on the slide.
 */
import type { VFile } from 'vfile';
import type { Snippet, SnippetFile } from '../model/snippet.ts';
import { addError } from '../report/messages.ts';

function fileOf(snippet: Snippet): SnippetFile {
  return { name: snippet.fileName ?? 'snippet.c', text: snippet.program, lineMap: snippet.lineMap };
}

function isHeader(snippet: Snippet): boolean {
  return /\.(h|hh|hpp)$/.test(snippet.fileName ?? '');
}

/**
 * Folds the blocks of program `name` into one snippet (the first is kept in place) and returns the
 * snippets it absorbed, which the caller drops from its list. Problems are reported on `file`.
 */
export function mergeProgram(name: string, members: Snippet[], texts: SnippetFile[], file: VFile): Snippet[] {
  const sources = members.filter((snippet) => !isHeader(snippet));
  const stating = members.filter((snippet) => snippet.expectation.kind !== 'compile');
  const primary = stating[0] ?? sources[0];
  if (!primary) return [];
  for (const extra of stating.slice(1))
    addError(
      file,
      `program \`${name}\` already states its expectation on line ${primary.line}`,
      { line: extra.line, column: extra.column },
      'snippet/conflicting-attributes',
      'state the expectation (detector, run, compile_fail) on one block of the program only',
    );
  for (const other of members)
    if (other.lang !== primary.lang)
      addError(
        file,
        `program \`${name}\` mixes C and C++ blocks`,
        { line: other.line, column: other.column },
        'snippet/conflicting-attributes',
        'one language per program',
      );
  const seen = new Map<string, Snippet>();
  for (const member of members) {
    const previous = seen.get(member.fileName ?? '');
    if (previous)
      addError(
        file,
        `program \`${name}\` has two files named \`${member.fileName ?? ''}\` (first on line ${previous.line})`,
        { line: member.line, column: member.column },
        'snippet/duplicate-id',
        'give each file of the program its own name',
      );
    else seen.set(member.fileName ?? '', member);
  }
  const others = members.filter((snippet) => snippet !== primary);
  primary.files = [...others.map(fileOf), ...texts];
  const invalid = others.find((snippet) => snippet.invalid !== undefined)?.invalid;
  if (invalid && primary.invalid === undefined) primary.invalid = invalid;
  return others;
}
