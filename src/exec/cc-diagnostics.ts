/**
 * Parses gcc and clang diagnostics in their text form. Both are run with `LC_ALL=C` and plain output
 * (`-fdiagnostics-plain-output`, `-fno-caret-diagnostics`), so one line is one diagnostic:
 * `file:line:col: warning: message [-Wflag]`. Text rather than gcc's JSON keeps one parser for both
 * compilers (clang 14 has no JSON) and also sees linker errors, which are never JSON.
 */
import type { ToolDiagnostic } from '../model/snippet.ts';

const LOCATED = new RegExp(
  String.raw`^(?<file>[^:\n]+):(?<line>\d+):(?:(?<col>\d+):)? (?<severity>warning|error|note|fatal error): ` +
    String.raw`(?<message>.*?)(?: \[(?<option>-[Wf][^\]]*)\])?$`,
);
const TOOL_ERROR =
  /^(?:collect2|clang(?:\+\+)?|gcc|g\+\+|cc1(?:plus)?|\/usr\/bin\/ld|ld(?:\.\w+)?): (?:fatal )?error: (?<message>.*)$/;
const LINKER =
  /^(?<file>[^:\n]+):\(\.\w+\+0x[0-9a-f]+\): (?<message>undefined reference to .*|multiple definition of .*)$/;

/**
 * Normalises a warning option to the plain `-W` flag: `-Werror=use-after-free` → `-Wuse-after-free`,
 * `-Werror,-Warray-bounds` → `-Warray-bounds`, `-Wstringop-overflow=` → `-Wstringop-overflow`.
 */
export function normalizeWarningFlag(option: string): string {
  const parts = option
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '-Werror');
  let flag = parts[parts.length - 1] ?? option;
  if (flag.startsWith('-Werror=')) flag = `-W${flag.slice('-Werror='.length)}`;
  return flag.replace(/=$/, '');
}

/**
 * Parses compiler stderr; only diagnostics located in `sourceName` or in one of `otherFiles` (the other files of a
 * multi-file program) get a program line, the latter also their file's name.
 */
export function parseCcDiagnostics(
  stderr: string,
  sourceName: string,
  otherFiles: readonly string[] = [],
): ToolDiagnostic[] {
  const diagnostics: ToolDiagnostic[] = [];
  for (const line of stderr.split('\n')) {
    const located = LOCATED.exec(line)?.groups;
    if (located) {
      const severity =
        located['severity'] === 'note' ? 'note' : located['severity'] === 'warning' ? 'warning' : 'error';
      const option = located['option'];
      const file = located['file'] ?? '';
      const other = file !== sourceName && otherFiles.includes(file);
      const inSource = file === sourceName || other;
      diagnostics.push({
        severity,
        message: located['message'] ?? '',
        ...(option ? { code: normalizeWarningFlag(option) } : {}),
        ...(inSource ? { programLine: Number(located['line']) } : {}),
        ...(inSource && located['col'] ? { programColumn: Number(located['col']) } : {}),
        ...(other ? { programFile: file } : {}),
      });
      continue;
    }
    const linker = LINKER.exec(line)?.groups;
    if (linker) {
      diagnostics.push({ severity: 'error', message: `${linker['message'] ?? ''} (linker)` });
      continue;
    }
    const tool = TOOL_ERROR.exec(line)?.groups;
    if (tool) diagnostics.push({ severity: 'error', message: tool['message'] ?? line });
  }
  return diagnostics;
}
