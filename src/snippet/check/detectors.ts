/** Names of tools and detectors as badges and messages print them, and detector report matching. */
import type { Detector, Expectation, ToolDiagnostic, ToolRun } from '../../model/snippet.ts';

/** What a compile_fail snippet expects the compiler to say: `E0382, "borrow of moved value"` (empty for any error). */
export function rejectionWanted(expectation: Extract<Expectation, { kind: 'compile-fail' }>): string {
  return [...expectation.codes, ...expectation.messages.map((m) => `"${m}"`)].join(', ');
}

/** `gcc 12.2`, `rustc 1.95`. */
export function toolLabel(run: ToolRun): string {
  return run.version ? `${run.tool} ${run.version.split('.').slice(0, 2).join('.')}` : run.tool;
}

/** Badge/message name of a detector. */
export const DETECTOR_NAMES: Record<Detector, string> = {
  asan: 'ASan',
  ubsan: 'UBSan',
  lsan: 'LSan',
  'stack-protector': 'stack protector',
};

/** The diagnostic that carries the run's runtime report (sanitizer, abort or panic), if any. */
export function reportDiagnostic(run: ToolRun): ToolDiagnostic | undefined {
  return run.report === undefined
    ? undefined
    : run.diagnostics.find((d) => d.severity === 'error' && d.code === run.report);
}

/** Who produced a report headline: `ASan`, `LSan`, `UBSan`, `stack protector`, `glibc`. */
function reporterName(headline: string): string {
  if (headline.includes('LeakSanitizer')) return 'LSan';
  if (headline.includes('AddressSanitizer')) return 'ASan';
  if (headline.startsWith('runtime error:')) return 'UBSan';
  if (headline.includes('stack smashing detected')) return 'stack protector';
  if (headline.startsWith('panicked')) return 'panic';
  return 'glibc';
}

/** Does the run's report satisfy a `detect` expectation? */
export function reportMatches(expectation: Extract<Expectation, { kind: 'detect' }>, run: ToolRun): boolean {
  const diagnostic = reportDiagnostic(run);
  if (!diagnostic || run.report === undefined) return false;
  const reporter = reporterName(diagnostic.message);
  if (reporter !== DETECTOR_NAMES[expectation.detector]) return false;
  const wanted = expectation.report;
  if (wanted === undefined) return true;
  switch (expectation.detector) {
    case 'asan':
      // `double-free` also matches ASan's "attempting double-free" headline.
      return run.report === wanted || diagnostic.message.includes(wanted);
    case 'ubsan':
      return run.report.includes(wanted);
    case 'lsan':
      return run.stderr.includes(wanted);
    case 'stack-protector':
      return true;
  }
}

/** `ASan: heap-use-after-free`, `UBSan: store to null pointer`, `LSan: memory leak`. */
export function expectedReport(expectation: Extract<Expectation, { kind: 'detect' }>): string {
  const name = DETECTOR_NAMES[expectation.detector];
  if (expectation.report !== undefined) return `${name}: ${expectation.report}`;
  return expectation.detector === 'lsan'
    ? 'LSan: memory leak'
    : expectation.detector === 'stack-protector'
      ? 'stack protector: stack smashing detected'
      : `a ${name} report`;
}

/** How a run's report reads in a message: `ASan: stack-buffer-overflow`. */
export function actualReport(run: ToolRun): string {
  const diagnostic = reportDiagnostic(run);
  if (!diagnostic || run.report === undefined) return 'no report';
  const reporter = reporterName(diagnostic.message);
  return reporter === 'LSan' ? 'LSan: memory leak' : `${reporter}: ${run.report}`;
}
