/** Finds the diagrams of a deck: ```mermaid fences, `::diagram{file=…}` and `::timeline{data=…}`. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isInsideFolders } from '../config/confine.ts';
import type { Nodes, Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from '../parse/visit.ts';
import type { VFile } from 'vfile';
import { sha256 } from '../cache/store.ts';
import type { Diagram } from '../model/diagram.ts';
import { fenceMeta } from '../parse/fence-meta.ts';
import { addError } from '../report/messages.ts';
import { timelineFromRecords } from './timeline.ts';

/** Options for {@link extractDiagrams}. */
export interface DiagramExtractOptions {
  /** Folder `::diagram{file=…}` names are resolved in. */
  diagramsDir: string;
  /** Folder of the deck, for `::timeline{data=…}`. */
  deckDir: string;
  /** Reads a data file (path as written, relative to the deck) into records; problems are returned as a message. */
  loadRecords: (written: string) => { records: Record<string, unknown>[] } | { error: string };
}

declare module 'mdast' {
  interface Data {
    /**
     * The diagram of a ```mermaid fence or a `::diagram`/`::timeline` directive, set by {@link extractDiagrams}
     * on this build's tree (the parse cache holds JSON text, so it never keeps it) and read where it is rendered.
     */
    diagram?: Diagram;
  }
}

function caption(attributes: Record<string, string | null | undefined>): Pick<Diagram, 'caption' | 'alt'> {
  const result: Pick<Diagram, 'caption' | 'alt'> = {};
  if (attributes.caption) result.caption = attributes.caption;
  if (attributes.alt) result.alt = attributes.alt;
  return result;
}

/** Collects diagrams and attaches each to its node; missing files and bad data become messages. */
export function extractDiagrams(tree: Root, file: VFile, options: DiagramExtractOptions): Diagram[] {
  const diagrams: Diagram[] = [];
  const attach = (node: Nodes, diagram: Diagram) => {
    node.data ??= {};
    node.data.diagram = diagram;
    diagrams.push(diagram);
  };
  const used = new Map<string, number>();
  const uniqueId = (text: string) => {
    const base = `mermaid-${sha256(text).slice(0, 10)}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
  const markdown = file.path;
  visit(tree, (node) => {
    const start = node.position?.start;
    if (!start) return;
    const at = { line: start.line, column: start.column };
    if (node.type === 'code' && node.lang?.toLowerCase() === 'mermaid') {
      const meta = fenceMeta(node);
      const attributes = Object.fromEntries(meta.attributes.map((a) => [a.key, a.value]));
      attach(node, {
        id: uniqueId(node.value),
        text: node.value,
        origin: 'fence',
        file: markdown,
        firstLine: start.line + 1,
        ...at,
        ...caption(attributes),
      });
      return;
    }
    if (node.type !== 'leafDirective' || (node.name !== 'diagram' && node.name !== 'timeline')) return;
    const diagram = node.name === 'diagram' ? fromFile(node, file, options) : fromData(node, file, options);
    if (diagram)
      attach(node, {
        id: uniqueId(diagram.text),
        ...at,
        ...caption(node.attributes ?? {}),
        ...diagram,
      });
  });
  return diagrams;
}

type DiagramSource = Pick<Diagram, 'text' | 'origin' | 'file' | 'firstLine'>;

function fromFile(node: LeafDirective, file: VFile, options: DiagramExtractOptions): DiagramSource | undefined {
  const name = node.attributes?.file;
  if (!name) {
    addError(
      file,
      '`::diagram` needs a file attribute',
      node.position?.start,
      'diagram/missing-file',
      'Write ::diagram{file="name.mmd"} with the file under diagrams/.',
    );
    return undefined;
  }
  const full = path.resolve(options.diagramsDir, name);
  if (!isInsideFolders(full, [options.diagramsDir]) || !existsSync(full)) {
    addError(
      file,
      `diagram file not found: ${name}`,
      node.position?.start,
      'diagram/missing-file',
      `Diagram files live in ${path.relative(process.cwd(), options.diagramsDir) || '.'}/.`,
    );
    return undefined;
  }
  return { text: readFileSync(full, 'utf8'), origin: 'file', file: full, firstLine: 1 };
}

function fromData(node: LeafDirective, file: VFile, options: DiagramExtractOptions): DiagramSource | undefined {
  const attributes = node.attributes ?? {};
  const data = attributes.data;
  const place = node.position?.start;
  if (!data) {
    addError(
      file,
      '`::timeline` needs a data attribute',
      place,
      'diagram/timeline-data',
      'Write ::timeline{data="./events.yaml"}.',
    );
    return undefined;
  }
  const loaded = options.loadRecords(data);
  if ('error' in loaded) {
    addError(
      file,
      `timeline data: ${loaded.error}`,
      place,
      'diagram/timeline-data',
      'The file must hold a list of records (YAML, JSON or CSV) inside the deck folder.',
    );
    return undefined;
  }
  const fields = {
    ...(attributes.period ? { period: attributes.period } : {}),
    ...(attributes.event ? { event: attributes.event } : {}),
    ...(attributes.title ? { title: attributes.title } : {}),
    ...(attributes.direction === 'TD' ? { direction: 'TD' as const } : {}),
  };
  return {
    text: timelineFromRecords(loaded.records, fields),
    origin: 'data',
    file: file.path,
    firstLine: place?.line ?? 1,
  };
}
