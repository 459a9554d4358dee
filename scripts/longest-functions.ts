/**
 * Lists the longest functions of `src/` (or the folders given), in lines from the line of their head to the line
 * of their closing brace: `node scripts/longest-functions.ts [--top N] [folders…]`.
 *
 * Parsed with @swc/core (already the parser dependency-cruiser uses): TypeScript 7 has no JavaScript compiler API.
 * swc spans are 1-based byte offsets into the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from '@swc/core';

interface Found {
  name: string;
  file: string;
  line: number;
  lines: number;
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassMethod',
  'PrivateMethod',
  'Constructor',
  'MethodProperty',
  'GetterProperty',
  'SetterProperty',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The name a node gives what it holds: a declarator's, key's or declaration's identifier. */
function nameOf(node: Record<string, unknown>): string | undefined {
  for (const key of ['identifier', 'id', 'key']) {
    const value = node[key] as { value?: unknown } | undefined;
    if (value && typeof value.value === 'string') return value.value;
  }
  return undefined;
}

function functionsOf(file: string): Found[] {
  const source = readFileSync(file, 'utf8');
  const bytes = Buffer.from(source);
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const module = parseSync(source, { syntax: file.endsWith('.ts') ? 'typescript' : 'ecmascript' });
  const found: Found[] = [];
  const walk = (value: unknown, name: string | undefined): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, name);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    const own = nameOf(node) ?? name;
    const span = node.span as { start: number; end: number } | undefined;
    if (typeof node.type === 'string' && FUNCTION_TYPES.has(node.type) && span) {
      const line = lineAt(span.start - 1);
      found.push({ name: own ?? '(anonymous)', file, line, lines: lineAt(span.end - 2) - line + 1 });
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'span') walk(child, own);
  };
  walk(module.body, undefined);
  return found;
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 5;
const folders = args.filter((_arg, index) => index !== topAt && index !== topAt + 1);
const files = (folders.length > 0 ? folders : ['src']).flatMap(sourceFiles);
const all = files.flatMap(functionsOf).sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
for (const found of all.slice(0, top))
  console.log(`${String(found.lines).padStart(4)}  ${found.name}  ${found.file}:${found.line}`);
