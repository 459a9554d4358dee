/** Rules `deck/unknown-directive` and `deck/slide-attribute`: only documented directives and attributes. */
import type { Root } from 'mdast';
import { visit } from '../../parse/visit.ts';
import type { VFile } from 'vfile';
import { CALLOUT_KINDS, TRANSITIONS } from '../../model/deck.ts';
import { addError, addWarning } from '../../report/messages.ts';

const CONTAINERS = new Set([
  'notes',
  'incremental',
  'nonincremental',
  'fragment',
  'columns',
  'column',
  'table',
  'list',
  'program',
]);
for (const kind of CALLOUT_KINDS) CONTAINERS.add(`callout-${kind}`);
const LEAVES = new Set(['slide', 'diagram', 'timeline']);
const SLIDE_ATTRIBUTES = new Set([
  'class',
  'background',
  'background-image',
  'transition',
  'below',
  'hidden',
  'timing',
]);

/** Options for {@link checkDirectives}. */
export interface DirectiveOptions {
  /**
   * Containers proofdeck does not know are a warning, not an error: in a pandoc/Quarto deck a div with
   * another class (`::: {.callout-note}`) is a plain block there too, and its content still shows. @default false
   */
  foreignDivs?: boolean;
}

/** Reports directives and `::slide` attributes that proofdeck does not know. */
export function checkDirectives(tree: Root, file: VFile, options: DirectiveOptions = {}): void {
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const known = node.type === 'containerDirective' ? CONTAINERS : LEAVES;
    const place = node.position?.start;
    if (!known.has(node.name) && options.foreignDivs && node.type === 'containerDirective') {
      if (node.name === 'div') return;
      addWarning(
        file,
        `div class .${node.name} has no effect in proofdeck; its content shows as a plain block`,
        place,
        'dialect/unsupported',
        'proofdeck knows .notes, .incremental, .nonincremental, .fragment, .columns, .column and .callout-*.',
      );
      return;
    }
    if (!known.has(node.name)) {
      const spelled = node.type === 'containerDirective' ? `:::${node.name}` : `::${node.name}`;
      addError(
        file,
        `unknown directive \`${spelled}\``,
        place,
        'deck/unknown-directive',
        `Known: ${[...known].map((n) => (node.type === 'containerDirective' ? ':::' : '::') + n).join(', ')}.`,
      );
      return;
    }
    if (node.name !== 'slide') return;
    for (const [key, value] of Object.entries(node.attributes ?? {})) {
      if (!SLIDE_ATTRIBUTES.has(key) && !key.startsWith('data-')) {
        addError(
          file,
          `unknown slide attribute "${key}"`,
          place,
          'deck/slide-attribute',
          `Known: .class, ${[...SLIDE_ATTRIBUTES].slice(1).join(', ')}.`,
        );
      } else if (key === 'transition' && !(TRANSITIONS as readonly string[]).includes(value ?? '')) {
        addError(
          file,
          `unknown transition "${value ?? ''}"`,
          place,
          'deck/slide-attribute',
          `Use one of: ${TRANSITIONS.join(', ')}.`,
        );
      }
    }
  });
}
