import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationsOf } from '../../src/table/check/evidence.ts';
import { provenClaim } from '../../src/table/claims.ts';
import { parseYamlData } from '../../src/table/data-file.ts';
import { parseColumnType } from '../../src/table/column-types.ts';
import { parseValue } from '../../src/table/values.ts';
import { FIXTURES, REPO, tempDir } from '../helpers.ts';
import { checkMarkdown, fakeResult, fixtureResults } from './helpers.ts';

/** The proposed flagship blocks (tables.md) with kernel-versions.yaml and the snippets' real outcomes. */
const FLAGSHIP = path.join(FIXTURES, 'table', 'flagship');
const TABLES = readFileSync(path.join(FLAGSHIP, 'tables.md'), 'utf8');

function check(markdown: string, context = fixtureResults(FLAGSHIP)) {
  const dir = tempDir('flagship');
  cpSync(path.join(FLAGSHIP, 'kernel-versions.yaml'), path.join(dir, 'kernel-versions.yaml'));
  writeFileSync(path.join(dir, 'deck.md'), markdown);
  return checkMarkdown(markdown, { path: path.join(dir, 'deck.md'), deckDir: dir, ...context });
}

function lines(markdown: string, context?: ReturnType<typeof fixtureResults>): string[] {
  return check(markdown, context).file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);
}

describe('flagship tables', () => {
  it('pass every table check, with all sixteen citations proved', () => {
    const context = fixtureResults(FLAGSHIP);
    const { file, tables } = check(TABLES, context);
    expect(file.messages.map(String)).toEqual([]);
    const memory = tables.find((model) => model.spec?.id === 'rust-answers');
    const citations = memory ? citationsOf(memory) : [];
    expect(citations.map((citation) => citation.snippetId).sort()).toEqual([...context.snippetIds].sort());
    for (const citation of citations) {
      const result = context.results.get(citation.snippetId);
      expect(result && provenClaim(result, citation.claims)).toBeTruthy();
    }
    const leak = citations.find((citation) => citation.snippetId === 'rs-leak-forget');
    expect(leak?.claims).toEqual(['runs']);
  });

  it('fail when a snippet no longer ends as the table claims', () => {
    const context = fixtureResults(FLAGSHIP);
    context.results.set('rs-uaf', fakeResult('rs-uaf', true, ['ran']));
    expect(lines(TABLES, context)).toEqual([
      expect.stringMatching(
        /^34:89 table\/evidence snippet rs-uaf does not prove compile-error .* rustc 1\.85\.0: ran$/,
      ),
    ]);
  });

  it('fail when the list and the table drift apart, at both ends', () => {
    const drifted = TABLES.replace('- Memory leak\n', '').replace(
      '| Null pointer dereference |',
      '| Null dereference |',
    );
    expect(lines(drifted)).toEqual([
      expect.stringMatching(/^34:3 table\/match "Null dereference" is not in list #memory-errors/),
      expect.stringMatching(/^37:3 table\/match "Memory leak" is not in list #memory-errors/),
      expect.stringMatching(
        /^13:3 table\/match "Null pointer dereference" from list #memory-errors is missing from table #rust-answers/,
      ),
    ]);
  });

  it('fail when the kernel table disagrees with kernel-versions.yaml: the original "2023" for 6.2–6.7 included', () => {
    const original = TABLES.replace('| 6.2–6.7 | Feb 2023–Jan 2024 |', '| 6.2–6.7 | 2023 |').replace(
      '| 6.1 | Dec 2022 |',
      '| 6.1 | Nov 2022 |',
    );
    expect(lines(original)).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^49:9 table/data-mismatch "Released" of row "6.1" is "Nov 2022" ` +
            String.raw`but \./kernel-versions\.yaml:\d+ says "2022-12-11", so the cell should read "Dec 2022"$`,
        ),
      ),
      expect.stringMatching(
        /^50:13 table\/data-mismatch "Released" of row "6.2–6.7" is "2023" but .* should read "2023–2024"$/,
      ),
    ]);
  });

  it('gives the timeline a date and an event for every release', () => {
    const read = parseYamlData(
      readFileSync(path.join(FLAGSHIP, 'kernel-versions.yaml'), 'utf8'),
      'kernel-versions.yaml',
    );
    if (!('data' in read)) throw new Error(read.error);
    const calendar = parseColumnType('date | month-year | year');
    if ('error' in calendar) throw new Error(calendar.error);
    for (const record of read.data.records) {
      expect(record.fields.get('event')?.value).toMatch(/\S/);
      expect(
        parseValue(calendar.type, { text: record.fields.get('released')?.value ?? '', hasLink: false }),
      ).toHaveProperty('value');
    }
  });
});

describe('the flagship deck as it is', () => {
  it('passes the table checks with its snippets proved', () => {
    const deckPath = path.join(REPO, 'decks', 'rust-in-kernel', 'deck.md');
    const markdown = readFileSync(deckPath, 'utf8');
    const snippetIds = new Set([...markdown.matchAll(/^```\S*.*\bid=([\w-]+)/gm)].map((m) => m[1] ?? ''));
    const { results } = fixtureResults(FLAGSHIP);
    const { file } = checkMarkdown(markdown, { path: deckPath, deckDir: path.dirname(deckPath), snippetIds, results });
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([]);
  });
});
