import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBrowserSession } from '../../src/browser/session.ts';
import { buildDecks, checkDecks } from '../../src/pipeline/build.ts';
import { timelineFromRecords } from '../../src/diagram/timeline.ts';
import { formatReport } from '../../src/report/text.ts';
import { FIXTURES, runCli, tempProject } from '../helpers.ts';

function project(fixture: string): string {
  const root = tempProject();
  cpSync(path.join(FIXTURES, fixture, 'deck'), path.join(root, 'decks', 'deck'), { recursive: true });
  cpSync(path.join(FIXTURES, fixture, 'diagrams'), path.join(root, 'diagrams'), { recursive: true });
  return root;
}

describe('timelineFromRecords', () => {
  it('groups records by period in data order and keeps labels plain', () => {
    const text = timelineFromRecords(
      [
        { year: 2020, event: 'A: b' },
        { year: 2022, event: 'C' },
        { year: 2020, event: 'D' },
      ],
      { title: 'T' },
    );
    expect(text).toBe('timeline\n    title T\n    2020 : A – b : D\n    2022 : C\n');
  });

  it('shows a date as its year and a span of dates as its years, and can run top down', () => {
    const records = [
      { released: '2024-11-17–2025', event: 'Real drivers' },
      { released: '2022-12-11', event: 'Merged; experimental' },
      { year: '2019', event: 'Prototypes' },
    ];
    expect(timelineFromRecords(records, { direction: 'TD' })).toBe(
      'timeline TD\n    2019 : Prototypes\n    2022 : Merged, experimental\n    2024–25 : Real drivers\n',
    );
  });
});

describe('mermaid diagrams', () => {
  it('renders flowchart, sequence, timeline-from-data and file diagrams inline, then from the cache', async () => {
    const root = project('diagrams');
    const cold = createBrowserSession();
    const first = await buildDecks({ root, browser: cold, pdf: false });
    await cold.close();
    expect(formatReport(first.files)).toContain('no problems');
    expect(cold.launches).toBe(1);
    const html = readFileSync(path.join(root, 'dist', 'deck', 'index.html'), 'utf8');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(4);
    // Labels are split over <tspan>s when mermaid wraps them: compare the text content.
    const text = svgs
      .map((svg) =>
        svg
          .replace(/<style[\s\S]*?<\/style>/g, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' '),
      )
      .join(' | ');
    for (const label of [
      'Markdown',
      'Checks',
      'Speaker',
      'Compiler',
      'verdict',
      'Rust for Linux announced',
      'Linux 6.1 merges Rust support',
      'Parse',
      'Render',
    ]) {
      expect(text).toContain(label);
    }
    expect(html).toContain('<title id="mermaid-');
    expect(html).toContain('<figcaption>Build flow</figcaption>');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length - new Set(ids).size).toBe(0);

    const warm = createBrowserSession();
    await buildDecks({ root, browser: warm, pdf: false });
    expect(warm.launches).toBe(0);
    expect(readFileSync(path.join(root, 'dist', 'deck', 'index.html'), 'utf8')).toBe(html);

    const uncached = createBrowserSession();
    await buildDecks({ root, browser: uncached, noCache: true, pdf: false });
    await uncached.close();
    expect(uncached.launches).toBe(1);
    expect(readFileSync(path.join(root, 'dist', 'deck', 'index.html'), 'utf8')).toBe(html);
  });

  it('starts no browser for a deck without diagrams once its layout is cached (by the fit stage)', async () => {
    const root = tempProject({ plain: '---\ntitle: Plain\n---\n\n## Slide\n\nText.\n' });
    const first = createBrowserSession();
    await buildDecks({ root, browser: first, pdf: false });
    await first.close();
    expect(first.launches).toBe(1);
    const session = createBrowserSession();
    await buildDecks({ root, browser: session, pdf: false });
    expect(session.launches).toBe(0);
  });

  it('reports syntax errors and unknown types at the markdown or .mmd line, and missing files', async () => {
    const root = project('diagram-errors');
    const result = await checkDecks({ root, noCache: true });
    const lines = result.files[0]?.messages.map((m) => `${path.basename(m.file ?? '')}:${m.line} ${m.ruleId}`).sort();
    expect(lines).toEqual([
      'broken.mmd:4 diagram/syntax',
      'deck.md:11 diagram/syntax',
      'deck.md:17 diagram/unknown-type',
      'deck.md:27 diagram/missing-file',
    ]);
    const report = formatReport(result.files);
    expect(report).toContain('mermaid: Parse error on line 4');
    expect(report).toContain('unknown mermaid diagram type "flowchrt"');
    expect(report).toMatch(/diagrams\/broken\.mmd:4:1: error/);
  });

  it('exits 3 with one clear line when chromium crashes at start', () => {
    const root = project('diagrams');
    const fake = path.join(root, 'broken-chromium');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const result = runCli(root, ['build', '--no-cache'], { PROOFDECK_CHROMIUM: fake });
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`chromium (${fake}) did not start`);
    expect(readdirSync(root)).not.toContain('dist');
  });

  it('exits 3 with one clear line when chromium is missing', () => {
    const root = project('diagrams');
    const result = runCli(root, ['build', '--no-cache'], { PROOFDECK_CHROMIUM: '/nonexistent/chromium' });
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toEqual([
      'proofdeck: PROOFDECK_CHROMIUM=/nonexistent/chromium does not exist',
    ]);
    expect(readdirSync(root)).not.toContain('dist');
  });
});

describe('the warm mermaid page', () => {
  it('renders a diagram to the same SVG in a fresh page and after other batches in the kept page', async () => {
    const { renderDiagrams } = await import('../../src/diagram/render.ts');
    const diagram = (id: string, text: string) => ({
      id,
      text,
      origin: 'fence' as const,
      file: 'deck.md',
      firstLine: 1,
      line: 1,
      column: 1,
    });
    const target = diagram('m-target', 'flowchart LR\n  A[Parse] --> B[Check] --> C[Render]\n');
    const others = [
      diagram('m-seq', 'sequenceDiagram\n  Alice->>Bob: hi\n'),
      diagram('m-time', 'timeline\n  2020 : one\n  2022 : two\n'),
    ];
    const options = (browser: ReturnType<typeof createBrowserSession>) => ({
      browser,
      config: {},
      cacheDir: undefined,
    });
    const fresh = createBrowserSession();
    const alone = await renderDiagrams([target], options(fresh));
    await fresh.close();
    const kept = createBrowserSession();
    await renderDiagrams(others, options(kept));
    const again = await renderDiagrams([target], options(kept));
    await kept.close();
    const svgOf = (result: Map<string, { ok: boolean; svg?: string }>) => result.get('m-target')?.svg;
    expect(svgOf(again)).toBeDefined();
    expect(svgOf(again)).toBe(svgOf(alone));
    expect(kept.launches).toBe(1);
  });
});
