/** A mermaid diagram found in a deck, and what rendering it produced. */

/** Where a diagram's text came from. */
type DiagramOrigin = 'fence' | 'file' | 'data';

/** A diagram to render. */
export interface Diagram {
  /** Deterministic DOM id for the SVG, unique within its deck. */
  id: string;
  /** Mermaid source text. */
  text: string;
  origin: DiagramOrigin;
  /** File that diagnostics point at: the markdown, or the `.mmd` file. */
  file: string;
  /** 1-based line in `file` holding the diagram's first source line. */
  firstLine: number;
  /** Position of the fence or directive in the markdown. */
  line: number;
  column: number;
  caption?: string;
  alt?: string;
}

/** Rendering result: SVG markup, or mermaid's error mapped to a line of the diagram source. */
export type DiagramResult =
  | {
      ok: true;
      svg: string;
      cached: boolean;
      /** The same diagram drawn in a theme of the other appearance, for the site's other colour scheme. */
      alternate?: { appearance: 'light' | 'dark'; svg: string };
    }
  | { ok: false; message: string; sourceLine?: number; sourceColumn?: number };
