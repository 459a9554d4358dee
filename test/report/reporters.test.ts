import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ruleHelpUri, ruleIds } from '../../src/report/rules.ts';
import { FIXTURES, runCli, tempProject } from '../helpers.ts';

const BAD = '---\ntitle: Talk\ncolour: red\n---\n\n## Slide\n\n![x](./missing.png)\n\n#### Skipped level\n';
const WARN_ONLY = '---\ntitle: Talk\n---\n\n# Section\n\n#### Skipped level\n\nText.\n';

describe('reporters', () => {
  it('writes SARIF 2.1.0 that validates against the official schema', () => {
    const root = tempProject({ talk: BAD });
    const result = runCli(root, ['check', '--reporter', 'sarif']);
    expect(result.status).toBe(1);
    const sarif: unknown = JSON.parse(result.stdout);
    const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif', 'sarif-2.1.0.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const driver = (sarif as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] }).runs[0]
      ?.tool.driver;
    // Every registered rule is listed, each with its own help URL (not one shared page).
    expect(driver?.rules.map((rule) => rule.id)).toEqual(ruleIds());
    expect(driver?.rules.map((rule) => rule.helpUri)).toEqual(ruleIds().map(ruleHelpUri));
    expect(new Set(driver?.rules.map((rule) => rule.helpUri)).size).toBe(ruleIds().length);
    const results =
      (
        sarif as {
          runs: {
            results: {
              ruleId: string;
              level: string;
              locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
            }[];
          }[];
        }
      ).runs[0]?.results ?? [];
    expect(
      results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0]?.physicalLocation.artifactLocation.uri,
        r.locations[0]?.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ['frontmatter/unknown-key', 'error', 'decks/talk/deck.md', 3],
      ['deck/missing-asset', 'error', 'decks/talk/deck.md', 8],
      ['deck/heading-skip', 'warning', 'decks/talk/deck.md', 10],
    ]);
  });

  it('prints GitHub workflow annotations', () => {
    const root = tempProject({ talk: BAD });
    const lines = runCli(root, ['check', '--reporter', 'github']).stdout.trim().split('\n');
    expect(lines[0]).toBe(
      '::error file=decks/talk/deck.md,line=3,col=1,title=frontmatter/unknown-key::unknown frontmatter key ' +
        '"colour" (Known keys: title, subtitle, author, date, event, abstract, theme, slideLevel, transition, ' +
        'kind, titleSlide, from, dialect, slideNumbers, header, footer, logo, aspectRatio, background, incremental, ' +
        'css, totalTime, zoom, smartypants, edition, proofs, badges.)',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^::warning file=decks\/talk\/deck.md,line=10,col=1,title=deck\/heading-skip::/);
  });

  it('prints JSON with counts and positioned diagnostics', () => {
    const root = tempProject({ talk: BAD });
    const json = JSON.parse(runCli(root, ['check', '--reporter', 'json']).stdout) as {
      errors: number;
      warnings: number;
      diagnostics: { line: number; ruleId: string }[];
    };
    expect([json.errors, json.warnings]).toEqual([2, 1]);
    expect(json.diagnostics.map((d) => `${d.line} ${d.ruleId}`)).toEqual([
      '3 frontmatter/unknown-key',
      '8 deck/missing-asset',
      '10 deck/heading-skip',
    ]);
  });

  it('fails on warnings only with --frail', () => {
    const root = tempProject({ talk: WARN_ONLY });
    expect(runCli(root, ['check']).status).toBe(0);
    expect(runCli(root, ['check', '--frail']).status).toBe(1);
  });
});
