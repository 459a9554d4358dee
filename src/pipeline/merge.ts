/**
 * `proofdeck merge-reports`: joins the JSON reports of `check --shard i/n` jobs into one report, printed
 * by any reporter. A finding two shards both saw (a snippet a table cites is also proved by the shard
 * owning that table) is reported once; snippet verdicts are keyed by id.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { z } from '../config/zod.ts';
import { UsageError } from '../model/errors.ts';
import type { Diagnostic } from '../report/diagnostics.ts';
import { countBlocks, type BlockCounts } from '../report/text.ts';

const diagnosticSchema = z.object({
  file: z.string(),
  line: z.optional(z.number()),
  column: z.optional(z.number()),
  endLine: z.optional(z.number()),
  endColumn: z.optional(z.number()),
  severity: z.enum(['error', 'warning']),
  ruleId: z.string(),
  message: z.string(),
  hint: z.optional(z.string()),
});

const reportSchema = z.object({
  version: z.string(),
  errors: z.number(),
  warnings: z.number(),
  diagnostics: z.array(diagnosticSchema),
  snippets: z.optional(z.array(z.looseObject({ id: z.string() }))),
  shard: z.optional(z.string()),
  blocks: z.optional(
    z.array(
      z.looseObject({
        file: z.string(),
        line: z.number(),
        column: z.number(),
        state: z.enum(['proved', 'failed', 'unproved']),
      }),
    ),
  ),
});

/** What `--reporter json` prints (the fields merging needs). */
export type JsonReport = Omit<z.infer<typeof reportSchema>, 'diagnostics'> & {
  diagnostics: Diagnostic[];
  blockCounts?: BlockCounts;
};

/** Reads one shard's report; a file that is not one is a usage error naming the file and the field. */
export function readJsonReport(file: string): JsonReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: not a JSON report (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new UsageError(
      `${file}: not a proofdeck JSON report: ${where}: ${issue?.message ?? 'invalid'} (write it with --reporter json)`,
    );
  }
  return { ...parsed.data, diagnostics: parsed.data.diagnostics.map(withoutUndefined) };
}

/** The JSON reporter omits absent fields; the parsed object may carry them as undefined. */
function withoutUndefined(parsed: z.infer<typeof diagnosticSchema>): Diagnostic {
  const { line, column, endLine, endColumn, hint, ...required } = parsed;
  return {
    ...required,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(endLine !== undefined ? { endLine } : {}),
    ...(endColumn !== undefined ? { endColumn } : {}),
    ...(hint !== undefined ? { hint } : {}),
  };
}

const keyOf = (d: Diagnostic): string =>
  JSON.stringify([d.file, d.line, d.column, d.endLine, d.endColumn, d.severity, d.ruleId, d.message, d.hint]);

/** One report with every shard's findings once, sorted like a single job's report. */
export function mergeReports(reports: readonly JsonReport[]): JsonReport {
  const diagnostics = new Map<string, Diagnostic>();
  for (const report of reports)
    for (const diagnostic of report.diagnostics) diagnostics.set(keyOf(diagnostic), diagnostic);
  const sorted = [...diagnostics.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const snippets = new Map<string, { id: string }>();
  for (const report of reports) for (const snippet of report.snippets ?? []) snippets.set(snippet.id, snippet);
  // A deck's blocks are listed by the shard that owns it, a snippet's block by the shard that proved it.
  const blocks = new Map<string, NonNullable<JsonReport['blocks']>[number]>();
  for (const report of reports)
    for (const block of report.blocks ?? []) blocks.set(`${block.file}:${block.line}:${block.column}`, block);
  const listed = [...blocks.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  const errors = sorted.filter((d) => d.severity === 'error').length;
  return {
    version: reports[0]?.version ?? '',
    errors,
    warnings: sorted.length - errors,
    diagnostics: sorted,
    ...(snippets.size > 0 ? { snippets: [...snippets.values()].sort((a, b) => a.id.localeCompare(b.id)) } : {}),
    ...(reports.some((report) => report.blocks) ? { blockCounts: countBlocks(listed), blocks: listed } : {}),
  };
}

/** The diagnostics as vfiles (sources read from disk when present) for the text, SARIF and GitHub reporters. */
export function diagnosticsToFiles(diagnostics: readonly Diagnostic[], cwd: string): VFile[] {
  const byFile = new Map<string, VFile>();
  for (const d of diagnostics) {
    let file = byFile.get(d.file);
    if (!file) {
      const full = path.resolve(cwd, d.file);
      file = new VFile({ path: full, cwd, value: existsSync(full) ? readFileSync(full, 'utf8') : '' });
      byFile.set(d.file, file);
    }
    const place =
      d.line === undefined
        ? undefined
        : d.endLine !== undefined
          ? {
              start: { line: d.line, column: d.column ?? 1 },
              end: { line: d.endLine, column: d.endColumn ?? 1 },
            }
          : { line: d.line, column: d.column ?? 1 };
    const message = file.message(d.message, { ...(place ? { place } : {}), ruleId: d.ruleId, source: 'proofdeck' });
    message.fatal = d.severity === 'error' ? true : false;
    if (d.hint) message.note = d.hint;
  }
  return [...byFile.values()];
}
