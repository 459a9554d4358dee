/** The verification page: every snippet with its expectation, outcome and toolchains; every checked table. */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Expectation, Snippet, SnippetResult, ToolRun } from '../../model/snippet.ts';
import { docPath } from './nav.ts';
import { evidenceLine } from '../../transform/evidence.ts';
import type { SiteDoc, SiteTable, ToolVersion } from './site-input.ts';

const DETECTORS: Record<string, string> = {
  asan: 'AddressSanitizer',
  ubsan: 'UBSan',
  lsan: 'LeakSanitizer',
  'stack-protector': 'the stack protector',
};

/** What the talk claims, in words. */
function describeExpectation(expectation: Expectation): string {
  switch (expectation.kind) {
    case 'ignore':
      return 'shown only, not compiled';
    case 'compile':
      return 'compiles cleanly';
    case 'run':
      return (
        `runs and exits with ${expectation.exitCode}` +
        `${expectation.stdout !== undefined ? ', printing the shown output' : ''}`
      );
    case 'compile-fail': {
      const why = [...expectation.codes, ...expectation.messages.map((message) => `“${message}”`)].join(', ');
      return `rejected by the compiler${why ? ` (${why})` : ''}`;
    }
    case 'transcript':
      return 'compiles and runs as the transcript shows, printing the shown output';
    case 'panic':
      return `panics${expectation.message ? ` with “${expectation.message}”` : ''}`;
    case 'detect':
      return `${DETECTORS[expectation.detector] ?? expectation.detector} reports ${expectation.report ?? 'the bug'}`;
  }
}

function runText(run: ToolRun): string {
  const version = run.version ? ` ${run.version}` : '';
  const extra = run.report
    ? `: ${run.report}`
    : run.exitCode !== undefined && run.outcome !== 'compiled'
      ? ` (exit ${run.exitCode})`
      : '';
  return `${run.tool}${version}: ${run.outcome.replace('-', ' ')}${extra}`;
}

function status(ok: boolean | undefined, ignored = false): Element {
  if (ignored) return h('span.status.status-none', 'shown only, not compiled');
  if (ok === undefined) return h('span.status.status-none', 'not run');
  return ok
    ? h('span.status.status-ok', [h('span', { ariaHidden: 'true' }, '✓ '), 'verified'])
    : h('span.status.status-fail', [h('span', { ariaHidden: 'true' }, '✗ '), 'failed']);
}

/** A table that scrolls sideways on small screens; focusable so keyboard users can scroll it too. */
function scrollTable(label: string, head: string[], rows: ElementContent[][]): Element {
  return h('section.table-scroll', { ariaLabel: label, tabIndex: 0 }, [
    h('table.verification-table', [
      h('thead', [
        h(
          'tr',
          head.map((cell) => h('th', { scope: 'col' }, cell)),
        ),
      ]),
      h(
        'tbody',
        rows.map((cells) =>
          h(
            'tr',
            cells.map((cell) => h('td', [cell])),
          ),
        ),
      ),
    ]),
  ]);
}

interface SnippetRow {
  id: string;
  snippet: Snippet | undefined;
  result: SnippetResult | undefined;
}

function snippetRows(doc: SiteDoc): SnippetRow[] {
  const results = doc.snippetResults ?? new Map<string, SnippetResult>();
  const rows: SnippetRow[] = (doc.snippets ?? []).map((snippet) => ({
    id: snippet.id,
    snippet,
    result: results.get(snippet.id),
  }));
  const listed = new Set(rows.map((row) => row.id));
  for (const [id, result] of [...results].sort(([a], [b]) => a.localeCompare(b, 'en')))
    if (!listed.has(id)) rows.push({ id, snippet: undefined, result });
  return rows;
}

/** The real line the tools printed (every block's, not only `show=output` ones), as a terminal shows it. */
function evidenceCell(result: SnippetResult | undefined): Element | undefined {
  const evidence = evidenceLine(result);
  if (evidence === undefined) return undefined;
  return h('div.outcome-evidence', [
    h('p.outcome-evidence-label', `${evidence.label}:`),
    h('pre.proof-output', [h('code', evidence.line)]),
  ]);
}

function snippetTable(doc: SiteDoc, rows: readonly SnippetRow[]): Element {
  const cells = rows.map(({ id, snippet, result }): ElementContent[] => [
    h('a', { href: `${docPath(doc.deck.name)}#snippet-${id}` }, [h('code', id)]),
    h(
      'span',
      snippet
        ? `${snippet.lang === 'rust' ? 'Rust' : snippet.lang === 'cpp' ? 'C++' : 'C'}, line ${snippet.line}`
        : '—',
    ),
    h('span', snippet ? describeExpectation(snippet.expectation) : '—'),
    h('div', [
      status(result?.ok, snippet?.expectation.kind === 'ignore'),
      result && snippet?.expectation.kind !== 'ignore'
        ? h('p.outcome-summary', result.status === 'failed' ? `✗ ${result.summary}` : result.summary)
        : undefined,
      ...(result?.problems ?? []).map((problem) => h('p.outcome-problem', problem)),
      evidenceCell(result),
    ]),
    h(
      'ul.runs',
      (result?.runs ?? []).map((run) => h('li', runText(run))),
    ),
  ]);
  return scrollTable(
    `Snippets of ${doc.deck.meta.title}`,
    ['Snippet', 'Where', 'Expected', 'Outcome', 'Toolchains'],
    cells,
  );
}

