/** The shape of one entry of the rule registry (src/report/rules.ts). */
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
