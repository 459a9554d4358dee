/** Chooses the report format: compiler-style text, JSON, SARIF 2.1.0 or GitHub annotations. */
import type { VFile } from 'vfile';
import { collectDiagnostics, type Diagnostic } from './diagnostics.ts';
import { toGithubAnnotations } from './github.ts';
import { toSarif } from './sarif.ts';
import { countBlocks, countMessages, formatReport } from './text.ts';
import type { BlockVerdict } from '../model/snippet.ts';
import { terminalSafe } from './terminal-safe.ts';

export const REPORTERS = ['text', 'json', 'sarif', 'github'] as const;
export type Reporter = (typeof REPORTERS)[number];

/** Formats `files` for `reporter`; `extra` adds machine-readable data (e.g. per-snippet results) to JSON. */
export function formatWith(
  reporter: Reporter,
  files: readonly VFile[],
  options: {
    version: string;
    color?: boolean;
    extra?: Record<string, unknown>;
    /** The state of every fenced block: counted and listed by the text and JSON reporters. */
    blocks?: readonly BlockVerdict[] | undefined;
  },
): string {
  if (reporter === 'text') return formatReport(files, { color: options.color ?? false, blocks: options.blocks });
  const diagnostics = collectDiagnostics(files);
  if (reporter === 'github') return toGithubAnnotations(diagnostics.map(safeDiagnostic));
  if (reporter === 'sarif') return `${JSON.stringify(toSarif(diagnostics, options.version), safeStrings, 2)}\n`;
  const blocks = options.blocks ? { blockCounts: countBlocks(options.blocks), blocks: options.blocks } : {};
  const report = { version: options.version, ...countMessages(files), diagnostics, ...options.extra, ...blocks };
  return `${JSON.stringify(report, safeStrings, 2)}\n`;
}

/** Reports are shown in terminals and CI logs: no string in them carries a control sequence. */
function safeStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? terminalSafe(value) : value;
}

function safeDiagnostic(diagnostic: Diagnostic): Diagnostic {
  return JSON.parse(JSON.stringify(diagnostic), safeStrings) as Diagnostic;
}
