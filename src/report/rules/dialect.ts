/** The `dialect/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const dialectRules = {
  'dialect/unknown-key': {
    severity: 'warning',
    summary: 'A frontmatter key of another tool (Marp, Slidev, reveal-md, Quarto) that proofdeck does not honour.',
    help: 'Remove the key, or use the proofdeck frontmatter key that does the same.',
    docs: 'decks-from-other-tools-dialects',
  },
  'dialect/unknown-theme': {
    severity: 'warning',
    summary: 'A Marp or Slidev theme proofdeck does not have; a built-in theme is used.',
    help: 'Name a theme proofdeck has (dark, light or a folder under themes/), or drop the theme key.',
    docs: 'decks-from-other-tools-dialects',
  },
  'dialect/unsupported': {
    severity: 'warning',
    summary: 'Syntax of another tool that proofdeck cannot honour (a filter, a component, an unknown class).',
    help: 'Remove the construct, or write it in native proofdeck markdown.',
    docs: 'decks-from-other-tools-dialects',
  },
  'dialect/vue-component': {
    severity: 'warning',
    summary: 'A Vue component or script in a Slidev deck; it is left off the slide.',
    help: 'Replace the component with markdown, or remove it.',
    docs: 'decks-from-other-tools-dialects',
  },
} as const satisfies Record<string, Rule>;
