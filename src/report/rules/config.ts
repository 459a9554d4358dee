/** The `config/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const configRules = {
  'config/invalid': {
    severity: 'error',
    summary:
      'proofdeck.config.{yaml,json}: an unknown key, a value of the wrong type, or an unknown theme; ' +
      'book.toml: an unknown `[rust] edition`.',
    help: 'Use the keys site.title, site.base, theme, snippets.cc and snippets.edition with valid values.',
    docs: 'in-your-talk-repository',
  },
  'config/syntax': {
    severity: 'error',
    summary: 'proofdeck.config.{yaml,json} is not valid YAML or JSON, or book.toml is not valid TOML.',
    help: 'Fix the syntax of the config file at the position named.',
    docs: 'in-your-talk-repository',
  },
} as const satisfies Record<string, Rule>;
