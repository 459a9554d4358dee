/** Adapts slide hast for reading: heading levels and anchors, links between documents, code without presenter steps. */
import type { Element, ElementContent } from 'hast';
import { classList } from '../../transform/highlight.ts';

/** Options for {@link siteContent}. */
export interface SiteContentOptions {
  /** Levels added to every heading, so the document's top level lands on `<h2>` under the article's `<h1>`. */
  shift: number;
  /** Lowest level a heading may land on: 2 below a generated `<h1>`, 1 on a page that brings its own. */
  minLevel: number;
  /** A new `href` for a link (another deck or page), or undefined to keep it. */
  rewriteHref: (href: string) => string | undefined;
}

function withClasses(element: Element, classes: readonly string[]): Element {
  const { class: _string, className: _list, ...rest } = element.properties;
  return { ...element, properties: classes.length > 0 ? { ...rest, className: [...classes] } : rest };
}

function containsLink(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) => node.type === 'element' && (node.tagName === 'a' || containsLink(node.children)));
}

function heading(element: Element, level: number, options: SiteContentOptions): Element {
  // The heading's anchor came from its mdast node (links/anchors.ts, carried over by transform/slide.ts).
  const id = element.data?.anchor;
  const tagName = `h${Math.max(options.minLevel, Math.min(6, level + options.shift))}`;
  if (!id) return { ...element, tagName };
  // The heading text links to itself (as on MDN), unless the author already put a link in it.
  const children: ElementContent[] = containsLink(element.children)
    ? [
        ...element.children,
        {
          type: 'element',
          tagName: 'a',
          properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: 'Link to this section' },
          children: [{ type: 'text', value: '#' }],
        },
      ]
    : [
        {
          type: 'element',
          tagName: 'a',
          properties: { className: ['heading-link'], href: `#${id}` },
          children: element.children,
        },
      ];
  return { ...element, tagName, properties: { ...element.properties, id }, children };
}

/** A presenter's step-by-step code block becomes one plain block: the reader sees every line, once. */
function flattenSteps(pre: Element): Element {
  const first = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (!first) return pre;
  const lines = first.children.map((child) =>
    child.type === 'element'
      ? withClasses(
          child,
          classList(child).filter((name) => name !== 'dim' && name !== 'highlighted'),
        )
      : child,
  );
  const code: Element = { ...withClasses(first, []), children: lines };
  return {
    ...withClasses(
      pre,
      classList(pre).filter((name) => name !== 'has-steps'),
    ),
    children: [code],
  };
}

function transform(node: ElementContent, options: SiteContentOptions): ElementContent {
  if (node.type !== 'element') return node;
  const element: Element = { ...node, children: node.children.map((child) => transform(child, options)) };
  const level = /^h([1-6])$/.exec(element.tagName)?.[1];
  if (level) return heading(element, Number(level), options);
  if (element.tagName === 'pre' && classList(element).includes('has-steps')) return flattenSteps(element);
  // An evidence mark in a checked table links to the slide in the deck; on the site, the proving snippet is on the
  // page.
  if (
    element.tagName === 'a' &&
    classList(element).includes('evidence') &&
    typeof element.properties.dataSnippet === 'string'
  ) {
    return { ...element, properties: { ...element.properties, href: `#snippet-${element.properties.dataSnippet}` } };
  }
  if (element.tagName === 'a' && typeof element.properties.href === 'string') {
    const href = options.rewriteHref(element.properties.href);
    if (href !== undefined) return { ...element, properties: { ...element.properties, href } };
  }
  return element;
}

/** Returns the adapted copy of `nodes`; the input is not modified. */
export function siteContent(nodes: readonly ElementContent[], options: SiteContentOptions): ElementContent[] {
  return nodes.map((node) => transform(node, options));
}
