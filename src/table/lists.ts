/** Lists a table can be cross-checked against: `:::list{#memory-errors}` around one or more markdown lists. */
import type { ListItem, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from '../parse/visit.ts';
import type { Place } from '../report/messages.ts';
import { rawAttributes } from './attribute-place.ts';
import type { Problem } from './model.ts';
import { collapseWhitespace } from './values.ts';

/** A named list: its top-level items, in document order, from every list inside the container. */
export interface ListModel {
  id: string;
  node: ContainerDirective;
  place: Place;
  items: { text: string; place: Place }[];
}

/** The container directive that names a list. */
export const LIST_CONTAINER = 'list';

/** Reads every `:::list` container; problems with them are `table/spec` errors at the container. */
export function readLists(tree: Root, source: string): { lists: ListModel[]; problems: Problem[] } {
  const lists: ListModel[] = [];
  const problems: Problem[] = [];
  visit(tree, 'containerDirective', (node) => {
    if (node.name !== LIST_CONTAINER) return;
    const start = node.position?.start ?? { line: 1, column: 1 };
    const place = { line: start.line, column: start.column };
    const problem = (message: string, hint: string, at: Place = place) =>
      problems.push({ ruleId: 'table/spec', severity: 'error', message, place: at, hint });
    for (const raw of rawAttributes(source, node)) {
      if (raw.name !== 'id' && raw.name !== 'class')
        problem(`unknown list attribute "${raw.name}"`, 'A list takes only an id: :::list{#memory-errors}.', {
          line: start.line,
          column: start.column + raw.start,
        });
    }
    const items = listItems(node);
    const id = node.attributes?.id;
    if (!id)
      problem(
        '`:::list` needs an id to be matched against',
        'Write :::list{#memory-errors} and match="#memory-errors" on the table.',
      );
    if (items.length === 0) problem('`:::list` contains no list', 'Put a markdown list (- item) inside the container.');
    if (id) lists.push({ id, node, place, items });
  });
  return { lists, problems };
}

function listItems(container: ContainerDirective): { text: string; place: Place }[] {
  const items: { text: string; place: Place }[] = [];
  visit(container, 'list', (list) => {
    for (const item of list.children) items.push(readItem(item));
    // Nested lists are details of an item, not items of their own.
    return SKIP;
  });
  return items;
}

function readItem(item: ListItem): { text: string; place: Place } {
  const first = item.children[0];
  const content = first?.type === 'paragraph' ? first : item;
  const start = content.position?.start ?? item.position?.start ?? { line: 1, column: 1 };
  return { text: collapseWhitespace(toString(content)), place: { line: start.line, column: start.column } };
}
