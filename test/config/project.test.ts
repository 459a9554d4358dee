/**
 * proofdeck.config.{yaml,json}: rule fixtures (test/fixtures/config/<rule>/{ok,not-ok}.yaml and
 * expected.txt, like the deck rules' with a config file for the markdown), and the settings' effect on a
 * real build: site title and base, default theme, default C compilers.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../src/config/project.ts';
import { FIXTURES, runCli, tempProject } from '../helpers.ts';

const RULES = readdirSync(path.join(FIXTURES, 'config')).map((rule) => ({
  id: `config/${rule}`,
  dir: path.join(FIXTURES, 'config', rule),
}));

function messagesOf(fixture: string, name = 'proofdeck.config.yaml'): string[] {
  const root = tempProject();
  cpSync(fixture, path.join(root, name));
  const { file } = loadProjectConfig(root, new Set(['dark', 'light']));
  return (file?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`).sort();
}

describe.each(RULES)('rule $id', ({ id, dir }) => {
  it('reports nothing on ok.yaml', () => {
    expect(messagesOf(path.join(dir, 'ok.yaml'))).toEqual([]);
  });

  it('reports the expected messages at their positions on not-ok.yaml', () => {
    const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');
    expect(expected.every((line) => line.endsWith(id))).toBe(true);
    expect(messagesOf(path.join(dir, 'not-ok.yaml'))).toEqual([...expected].sort());
  });
});

const DECK = '---\ntitle: Configured\n---\n\n## C\n\n```c\nint main(void) { return 0; }\n```\n';

describe('proofdeck.config', () => {
  it('is optional: without one a project builds with the defaults', () => {
    expect(loadProjectConfig(tempProject())).toEqual({ config: {} });
  });

  it('sets the site title and base, the default theme and the default C compilers', () => {
    const root = tempProject({ talk: DECK });
    writeFileSync(
      path.join(root, 'proofdeck.config.json'),
      JSON.stringify({
        site: { title: 'Talks by Ada', base: 'https://ada.example/talks/' },
        theme: 'light',
        snippets: { cc: 'clang' },
      }),
    );
    const checked = runCli(root, ['check', '--reporter', 'json']);
    expect(checked.status, checked.stderr).toBe(0);
    const report = JSON.parse(checked.stdout) as { snippets: { runs: { tool: string }[] }[] };
    const built = runCli(root, ['build', '--no-pdf']);
    expect(built.status, built.stderr).toBe(0);
    expect(report.snippets.flatMap((s) => s.runs.map((r) => r.tool))).toEqual(['clang']);
    expect(readFileSync(path.join(root, 'dist', 'site', 'index.html'), 'utf8')).toContain('<title>Talks by Ada');
    expect(readFileSync(path.join(root, 'dist', 'site', 'sitemap.xml'), 'utf8')).toContain(
      'https://ada.example/talks/',
    );
    expect(readFileSync(path.join(root, 'dist', 'talk', '_proofdeck', 'theme.css'), 'utf8')).toMatch(
      /^\/\* proofdeck light:/,
    );
  });

  it('stops the build with a positioned error, and writes nothing', () => {
    const root = tempProject({ talk: DECK });
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'proofdeck.config.yaml'), 'site:\n  title: Talks\ntheme: sepia\n');
    const built = runCli(root, ['build', '--no-pdf']);
    expect(built.status).toBe(1);
    expect(built.stderr).toContain('proofdeck.config.yaml:3:8: error: unknown theme "sepia" [config/invalid]');
    expect(readdirSync(path.join(root, 'dist'))).toEqual([]);
  });
});
