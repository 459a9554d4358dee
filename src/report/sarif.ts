/** SARIF 2.1.0 report, for code-scanning services and editors. */
import type { Diagnostic } from './diagnostics.ts';
import { DOCS_URL, isRuleId, ruleHelpUri, ruleIds as registeredRuleIds, rules } from './rules.ts';

/** One SARIF reportingDescriptor: the registry's summary, help text, severity and the rule's own help URL. */
function describeRule(id: string): Record<string, unknown> {
  if (!isRuleId(id)) return { id };
  const rule = rules[id];
  return {
    id,
    shortDescription: { text: rule.summary },
    help: { text: rule.help },
    helpUri: ruleHelpUri(id),
    defaultConfiguration: { level: rule.severity },
  };
}

/** Builds a SARIF 2.1.0 log with one run; every registered rule is listed once, results point at them by index. */
export function toSarif(diagnostics: readonly Diagnostic[], version: string): Record<string, unknown> {
  const ruleIds = [...new Set<string>([...registeredRuleIds(), ...diagnostics.map((d) => d.ruleId)])].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'proofdeck',
            version,
            informationUri: DOCS_URL,
            rules: ruleIds.map(describeRule),
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
