/** The `pdf/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const pdfRules = {
  'pdf/export': {
    severity: 'error',
    summary: 'Printing a PDF failed.',
    help: 'Run again; check that chromium starts (chromium --headless --version).',
    docs: 'pdfs-slides-and-handout',
  },
  'pdf/overflow': {
    severity: 'warning',
    summary: 'A slide does not fit its page.',
    help: 'Shorten the slide, split it with ---, or move prose into :::notes.',
    docs: 'pdfs-slides-and-handout',
  },
} as const satisfies Record<string, Rule>;
