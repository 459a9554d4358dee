/** Maps positions in the compiled program back to the markdown (or to an included file). */
import type { Snippet, ToolDiagnostic, ToolRun } from '../../model/snippet.ts';

/** The diagnostic with `line`/`column` in the markdown, or `file`/`fileLine` for an included file. */
function mapDiagnostic(snippet: Snippet, diagnostic: ToolDiagnostic): ToolDiagnostic {
  const programLine = diagnostic.programLine;
  if (programLine === undefined) return diagnostic;
  if (diagnostic.programFile !== undefined) {
    // Another file of a multi-file program: its own block's lines (a `file=` block is never wrapped).
    const other = snippet.files?.find((file) => file.name === diagnostic.programFile);
    const line = other?.lineMap[programLine - 1] ?? 0;
    return line > 0 ? { ...diagnostic, line, column: diagnostic.programColumn ?? 1 } : diagnostic;
  }
  if (snippet.include) {
    const fileLine = snippet.include.lineMap[programLine - 1] ?? 0;
    return fileLine > 0 ? { ...diagnostic, file: snippet.include.path, fileLine } : diagnostic;
  }
  const line = snippet.lineMap[programLine - 1] ?? 0;
  if (line === 0) return diagnostic;
  const offset = snippet.columnMap?.[programLine - 1] ?? 0;
  return { ...diagnostic, line, column: (diagnostic.programColumn ?? 1) + offset };
}

/** The run with every diagnostic mapped (cached runs are stored in program coordinates). */
export function mapRun(snippet: Snippet, run: ToolRun): ToolRun {
  return { ...run, diagnostics: run.diagnostics.map((diagnostic) => mapDiagnostic(snippet, diagnostic)) };
}

/** Where to report something about `diagnostic`: its mapped place, else the opening fence. */
export function placeOf(snippet: Snippet, diagnostic?: ToolDiagnostic): { line: number; column: number } {
  if (diagnostic?.line !== undefined) return { line: diagnostic.line, column: diagnostic.column ?? 1 };
  return { line: snippet.line, column: snippet.column };
}

/** ` (in src/uaf.c:6:5)` for diagnostics inside an included file, else ''. */
export function includedLocation(diagnostic: ToolDiagnostic | undefined): string {
  if (!diagnostic?.file || diagnostic.fileLine === undefined) return '';
  const column = diagnostic.programColumn !== undefined ? `:${diagnostic.programColumn}` : '';
  return ` (in ${diagnostic.file}:${diagnostic.fileLine}${column})`;
}