/** Toolchain versions: the given ones, or every distinct tool and version seen in the runs. */
export function toolVersions(docs: readonly SiteDoc[], given: readonly ToolVersion[] | undefined): ToolVersion[] {
  if (given) return [...given];
  const seen = new Map<string, ToolVersion>();
  for (const doc of docs)
    for (const result of doc.snippetResults?.values() ?? [])
      for (const run of result.runs)
        if (run.version) seen.set(`${run.tool} ${run.version}`, { tool: run.tool, version: run.version });
  return [...seen.values()].sort(
    (a, b) => a.tool.localeCompare(b.tool, 'en') || a.version.localeCompare(b.version, 'en'),
  );
}

/**
 * Counts for the footer line and the page's summary; `ignore` blocks are shown, not verified, so they are counted
 * apart.
 */
export function verificationCounts(
  docs: readonly SiteDoc[],
  tables: readonly SiteTable[],
): { snippets: number; failed: number; ignored: number; tables: number; failedTables: number } {
  const rows = docs.flatMap(snippetRows);
  const checked = rows.filter((row) => row.snippet?.expectation.kind !== 'ignore');
  return {
    snippets: checked.length,
    failed: checked.filter((row) => row.result?.ok === false).length,
    ignored: rows.length - checked.length,
    tables: tables.length,
    failedTables: tables.filter((table) => !table.ok).length,
  };
}

/** The verification page's main content. */
export function renderVerification(
  docs: readonly SiteDoc[],
  tables: readonly SiteTable[],
  tools: readonly ToolVersion[],
): ElementContent[] {
  const counts = verificationCounts(docs, tables);
  const withSnippets = docs.map((doc) => ({ doc, rows: snippetRows(doc) })).filter(({ rows }) => rows.length > 0);
  const titles = new Map(docs.map((doc) => [doc.deck.name, doc.deck.meta.title]));
  const sortedTables = [...tables].sort((a, b) => a.deck.localeCompare(b.deck, 'en') || a.id.localeCompare(b.id, 'en'));
  return [
    h('article.doc.verification', [
      h('header.doc-header', [
        h('h1', 'Verification'),
        h(
          'p.doc-abstract',
          'Every C and Rust snippet in these talks was compiled, and run where the talk says so, by the ' +
            'toolchains below; every checked table was compared with its data. This page lists what each was ' +
            'expected to do and what happened.',
        ),
        h('ul.stats', [
          h('li', [h('strong', String(counts.snippets - counts.failed)), ` of ${counts.snippets} snippets verified`]),
          ...(counts.ignored > 0
            ? [h('li', [h('strong', String(counts.ignored)), ' shown only (ignore), not compiled'])]
            : []),
          h('li', [h('strong', String(counts.tables - counts.failedTables)), ` of ${counts.tables} tables verified`]),
          h('li', [h('strong', String(tools.length)), ' toolchains']),
        ]),
      ]),
      h('section.slide', [
        h('h2#toolchains', 'Toolchains'),
        tools.length > 0
          ? scrollTable(
              'Toolchains',
              ['Tool', 'Version'],
              tools.map((tool) => [h('code', tool.tool), h('span', tool.version)]),
            )
          : h('p', 'No snippet was compiled.'),
      ]),
      h('section.slide', [
        h('h2#snippets', 'Snippets'),
        ...(withSnippets.length === 0
          ? [h('p', 'No C or Rust snippets.')]
          : withSnippets.flatMap(({ doc, rows }) => [
              h('h3', { id: `snippets-${doc.deck.name}` }, doc.deck.meta.title),
              snippetTable(doc, rows),
            ])),
      ]),
      h('section.slide', [
        h('h2#tables', 'Tables'),
        sortedTables.length === 0
          ? h('p', 'No checked tables.')
          : scrollTable(
              'Checked tables',
              ['Table', 'In', 'Status', 'Details'],
              sortedTables.map((table) => [
                titles.has(table.deck)
                  ? h(
                      'a',
                      { href: `${docPath(table.deck)}${table.anchor ? `#${table.anchor}` : ''}` },
                      table.title ?? table.id,
                    )
                  : h('span', table.title ?? table.id),
                h('span', titles.get(table.deck) ?? table.deck),
                status(table.ok),
                h(
                  'ul.runs',
                  table.messages.map((message) => h('li', message)),
                ),
              ]),
            ),
      ]),
    ]),
  ];
}
