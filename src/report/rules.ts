/**
 * The rule registry: every diagnostic proofdeck can report, once. `addError`/`addWarning` accept only
 * these ids, SARIF lists them with their own help URL and the README's rule table is generated from here.
 */
type Severity = 'error' | 'warning';

export interface Rule {
  readonly severity: Severity;
  /** One line: what the rule reports. */
  readonly summary: string;
  /** One line: what the author does about it. */
  readonly help: string;
  /** The README section that explains the construct the rule checks (a github-slugger heading anchor). */
  readonly docs: string;
}

export const rules = {
  'deck/empty-slide': {
    severity: 'warning',
    summary: 'A slide has no content.',
    help: 'Add content, or remove the heading; a section title slide needs no body.',
    docs: 'slides-and-sections',
  },
  'deck/heading-skip': {
    severity: 'warning',
    summary: 'A heading skips a level (## then ####).',
    help: 'Use the next level down (## then ###).',
    docs: 'slides-and-sections',
  },
  'deck/html-across-slides': {
    severity: 'error',
    summary: 'Raw HTML opened in one slide is closed in another, which breaks the slide structure.',
    help: 'Open and close the HTML element on the same slide.',
    docs: 'decks-from-other-tools-dialects',
  },
  'deck/limit': {
    severity: 'error',
    summary: 'The deck is too large or too deeply nested (file size, nesting depth, table rows).',
    help: 'Split the deck into smaller files, flatten the nesting or move large tables into data files.',
    docs: 'command-line',
  },
  'deck/line-spec': {
    severity: 'error',
    summary: "A code block's line-highlight spec ({1-2|4}) does not parse.",
    help: 'Write line numbers and ranges separated by , and steps by |, e.g. {1-2|4|all}.',
    docs: 'code',
  },
  'deck/malformed-url': {
    severity: 'error',
    summary: 'A link or image URL has a malformed %-escape.',
    help: 'Write % as %25, or fix the escape (two hex digits after %).',
    docs: 'images-and-other-files',
  },
  'deck/missing-asset': {
    severity: 'error',
    summary: 'An image or linked file does not exist.',
    help: 'Fix the path (relative to the markdown file) or add the file.',
    docs: 'images-and-other-files',
  },
  'deck/outside-project': {
    severity: 'error',
    summary: 'A file a deck names lies outside the project (also through a symlink).',
    help: 'Copy the file into the project folder and refer to it there.',
    docs: 'images-and-other-files',
  },
  'deck/setext-heading': {
    severity: 'error',
    summary: 'A line under text turned it into a setext heading instead of a slide break.',
    help: 'Put a blank line before the --- slide break.',
    docs: 'slides-and-sections',
  },
  'deck/slide-attribute': {
    severity: 'error',
    summary: 'A slide attribute is unknown or has an invalid value.',
    help: 'Use one of the attributes listed under Per-slide attributes, with a valid value.',
    docs: 'per-slide-attributes',
  },
  'deck/stray-fence': {
    severity: 'error',
    summary: 'A code fence is never closed.',
    help: 'Close the fence with the same number of backticks that opened it.',
    docs: 'code',
  },
  'deck/unclosed-container': {
    severity: 'error',
    summary: 'A ::: container is not closed, or closed twice.',
    help: 'End every ::: container with a line holding only :::.',
    docs: 'two-columns',
  },
  'deck/unknown-directive': {
    severity: 'error',
    summary: 'A :directive proofdeck does not know.',
    help: 'Use a directive proofdeck knows, or put a backslash before the colon for literal text.',
    docs: 'writing-a-deck',
  },
  'diagram/missing-file': {
    severity: 'error',
    summary: 'A diagram file named by the deck does not exist.',
    help: "Put the .mmd file in the project's diagrams/ folder, or fix the name.",
    docs: 'diagrams',
  },
  'diagram/syntax': {
    severity: 'error',
    summary: 'mermaid cannot parse the diagram.',
    help: 'Fix the diagram at the line mermaid names.',
    docs: 'diagrams',
  },
  'diagram/timeline-data': {
    severity: 'error',
    summary: 'A timeline data file is malformed.',
    help: 'Give every record a year (or released/date) and an event.',
    docs: 'diagrams',
  },
  'diagram/unknown-type': {
    severity: 'error',
    summary: 'A diagram type mermaid does not know.',
    help: 'Start the diagram with a type mermaid knows (flowchart, sequenceDiagram, timeline, …).',
    docs: 'diagrams',
  },
  'config/invalid': {
    severity: 'error',
    summary: 'proofdeck.config.{yaml,json}: an unknown key, a value of the wrong type, or an unknown theme.',
    help: 'Use the keys site.title, site.base, theme, snippets.cc and snippets.edition with valid values.',
    docs: 'in-your-talk-repository',
  },
  'config/syntax': {
    severity: 'error',
    summary: 'proofdeck.config.{yaml,json} is not valid YAML or JSON.',
    help: 'Fix the syntax of the config file at the position named.',
    docs: 'in-your-talk-repository',
  },
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
  'math/syntax': {
    severity: 'error',
    summary: 'TeX math that KaTeX cannot typeset.',
    help: 'Fix the TeX between the dollars, or escape a literal dollar as \\$.',
    docs: 'math',
  },
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
  'snippet/compile-error': {
    severity: 'error',
    summary: 'A snippet expected to compile does not.',
    help: 'Fix the code, or state the failure with compile_fail.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/conflicting-attributes': {
    severity: 'error',
    summary: 'Two attributes of a snippet contradict each other.',
    help: 'Keep one of the two attributes.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/duplicate-id': {
    severity: 'error',
    summary: 'Two snippets share an id.',
    help: 'Give every snippet its own id=.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/include-outside-root': {
    severity: 'error',
    summary: 'An included file lies outside the project.',
    help: 'Include files from inside the project only.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/internal-error': {
    severity: 'error',
    summary: 'proofdeck could not run the toolchain for a snippet.',
    help: 'Run again with --no-cache; report it if it persists.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/invalid-attribute': {
    severity: 'error',
    summary: 'A snippet attribute has an invalid value.',
    help: 'Give the attribute a value of the documented form.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/missing-include': {
    severity: 'error',
    summary: 'An included file does not exist.',
    help: 'Fix the path after <<< (relative to the markdown file).',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/missing-toolchain': {
    severity: 'error',
    summary: 'The compiler a snippet needs is not installed.',
    help: 'Install the compiler (gcc, clang or rustc) and run again.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/missing-warning': {
    severity: 'error',
    summary: 'A snippet expected to warn compiles without that warning.',
    help: 'Fix the claim (warns=…) or the code, so the warning fires.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/sandbox-degraded': {
    severity: 'warning',
    summary: 'Snippets ran without the bubblewrap sandbox.',
    help: 'Install bubblewrap and allow unprivileged user namespaces.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/timeout': {
    severity: 'error',
    summary: 'A snippet ran past its time limit.',
    help: 'Make the program finish quickly; snippets run with CPU, memory and time limits.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/transcript-not-proved': {
    severity: 'warning',
    summary: 'A shell transcript shows a C program but cannot be proved as written (the reason says why).',
    help: 'Show one allow-listed compile command and the run, or mark the block as not proved.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/transcript-output': {
    severity: 'error',
    summary: 'A shell transcript shows output that the real run did not print.',
    help: 'Show the output the program really prints under this compiler, or fix the program.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unexpected-panic': {
    severity: 'error',
    summary: 'A Rust program panicked although it was expected to run cleanly.',
    help: 'Fix the program, or state the panic with should_panic.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unexpected-success': {
    severity: 'error',
    summary: 'A snippet expected to fail succeeded.',
    help: 'Make the code fail as claimed, or drop the failure attribute.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unexpected-warning': {
    severity: 'error',
    summary: 'A snippet expected to compile cleanly warns.',
    help: 'Fix the code, or declare the warning with warns=.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unknown-attribute': {
    severity: 'error',
    summary: 'A snippet attribute proofdeck does not know.',
    help: 'Use an attribute from the snippet tables, or fix its spelling.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unknown-compiler': {
    severity: 'error',
    summary: 'cc= names a compiler proofdeck does not know.',
    help: 'Use cc=gcc, cc=clang or cc=both.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/unknown-region': {
    severity: 'error',
    summary: 'An include names a region the file does not mark.',
    help: 'Mark the region in the file (#region name / ANCHOR: name) or fix the name.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-exit': {
    severity: 'error',
    summary: 'A program exited with another status than the one stated.',
    help: 'State the exit status the program really has (exit=N), or fix the program.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-failure': {
    severity: 'error',
    summary: 'A snippet failed, but not the way it claims.',
    help: 'State the failure the compiler or sanitizer really reports.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-language-attribute': {
    severity: 'error',
    summary: 'An attribute of another language (a Rust one on C, say).',
    help: "Use the attributes of the block's language.",
    docs: 'proved-snippets-c-c-and-rust',
  },
  'snippet/wrong-output': {
    severity: 'error',
    summary: 'A program printed other output than the one stated.',
    help: 'State the output the program really prints (stdout="…"), or fix the program.',
    docs: 'proved-snippets-c-c-and-rust',
  },
  'table/cell-count': {
    severity: 'error',
    summary: 'A row has more or fewer cells than the header.',
    help: 'Give every row as many cells as the header; put a backslash before a literal bar.',
    docs: 'checked-tables',
  },
  'table/data-mismatch': {
    severity: 'error',
    summary: 'A table cell disagrees with its data file.',
    help: 'Make the cell agree with the data file (the message names the expected value).',
    docs: 'data-files-one-fact-one-place',
  },
  'table/data-source': {
    severity: 'error',
    summary: 'A table data file is missing or malformed.',
    help: "Fix the data= path, or the file's YAML, JSON or CSV.",
    docs: 'data-files-one-fact-one-place',
  },
  'table/duplicate-column': {
    severity: 'error',
    summary: 'Two columns share a name.',
    help: 'Give every column its own name.',
    docs: 'checked-tables',
  },
  'table/empty-cell': {
    severity: 'error',
    summary: 'A required cell is empty.',
    help: 'Fill the cell; write — where there is deliberately nothing.',
    docs: 'checked-tables',
  },
  'table/evidence': {
    severity: 'error',
    summary: 'A row claims evidence that no proved snippet gives.',
    help: 'Cite a snippet id that proves the stated outcome.',
    docs: 'evidence',
  },
  'table/key': {
    severity: 'error',
    summary: 'Key column values are missing or repeated.',
    help: 'Fill every key cell with a unique value.',
    docs: 'a-checked-table',
  },
  'table/match': {
    severity: 'error',
    summary: 'A cell does not match its column pattern.',
    help: 'Make both lists name the same items.',
    docs: 'cross-checks',
  },
  'table/missing-header': {
    severity: 'error',
    summary: 'A column named by the spec is not in the table.',
    help: 'Add a delimiter row (| --- | --- |) under the header.',
    docs: 'checked-tables',
  },
  'table/required': {
    severity: 'error',
    summary: 'A required column or value is missing.',
    help: 'Fill every cell of the required columns.',
    docs: 'a-checked-table',
  },
  'table/row-count': {
    severity: 'error',
    summary: 'The table has another number of rows than stated.',
    help: 'Add or remove rows, or fix rows=.',
    docs: 'a-checked-table',
  },
  'table/sort': {
    severity: 'error',
    summary: 'Rows are not in the stated order.',
    help: 'Put the rows in the stated order.',
    docs: 'a-checked-table',
  },
  'table/spec': {
    severity: 'error',
    summary: 'The :::table spec is malformed.',
    help: 'Fix the :::table attributes (names, types, columns).',
    docs: 'a-checked-table',
  },
  'table/type': {
    severity: 'error',
    summary: 'A cell is not of its column type.',
    help: 'Write the cell as a value of the column type.',
    docs: 'a-checked-table',
  },
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
