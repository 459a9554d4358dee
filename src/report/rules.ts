/**
 * The rule registry: every diagnostic proofdeck can report, once. `addError`/`addWarning` accept only
 * these ids, SARIF lists them with their own help URL and the README's rule table is generated from here.
 */
import { deckRules } from './rules/deck.ts';
import { diagramRules } from './rules/diagram.ts';
import type { Rule } from './rule.ts';
import { configRules } from './rules/config.ts';
import { dialectRules } from './rules/dialect.ts';
import { frontmatterRules } from './rules/frontmatter.ts';
import { linksRules } from './rules/links.ts';
import { mathRules } from './rules/math.ts';
import { pdfRules } from './rules/pdf.ts';
import { snippetRules } from './rules/snippet.ts';
import { tableRules } from './rules/table.ts';

export const rules = {
  ...deckRules,
  ...diagramRules,
  ...configRules,
  ...dialectRules,
  ...frontmatterRules,
  ...linksRules,
  ...mathRules,
  ...pdfRules,
  ...snippetRules,
  ...tableRules,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

/** Where the README is published; every rule's row in its rule table carries the anchor {@link ruleAnchor}. */
export const DOCS_URL = 'https://github.com/proofdeck/proofdeck';

/** The anchor of the rule's row in the README's generated rule table: `rule-snippet-timeout`. */
export function ruleAnchor(id: RuleId): string {
  return `rule-${id.replace('/', '-')}`;
}

/** The rule's own documentation URL (SARIF `helpUri`). */
export function ruleHelpUri(id: RuleId): string {
  return `${DOCS_URL}#${ruleAnchor(id)}`;
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}

/** Every registered rule id, sorted. */
export function ruleIds(): RuleId[] {
  return (Object.keys(rules) as RuleId[]).sort();
}
