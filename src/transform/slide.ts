/** mdast → hast for one slide: directives, code, fragments and asset URLs. */
import type { Data, Element, ElementContent, ElementData, Root as HastRoot } from 'hast';
import type { Code, Definition, Heading, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { InlineMath, Math } from 'mdast-util-math';
import { defaultHandlers, toHast, type Handler, type State } from 'mdast-util-to-hast';
import { visit } from '../parse/visit.ts';
import { type Asset, htmlUrls, safeDecodeUri } from '../links/assets.ts';
import { type CalloutKind, calloutKind } from '../model/deck.ts';
import { renderMath } from '../math/katex.ts';
import { fenceMeta, type FenceMeta } from '../parse/fence-meta.ts';
import { type SmartPunctuation, withSmartPunctuation } from './smart-punctuation.ts';
import { implicitFigure } from './figure.ts';

declare module 'hast' {
  interface Data {
    /** On a heading: the mdast heading's anchor (links/anchors.ts), which the site writes as its `id`. */
    anchor?: string;
    /**
     * On what a fenced block rendered into (a figure, a file tab or the `<pre>`): the fence's parsed info string,
     * so later passes (the fit stage's `fit=false`) find the fence by node, not by position.
     */
    fenceMeta?: FenceMeta;
  }
}

/** Renders a fenced code block; the build supplies it (shiki plus snippet badges). */
export type CodeRenderer = (node: Code) => Element;

/** Options for {@link contentToHast}. */
export interface ContentOptions {
  renderCode: CodeRenderer;
  /** URL as written → asset; matching `src`/`href` attributes are rewritten to the hashed name. */
  assets: ReadonlyMap<string, Asset>;
  /** Renders leaf directives that produce content (`::diagram`, `::timeline`); others render nothing. */
  renderLeaf?: (node: LeafDirective) => Element | undefined;
  /** The table a `:::table` container stands for (generated from data when it holds none). */
  tableFor?: (node: ContainerDirective) => Table | undefined;
  /** The evidence mark for a `:proof[id]` citation. */
  renderProof?: (node: TextDirective) => Element | undefined;
  /** Rendered slides, so the deck and the handout highlight each code block once. */
  memo?: WeakMap<object, Element>;
  /** Rewrites a link that is not an asset (e.g. to another deck's markdown); `undefined` keeps it. */
  rewriteLink?: (url: string) => string | undefined;
  /** The document's link reference definitions, so `[text][ref]` works on every slide. */
  definitions?: readonly Definition[];
  /** Curly quotes, dashes and ellipses in text (the frontmatter's `smartypants`, else the dialect's own rule). */
  smartypants?: SmartPunctuation;
  /** Pandoc's implicit figures: a captioned image alone in its paragraph is a `<figure>`. @default true */
  figures?: boolean;
}

function element(tagName: string, className: string[], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className.length > 0 ? { className } : {}, children };
}

/** Adds the `fragment` class to every list item below, for `:::incremental`. */
function makeItemsFragments(nodes: ElementContent[]): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'li') node.properties = { ...node.properties, className: ['fragment'] };
    else makeItemsFragments(node.children);
  }
}

/**
 * A `:::table`: its own table, or the one generated from its data file; the container's #id and classes go on a
 * wrapper.
 */
function checkedTable(state: State, node: ContainerDirective, options: ContentOptions): Element {
  const own = node.children.some((child) => child.type === 'table');
  const generated = own ? undefined : options.tableFor?.(node);
  const children = (generated ? [state.one(generated, node)] : state.all(node)).filter(
    (child): child is ElementContent => child !== undefined && !Array.isArray(child),
  ) as ElementContent[];
  const wrapper = element(
    'div',
    ['checked-table', ...(node.attributes?.class ?? '').split(/\s+/).filter(Boolean)],
    children,
  );
  if (node.attributes?.id) wrapper.properties.id = node.attributes.id;
  return wrapper;
}

/** The container's own `#id`, `.classes` and `key=value` attributes (pandoc divs), `width` as a style. */
function containerProperties(node: ContainerDirective, classes: string[]): Element['properties'] {
  const { id, class: className, width, style, ...rest } = node.attributes ?? {};
  const properties: Element['properties'] = {};
  const all = [...classes, ...(className ?? '').split(/\s+/).filter(Boolean)];
  if (all.length > 0) properties.className = all;
  if (id) properties.id = id;
  const styles = [width ? `width: ${width}` : undefined, style ?? undefined].filter(Boolean);
  if (styles.length > 0) properties.style = styles.join('; ');
  // Only `data-*` passes through: other keys of proofdeck's own containers (`:::list{data=…}`) are settings.
  for (const [key, value] of Object.entries(rest))
    if (key.startsWith('data-') && typeof value === 'string') properties[key] = value;
  return properties;
}

/** Containers that are a plain `<div>` with their name as class. */
const CLASS_CONTAINERS: Readonly<Record<string, string[]>> = {
  list: ['checked-list'],
  fragment: ['fragment'],
  columns: ['columns'],
  column: ['column'],
  nonincremental: ['nonincremental'],
  // The files of one multi-file program (snippet/c-group.ts), each still its own block.
  program: ['program'],
};

/**
 * A Quarto callout: a box with a title (the `title` attribute, else its first heading, else the kind) above
 * its content.
 */
