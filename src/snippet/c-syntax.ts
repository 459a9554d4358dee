/**
 * Classifies the top-level items of a C or C++ block from tree-sitter-c's / tree-sitter-cpp's syntax tree (the
 * grammars' wasm builds, so nothing native is downloaded): which items are file-scope declarations and definitions
 * and which are statements. A block without statements is a translation unit (what `gcc -c` / `g++ -c` accepts); a
 * block with statements is a fragment whose statements go into a generated `main`.
 */
import { createRequire } from 'node:module';
import { Language, type Node, Parser } from 'web-tree-sitter';
import type { Chunk, ChunkKind } from './c-chunks.ts';

const require = createRequire(import.meta.url);

// Loaded once per process; the wasm grammar parses synchronously afterwards.
// Its runtime's own wasm is found from the package, not next to the running script: the CLI's bundle in lib/
// and the compiled package in out/ do not carry it.
const RUNTIME_WASM = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
await Parser.init({ locateFile: () => RUNTIME_WASM });
const [C, CPP] = await Promise.all([
  Language.load(require.resolve('tree-sitter-c/tree-sitter-c.wasm')),
  Language.load(require.resolve('tree-sitter-cpp/tree-sitter-cpp.wasm')),
]);
const parsers = { c: new Parser(), cpp: new Parser() };
parsers.c.setLanguage(C);
parsers.cpp.setLanguage(CPP);

const TYPES = new Set([
  'type_definition',
  'struct_specifier',
  'union_specifier',
  'enum_specifier',
  // C++: what only exists at namespace scope, or what a slide means to define there.
  'class_specifier',
  'namespace_definition',
  'namespace_alias_definition',
  'using_declaration',
  'alias_declaration',
  'static_assert_declaration',
  'linkage_specification',
  'concept_definition',
  'template_instantiation',
]);

function hasDescendant(node: Node, type: string): boolean {
  return node.descendantsOfType(type).length > 0;
}

/** Names a declaration declares (`int a, *b[3] = {0};` → a, b). */
function declaredNames(node: Node): string[] {
  const names: string[] = [];
  for (const declarator of node.childrenForFieldName('declarator')) {
    let current: Node | null = declarator;
    while (current && current.type !== 'identifier') current = current.childForFieldName('declarator');
    if (current) names.push(current.text);
  }
  return names;
}

/** A prototype (`int add(int, int);`): file scope in C, whatever else the block holds. */
function isPrototype(node: Node): boolean {
  return node.childrenForFieldName('declarator').some((d) => d.type === 'function_declarator');
}

// `new_expression`: C++ allows it at file scope, but a slide's `int *p = new int[3];` is main's local.
const NOT_CONSTANT = ['call_expression', 'subscript_expression', 'field_expression', 'new_expression'];

/** Inside `&x` or `sizeof x` a variable's name is still a constant expression. */
function underAddressOrSizeof(node: Node, stop: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'sizeof_expression' || current.type === 'alignof_expression') return true;
    if (current.type === 'pointer_expression' && current.childForFieldName('operator')?.type === '&') return true;
    if (current.id === stop.id) return false;
  }
  return false;
}

/**
 * A declaration whose initialiser is not a constant expression (`int *p = malloc(4);`, `int x = arr[5];`,
 * `int y = x;`) is only valid inside a function in C, so it marks the block as a fragment.
 */
function isStatementLike(node: Node, variables: ReadonlySet<string>): boolean {
  if (node.type !== 'declaration' || isPrototype(node)) return false;
  for (const declarator of node.childrenForFieldName('declarator')) {
    const value = declarator.type === 'init_declarator' ? declarator.childForFieldName('value') : null;
    if (!value) continue;
    if (NOT_CONSTANT.some((type) => value.type === type || hasDescendant(value, type))) return true;
    const names = value.type === 'identifier' ? [value] : value.descendantsOfType('identifier');
    for (const name of names) if (name && variables.has(name.text) && !underAddressOrSizeof(name, value)) return true;
  }
  return false;
}

function kindOf(node: Node, variables: ReadonlySet<string>): ChunkKind | 'declaration' {
  if (node.type.startsWith('preproc_')) return 'directive';
  if (node.type === 'function_definition' || node.type === 'template_declaration') return 'function';
  if (TYPES.has(node.type)) return 'type';
  if (node.type === 'declaration')
    return isPrototype(node) ? 'type' : isStatementLike(node, variables) ? 'body' : 'declaration';
  // A lone `;` after `struct s {...}` belongs to the type before it.
  if (node.type === ';') return 'type';
  return 'body';
}

/** The syntax-tree view of a C block. */
export interface CStructure {
  /** True when every top-level item is a declaration, definition or directive (`gcc -c` accepts it). */
  translationUnit: boolean;
  /** Top-level chunks for the fragment wrapper (0-based lines); empty for a translation unit. */
  chunks: Chunk[];
}

/**
 * Parses `source` (hidden lines restored) and decides translation unit vs fragment. In a fragment,
 * variable declarations stay with the statements in `main` (a slide's `int arr[3]` is a stack array,
 * which ASan reports differently from a global), except those a function definition of the block uses.
 */
export function cStructure(source: string, lang: 'c' | 'cpp' = 'c'): CStructure {
  const tree = parsers[lang].parse(source);
  if (!tree) return { translationUnit: false, chunks: [] };
  try {
    // Comments travel with the item after them (see the wrapper's grouping), so they are no items.
    const items = tree.rootNode.children.filter((node): node is Node => node !== null && node.type !== 'comment');
    const variables = new Set(
      items.filter((node) => node.type === 'declaration' && !isPrototype(node)).flatMap(declaredNames),
    );
    const kinds = items.map((node) => kindOf(node, variables));
    if (!kinds.includes('body') && !tree.rootNode.hasError) return { translationUnit: true, chunks: [] };
    const used = new Set<string>();
    items.forEach((node, index) => {
      if (kinds[index] !== 'function') return;
      for (const identifier of node.descendantsOfType('identifier')) if (identifier) used.add(identifier.text);
    });
    const chunks = items.map((node, index): Chunk => {
      const kind = kinds[index] ?? 'body';
      const top = kind === 'declaration' && declaredNames(node).some((name) => used.has(name));
      return {
        kind: kind === 'declaration' ? (top ? 'type' : 'body') : kind,
        first: node.startPosition.row,
        last: node.endPosition.column === 0 ? node.endPosition.row - 1 : node.endPosition.row,
      };
    });
    return { translationUnit: false, chunks };
  } finally {
    tree.delete();
  }
}
