/** The `frontmatter/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const frontmatterRules = {
  'frontmatter/invalid-value': {
    severity: 'error',
    summary: 'A frontmatter key has a value of the wrong type or form.',
    help: 'Give the key a value of the documented type.',
    docs: 'frontmatter',
  },
  'frontmatter/unknown-key': {
    severity: 'error',
    summary: 'A frontmatter key proofdeck does not know.',
    help: 'Remove the key or fix its spelling.',
    docs: 'frontmatter',
  },
  'frontmatter/unknown-theme': {
    severity: 'error',
    summary: 'The theme named in the frontmatter does not exist.',
    help: 'Name a folder under themes/, or add one.',
    docs: 'themes',
  },
  'frontmatter/yaml': {
    severity: 'error',
    summary: 'The frontmatter is not valid YAML.',
    help: 'Fix the YAML between the --- lines.',
    docs: 'frontmatter',
  },
} as const satisfies Record<string, Rule>;
