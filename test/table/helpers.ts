/** Helpers for table tests: proofdeck's parser, recorded snippet results, message lines. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { checkTableEvidence, checkTables } from '../../src/table/check/tables.ts';
import type { SnippetResult, ToolRun } from '../../src/model/snippet.ts';
import { parseMarkdown } from '../../src/parse/parser.ts';
import type { TableModel } from '../../src/table/model.ts';

/** Parses with proofdeck's own parser (GFM, frontmatter, directives; prose like "12:30" stays text). */
export function parseDeck(file: VFile): Root {
  return parseMarkdown(file);
}

/** A snippet result whose runs ended with `outcomes` (one run per outcome). */
export function fakeResult(
  id: string,
  ok: boolean,
  outcomes: ToolRun['outcome'][],
  summary = `${id} summary`,
): SnippetResult {
  const tools = id.startsWith('rs-')
    ? [['rustc', '1.85.0']]
    : [
        ['gcc', '12.2.0'],
        ['clang', '14.0.6'],
      ];
  const runs = outcomes.map(
    (outcome, index): ToolRun => ({
      tool: tools[index]?.[0] ?? 'cc',
      version: tools[index]?.[1] ?? '0',
      outcome,
      diagnostics: [],
      stdout: '',
      stderr: '',
      durationMs: 1,
      cached: false,
    }),
  );
  return {
    id,
    status: ok ? 'proved' : 'failed',
    ok,
    summary,
    problems: ok ? [] : [`${id} did not meet its expectation`],
    runs,
  };
}

/** Snippet context for a fixture: `results.json` next to it, `{ "id": { "ok": true, "outcomes": ["detected"] } }`. */
export function fixtureResults(dir: string): { snippetIds: Set<string>; results: Map<string, SnippetResult> } {
  let raw: Record<string, { ok: boolean; outcomes: ToolRun['outcome'][]; verified?: boolean }> = {};
  try {
    raw = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as typeof raw;
  } catch {
    // No results.json: a fixture without snippets.
  }
  const results = new Map<string, SnippetResult>();
  for (const [id, entry] of Object.entries(raw))
    if (entry.verified !== false) results.set(id, fakeResult(id, entry.ok, entry.outcomes));
  return { snippetIds: new Set(Object.keys(raw)), results };
}

/** Runs both table passes on markdown, as the build will. */
export function checkMarkdown(
  markdown: string,
  options: {
    path?: string;
    deckDir?: string;
    snippetIds?: ReadonlySet<string>;
    results?: ReadonlyMap<string, SnippetResult>;
  } = {},
): { file: VFile; tables: TableModel[]; tree: Root } {
  const filePath = options.path ?? path.join(process.cwd(), 'deck.md');
  const file = new VFile({ path: filePath, value: markdown });
  const tree = parseDeck(file);
  const tables = checkTables(tree, file, { deckDir: options.deckDir ?? path.dirname(filePath) });
  checkTableEvidence(tables, file, { snippetIds: options.snippetIds ?? new Set(), results: options.results });
  return { file, tables, tree };
}

/** `line:column severity rule-id`, sorted: the fixture format of expected.txt. */
export function messageLines(file: VFile): string[] {
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`).sort();
}
