/**
 * Pandoc's code block attributes and raw blocks, as pandoc and Quarto read them:
 * ```` ```{.python code-line-numbers="4-5|7"} ```` is a python block whose lines light up in steps,
 * ```` ```{=html} ```` is HTML passed to the page as it is, and ```` ```{=latex} ```` is for pandoc's other
 * writers, left out of slides.
 */
import type { Code, Html, Parent, Root, RootContent } from 'mdast';
import { SKIP, visit } from '../parse/visit.ts';
import { parseFenceMeta } from '../parse/fence-meta.ts';
import { parseAttributes, type PandocAttributes } from './attributes.ts';
import type { DialectContext } from './types.ts';

/** Raw formats a reveal.js page shows, as pandoc's revealjs writer passes them. */
const HTML_FORMATS = new Set(['html', 'html5', 'html4', 'revealjs']);
/** Attributes proofdeck reads on a code block; the rest is reported once per block. */
const READ_KEYS = new Set(['code-line-numbers', 'filename', 'title']);

/** The info string as written: remark splits ```` ```{.c a="1 2"} ```` into `lang` and `meta`. */
function infoOf(node: Code): string {
  return [node.lang ?? '', node.meta ?? ''].filter(Boolean).join(' ').trim();
}

/** `code-line-numbers="4-5|7"` → `{4-5|7}`; `true`/`false` say only whether numbers show. */
function highlightSpec(value: string | undefined): string | undefined {
  if (value === undefined || !/\d/.test(value)) return undefined;
  return `{${value}}`;
}

/** What proofdeck does not read on the block, in pandoc's spelling, for the warning. */
function unread(attributes: PandocAttributes): string[] {
  return [
    ...(attributes.id ? [`#${attributes.id}`] : []),
    ...attributes.classes.slice(1).map((name) => `.${name}`),
    ...Object.keys(attributes.pairs).filter((key) => !READ_KEYS.has(key)),
  ];
}

/** `{.lang key=value}` → the block's language and proofdeck's info string; its fence meta is parsed again. */
function readAttributes(node: Code, attributes: PandocAttributes, context: DialectContext): void {
  const [lang = ''] = attributes.classes;
  const meta = [
    highlightSpec(attributes.pairs['code-line-numbers']),
    ...['filename', 'title'].flatMap((key) =>
      attributes.pairs[key] === undefined ? [] : [`${key}="${attributes.pairs[key]}"`],
    ),
  ].filter((part): part is string => part !== undefined);
  node.lang = lang || null;
  node.meta = meta.join(' ') || null;
  node.data = { ...node.data, fenceMeta: parseFenceMeta(node.lang, node.meta) };
  const dropped = unread(attributes);
  const at = node.position?.start;
  if (dropped.length > 0 && at)
    context.report({
      line: at.line,
      column: at.column,
      message: `code block attribute${dropped.length > 1 ? 's' : ''} ${dropped.join(' ')} ${
        dropped.length > 1 ? 'have' : 'has'
      } no effect in proofdeck`,
      hint: 'proofdeck reads the language (the first class), code-line-numbers and filename; the block still shows.',
    });
}

/** A raw block: HTML for reveal.js stays HTML, another writer's format is left out with a warning. */
function rawBlock(node: Code, format: string, context: DialectContext): Html | undefined {
  if (HTML_FORMATS.has(format.toLowerCase())) {
    return { type: 'html', value: node.value, ...(node.position ? { position: node.position } : {}) };
  }
  const at = node.position?.start;
  if (at)
    context.report({
      line: at.line,
      column: at.column,
      message: `raw \`{=${format}}\` block is for pandoc's ${format} output; it is left out of the slides`,
      hint: 'pandoc leaves it out of reveal.js slides too. Use a ```{=html} block or markdown for the slide.',
    });
  return undefined;
}

/** Tree pass: pandoc code attributes and raw blocks, in every block container. */
export function pandocCodeBlocks(nodes: RootContent[], context: DialectContext): void {
  const root: Root = { type: 'root', children: nodes };
  visit(root, 'code', (node: Code, index, parent: Parent | undefined) => {
    const braced = /^\{([^{}]*)\}$/.exec(infoOf(node));
    const inner = braced?.[1]?.trim() ?? '';
    const raw = /^=([\w-]+)$/.exec(inner);
    if (raw && parent && index !== undefined) {
      const html = rawBlock(node, raw[1] ?? '', context);
      parent.children.splice(index, 1, ...(html ? [html] : []));
      return [SKIP, html ? index + 1 : index];
    }
    // `{r}`, `{python}`: Quarto cells, which quartoProcessing reports; `{1-3}`: a line spec.
    if (!/^[.#]/.test(inner)) return;
    const attributes = parseAttributes(inner);
    if (attributes) readAttributes(node, attributes, context);
  });
  nodes.splice(0, nodes.length, ...root.children);
}
