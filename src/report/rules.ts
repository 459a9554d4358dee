/**
 * The rule registry: every diagnostic proofdeck can report, once. `addError`/`addWarning` accept only
 * these ids, SARIF lists them with their own help URL and the README's rule table is generated from here.
 */
export type Severity = 'error' | 'warning';

export interface Rule {
  readonly severity: Severity;
  readonly summary: string;
}

export const rules = {
  'deck/empty-slide': { severity: 'warning', summary: 'A slide has no content.' },
  'deck/heading-skip': { severity: 'warning', summary: 'A heading skips a level (## then ####).' },
  'deck/missing-asset': { severity: 'error', summary: 'An image or linked file does not exist.' },
  'deck/setext-heading': {
    severity: 'error',
    summary: 'A line under text turned it into a setext heading instead of a slide break.',
  },
  'deck/slide-attribute': { severity: 'error', summary: 'A slide attribute is unknown or has an invalid value.' },
  'deck/stray-fence': { severity: 'error', summary: 'A code fence is never closed.' },
  'deck/unclosed-container': { severity: 'error', summary: 'A ::: container is not closed, or closed twice.' },
  'deck/unknown-directive': { severity: 'error', summary: 'A :directive proofdeck does not know.' },
  'diagram/missing-file': { severity: 'error', summary: 'A diagram file named by the deck does not exist.' },
  'diagram/syntax': { severity: 'error', summary: 'mermaid cannot parse the diagram.' },
  'diagram/timeline-data': { severity: 'error', summary: 'A timeline data file is malformed.' },
  'diagram/unknown-type': { severity: 'error', summary: 'A diagram type mermaid does not know.' },
  'config/invalid': {
    severity: 'error',
    summary: 'proofdeck.config.{yaml,json}: an unknown key, a value of the wrong type, or an unknown theme.',
  },
  'config/syntax': { severity: 'error', summary: 'proofdeck.config.{yaml,json} is not valid YAML or JSON.' },
  'frontmatter/invalid-value': {
    severity: 'error',
    summary: 'A frontmatter key has a value of the wrong type or form.',
  },
  'frontmatter/unknown-key': { severity: 'error', summary: 'A frontmatter key proofdeck does not know.' },
  'frontmatter/unknown-theme': { severity: 'error', summary: 'The theme named in the frontmatter does not exist.' },
  'frontmatter/yaml': { severity: 'error', summary: 'The frontmatter is not valid YAML.' },
  'links/broken': { severity: 'error', summary: 'An internal link or anchor points nowhere.' },
  'links/external': { severity: 'warning', summary: 'An external link did not answer (only with --check-external).' },
  'pdf/export': { severity: 'error', summary: 'Printing a PDF failed.' },
  'pdf/overflow': { severity: 'warning', summary: 'A slide does not fit its page.' },
  'snippet/compile-error': { severity: 'error', summary: 'A snippet expected to compile does not.' },
  'snippet/conflicting-attributes': {
    severity: 'error',
    summary: 'Two attributes of a snippet contradict each other.',
  },
  'snippet/duplicate-id': { severity: 'error', summary: 'Two snippets share an id.' },
  'snippet/include-outside-root': { severity: 'error', summary: 'An included file lies outside the project.' },
  'snippet/internal-error': { severity: 'error', summary: 'proofdeck could not run the toolchain for a snippet.' },
  'snippet/invalid-attribute': { severity: 'error', summary: 'A snippet attribute has an invalid value.' },
  'snippet/missing-include': { severity: 'error', summary: 'An included file does not exist.' },
  'snippet/missing-toolchain': { severity: 'error', summary: 'The compiler a snippet needs is not installed.' },
  'snippet/missing-warning': {
    severity: 'error',
    summary: 'A snippet expected to warn compiles without that warning.',
  },
  'snippet/sandbox-degraded': { severity: 'warning', summary: 'Snippets ran without the bubblewrap sandbox.' },
  'snippet/timeout': { severity: 'error', summary: 'A snippet ran past its time limit.' },
  'snippet/unexpected-panic': {
    severity: 'error',
    summary: 'A Rust program panicked although it was expected to run cleanly.',
  },
  'snippet/unexpected-success': { severity: 'error', summary: 'A snippet expected to fail succeeded.' },
  'snippet/unexpected-warning': { severity: 'error', summary: 'A snippet expected to compile cleanly warns.' },
  'snippet/unknown-attribute': { severity: 'error', summary: 'A snippet attribute proofdeck does not know.' },
  'snippet/unknown-compiler': { severity: 'error', summary: 'cc= names a compiler proofdeck does not know.' },
  'snippet/unknown-region': { severity: 'error', summary: 'An include names a region the file does not mark.' },
  'snippet/wrong-exit': { severity: 'error', summary: 'A program exited with another status than the one stated.' },
  'snippet/wrong-failure': { severity: 'error', summary: 'A snippet failed, but not the way it claims.' },
  'snippet/wrong-language-attribute': {
    severity: 'error',
    summary: 'An attribute of another language (a Rust one on C, say).',
  },
  'snippet/wrong-output': { severity: 'error', summary: 'A program printed other output than the one stated.' },
  'table/cell-count': { severity: 'error', summary: 'A row has more or fewer cells than the header.' },
  'table/data-mismatch': { severity: 'error', summary: 'A table cell disagrees with its data file.' },
  'table/data-source': { severity: 'error', summary: 'A table data file is missing or malformed.' },
  'table/duplicate-column': { severity: 'error', summary: 'Two columns share a name.' },
  'table/empty-cell': { severity: 'error', summary: 'A required cell is empty.' },
  'table/evidence': { severity: 'error', summary: 'A row claims evidence that no proved snippet gives.' },
  'table/key': { severity: 'error', summary: 'Key column values are missing or repeated.' },
  'table/match': { severity: 'error', summary: 'A cell does not match its column pattern.' },
  'table/missing-header': { severity: 'error', summary: 'A column named by the spec is not in the table.' },
  'table/required': { severity: 'error', summary: 'A required column or value is missing.' },
  'table/row-count': { severity: 'error', summary: 'The table has another number of rows than stated.' },
  'table/sort': { severity: 'error', summary: 'Rows are not in the stated order.' },
  'table/spec': { severity: 'error', summary: 'The :::table spec is malformed.' },
  'table/type': { severity: 'error', summary: 'A cell is not of its column type.' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

/** Rule documentation lives in the README's rule table, one anchor per rule. */
export function ruleHelpUri(id: RuleId): string {
  return `https://github.com/proofdeck/proofdeck#rule-${id.replace('/', '-')}`;
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}
