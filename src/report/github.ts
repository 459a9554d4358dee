/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
import type { Diagnostic } from './diagnostics.ts';

/** Escapes data and property values as the workflow-command syntax requires. */
function escape(value: string, property: boolean): string {
  const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return property ? data.replace(/:/g, '%3A').replace(/,/g, '%2C') : data;
}

/** `::error file=…,line=…,col=…,title=rule::message` lines. */
export function toGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escape(d.file, true)}`,
        d.line ? `line=${d.line}` : '',
        d.column ? `col=${d.column}` : '',
        `title=${escape(d.ruleId, true)}`,
      ]
        .filter(Boolean)
        .join(',');
      return `::${d.severity} ${props}::${escape(d.hint ? `${d.message} (${d.hint})` : d.message, false)}\n`;
    })
    .join('');
}
