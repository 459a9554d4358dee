/** The `diagram/*` rules of the registry (src/report/rules.ts). */
import type { Rule } from '../rule.ts';

export const diagramRules = {
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
} as const satisfies Record<string, Rule>;
