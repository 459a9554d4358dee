/** Rules `diagram/syntax` and `diagram/unknown-type`: mermaid's own errors, at the line mermaid names. */
import type { VFile } from 'vfile';
import type { Diagram, DiagramResult } from '../model/diagram.ts';
import { addError } from '../report/messages.ts';

/** Attaches a positioned error for every diagram mermaid could not render. */
export function reportDiagramResults(
  diagrams: Iterable<Diagram>,
  results: ReadonlyMap<string, DiagramResult>,
  file: VFile,
): void {
  for (const diagram of diagrams) {
    const result = results.get(diagram.id);
    if (!result || result.ok) continue;
    const unknownType = /No diagram type detected/.test(result.message);
    const firstLine = result.message.split('\n')[0] ?? result.message;
    const detail = result.message.split('\n').slice(1, 3).join(' ').replace(/\s+/g, ' ').trim();
    const reason = unknownType
      ? `unknown mermaid diagram type "${diagram.text.trim().split(/\s/)[0] ?? ''}"`
      : `mermaid: ${firstLine}${detail ? ` ${detail}` : ''}`;
    // jison reports the line where it gave up, which can be just past the last line of the diagram.
    const lastLine = diagram.text.replace(/\n+$/, '').split('\n').length;
    const sourceLine = Math.min(result.sourceLine ?? 1, lastLine);
    const line = diagram.origin === 'data' ? diagram.line : diagram.firstLine + sourceLine - 1;
    const column = diagram.origin === 'data' ? diagram.column : (result.sourceColumn ?? 1);
    const hint = unknownType
      ? 'Start the diagram with a type: flowchart, sequenceDiagram, timeline, classDiagram, …'
      : 'mermaid reports the line where its parser gave up; the mistake may be just before it.';
    const ruleId = unknownType ? 'diagram/unknown-type' : 'diagram/syntax';
    const message = addError(file, reason, { line, column }, ruleId, hint);
    // Errors in a diagrams/*.mmd file point at that file, not at the deck.
    if (diagram.file !== file.path) message.file = diagram.file;
  }
}
