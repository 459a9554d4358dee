/** The `math/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const mathRules = {
  'math/syntax': {
    severity: 'error',
    summary: 'TeX math that KaTeX cannot typeset.',
    help: 'Fix the TeX between the dollars, or escape a literal dollar as \\$.',
    docs: 'math',
  },
} as const satisfies Record<string, Rule>;
