/** Attaches snippet verdicts to the markdown files as positioned vfile messages. */
import type { VFile } from 'vfile';
import type { Snippet, SnippetResult } from '../../model/snippet.ts';
import { addError, addWarning } from '../../report/messages.ts';

/**
 * Adds one message per finding (errors are fatal) to the file each snippet came from, and a single
 * `snippet/sandbox-degraded` warning when any snippet ran without bubblewrap. `results` and `snippets`
 * are matched by position (as `verifySnippets` returns them), else by id. Files are looked up by
 * `snippet.file`; snippets whose file is not in `fileByPath` are skipped.
 */
export function reportSnippetResults(
  results: readonly SnippetResult[],
  snippets: readonly Snippet[],
  fileByPath: ReadonlyMap<string, VFile>,
): void {
  const byId = new Map(snippets.map((snippet) => [snippet.id, snippet]));
  let degradedReported = false;
  results.forEach((result, index) => {
    const aligned = snippets[index];
    const snippet = aligned?.id === result.id ? aligned : byId.get(result.id);
    const file = snippet ? fileByPath.get(snippet.file) : undefined;
    if (!snippet || !file) return;
    for (const finding of result.findings ?? []) {
      const add = finding.severity === 'error' ? addError : addWarning;
      add(file, finding.message, { line: finding.line, column: finding.column }, finding.ruleId, finding.hint);
    }
    if (!degradedReported && result.runs.some((run) => run.sandboxDegraded === true && !run.cached)) {
      degradedReported = true;
      addWarning(
        file,
        'snippets were compiled and run without bubblewrap: CPU, memory and time limits applied, but no network ' +
          'or filesystem isolation',
        { line: snippet.line, column: snippet.column },
        'snippet/sandbox-degraded',
        'install bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces',
      );
    }
  });
}
