/** The `links/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const linksRules = {
  'links/broken': {
    severity: 'error',
    summary: 'An internal link or anchor points nowhere.',
    help: 'Point the link at an existing deck, heading or file.',
    docs: 'the-docs-site',
  },
  'links/external': {
    severity: 'warning',
    summary: 'An external link did not answer (only with --check-external).',
    help: 'Fix or remove the link.',
    docs: 'reports-for-ci',
  },
  'links/generated-docs': {
    severity: 'warning',
    summary: 'A link to an HTML page that is not in the project (generated API docs) cannot be checked.',
    help: 'Check it on the built docs, or link a source file instead.',
    docs: 'the-docs-site',
  },
} as const satisfies Record<string, Rule>;
