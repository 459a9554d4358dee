/** The `pdf/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const pdfRules = {
  'pdf/export': {
    severity: 'error',
    summary: 'Printing a PDF failed.',
    help: 'Run again; check that chromium starts (chromium --headless --version).',
    docs: 'pdfs-slides-and-handout',
  },
} as const satisfies Record<string, Rule>;
