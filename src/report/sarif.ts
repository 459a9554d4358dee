/** SARIF 2.1.0 report, for code-scanning services and editors. */
import type { Diagnostic } from './diagnostics.ts';

const RULE_HELP = 'https://github.com/proofdeck/proofdeck#diagnostics';

/** Builds a SARIF 2.1.0 log with one run; rules are listed once each, results point at them by index. */
export function toSarif(diagnostics: readonly Diagnostic[], version: string): Record<string, unknown> {
  const ruleIds = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'proofdeck',
            version,
            informationUri: RULE_HELP,
            rules: ruleIds.map((id) => ({ id, helpUri: RULE_HELP })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIds.indexOf(d.ruleId),
          level: d.severity,
          message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('\\').join('/') },
                ...(d.line
                  ? {
                      region: {
                        startLine: d.line,
                        startColumn: d.column ?? 1,
                        ...(d.endLine ? { endLine: d.endLine, endColumn: d.endColumn ?? 1 } : {}),
                      },
                    }
                  : {}),
              },
            },
          ],
        })),
      },
    ],
  };
}