function calloutBox(node: ContainerDirective, kind: CalloutKind, children: ElementContent[]): Element {
  const first = children.find((child) => child.type === 'element');
  const heading = first?.type === 'element' && /^h[1-6]$/.test(first.tagName) ? first : undefined;
  const title = node.attributes?.title ?? (heading ? undefined : kind[0]?.toUpperCase() + kind.slice(1));
  const body = heading ? children.filter((child) => child !== heading) : children;
  return {
    type: 'element',
    tagName: 'div',
    properties: containerProperties(node, ['callout', `callout-${kind}`]),
    children: [
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['callout-title'] },
        children: title ? [{ type: 'text', value: title }] : (heading?.children ?? []),
      },
      { type: 'element', tagName: 'div', properties: { className: ['callout-body'] }, children: body },
    ],
  };
}

const containerDirective =
  (options: ContentOptions) =>
  (state: State, node: ContainerDirective): ReturnType<Handler> => {
    if (node.name === 'table') return checkedTable(state, node, options);
    const children = state.all(node) as ElementContent[];
    const callout = calloutKind(node.name);
    if (callout) return calloutBox(node, callout, children);
    if (node.name === 'incremental') {
      makeItemsFragments(children);
      return { type: 'element', tagName: 'div', properties: containerProperties(node, ['incremental']), children };
    }
    // Unknown containers are reported (deck/unknown-directive, or a dialect warning); their content still shows.
    const classes = CLASS_CONTAINERS[node.name] ?? [];
    return { type: 'element', tagName: 'div', properties: containerProperties(node, classes), children };
  };

/**
 * Gives what a custom handler returns the position of the mdast node it came from, as mdast-util-to-hast's
 * own handlers do (`state.patch`), so later stages and tools can still point into the markdown.
 */
function positioned<N extends Nodes>(handler: (state: State, node: N) => ReturnType<Handler>): Handler {
  return (state: State, node: N) => {
    const result = handler(state, node);
    for (const out of Array.isArray(result) ? result : result ? [result] : []) {
      if (out.type === 'element' && !out.position) state.patch(node, out);
    }
    return result;
  };
}

/** Converts slide or notes content to hast. Raw HTML written by the author is kept. */
export function contentToHast(nodes: readonly RootContent[], options: ContentOptions): HastRoot {
  const mode = options.smartypants ?? 'off';
  return mode === 'off'
    ? toSlideHast(nodes, options)
    : withSmartPunctuation(nodes, mode, () => toSlideHast(nodes, options));
}

/**
 * Adds to an element's data. The cast: hast-util-from-parse5 declares `ElementData.position` as required,
 * though it sets it only when parsing with `verbose: true`, and nothing here reads it.
 */
function addData(element: Element, data: Data): void {
  element.data = { ...element.data, ...data } as ElementData;
}

/** The default heading element, carrying the heading's anchor to where the site reads it. */
function heading(state: State, node: Heading): ReturnType<Handler> {
  const result = defaultHandlers.heading(state, node);
  if (node.data?.anchor) addData(result, { anchor: node.data.anchor });
  return result;
}

/** What the code renderer made of a fence, carrying the fence's info string. */
function fencedBlock(node: Code, options: ContentOptions): Element {
  const result = options.renderCode(node);
  addData(result, { fenceMeta: fenceMeta(node) });
  return result;
}

function toSlideHast(nodes: readonly RootContent[], options: ContentOptions): HastRoot {
  const root: Root = { type: 'root', children: [...nodes, ...(options.definitions ?? [])] };
  const code = positioned((_state, node: Code) => fencedBlock(node, options));
  const leafDirective = positioned((_state, node: LeafDirective) => options.renderLeaf?.(node));
  const textDirective = positioned((_state, node: TextDirective) =>
    node.name === 'proof' ? options.renderProof?.(node) : undefined,
  );
  const math = positioned((_state, node: Math | InlineMath) => renderMath(node));
  const paragraph = positioned(
    (state, node: Paragraph) =>
      (options.figures !== false ? implicitFigure(state, node, options.smartypants ?? 'off') : undefined) ??
      defaultHandlers.paragraph(state, node),
  );
  const hast = toHast(root, {
    allowDangerousHtml: true,
    handlers: {
      code,
      heading,
      containerDirective: positioned(containerDirective(options)),
      leafDirective,
      textDirective,
      math,
      inlineMath: math,
      paragraph,
    },
  }) as HastRoot;
  rewriteUrls(hast, options.assets, options.rewriteLink);
  return hast;
}

function rewriteUrls(
  tree: HastRoot,
  assets: ReadonlyMap<string, Asset>,
  rewriteLink: ContentOptions['rewriteLink'],
): void {
  visit(tree, 'raw', (node) => {
    node.value = rewriteHtmlUrls(node.value, assets);
  });
  visit(tree, 'element', (node) => {
    for (const key of ['src', 'href'] as const) {
      const value = node.properties[key];
      if (typeof value !== 'string') continue;
      const [url, fragment] = value.split('#', 2);
      const asset = assets.get(safeDecodeUri(url ?? '') ?? '');
      if (asset) node.properties[key] = fragment === undefined ? asset.target : `${asset.target}#${fragment}`;
      else if (key === 'href' && rewriteLink) node.properties[key] = rewriteLink(value) ?? value;
    }
  });
}

/** Raw HTML with each local file it names (`<img src>`, `<video poster>`, …) pointed at its copy in the assets. */
function rewriteHtmlUrls(html: string, assets: ReadonlyMap<string, Asset>): string {
  const urls = htmlUrls(html);
  let out = html;
  // From the end, so earlier offsets stay valid.
  for (const { url, offset } of urls.reverse()) {
    const [file = '', fragment] = url.split('#', 2);
    const asset = assets.get(safeDecodeUri(file.split('?')[0] ?? '') ?? '');
    if (!asset) continue;
    const at = out.indexOf(url, offset);
    if (at < 0) continue;
    const target = fragment === undefined ? asset.target : `${asset.target}#${fragment}`;
    out = out.slice(0, at) + target + out.slice(at + url.length);
  }
  return out;
}
