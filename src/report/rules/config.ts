/** The `config/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const configRules = {
  'config/invalid': {
    severity: 'error',
    summary:
      'proofdeck.config.{yaml,json}: an unknown key, a wrong value, an unknown theme or allowed folder; ' +
      'book.toml: an unknown `[rust] edition`.',
    help: 'Use the keys site.title, site.base, theme, badges, snippets.cc/.edition/.proofs and paths.allow validly.',
    docs: 'in-your-talk-repository',
  },
  'config/syntax': {
    severity: 'error',
    summary: 'proofdeck.config.{yaml,json} is not valid YAML or JSON, or book.toml is not valid TOML.',
    help: 'Fix the syntax of the config file at the position named.',
    docs: 'in-your-talk-repository',
  },
} as const satisfies Record<string, Rule>;
