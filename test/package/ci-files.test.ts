/**
 * The system parts users copy: the Dockerfile (linted with dockerfile-utils, the linter of VS Code's
 * Docker support; hadolint is neither a Debian nor an npm package, and no docker engine runs here) and
 * the GitHub Actions workflow in docs/ (parsed, and every proofdeck command in it accepted by the CLI).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runCli, tempProject } from '../helpers.ts';

const DOCKERFILE = readFileSync(path.join(REPO, 'Dockerfile'), 'utf8');
const README = readFileSync(path.join(REPO, 'README.md'), 'utf8');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[]; needs?: string; strategy?: { matrix: { shard: number[] } } }>;
}

describe('Dockerfile', () => {
  it('passes the linter with no error or warning', () => {
    const bin = path.join(REPO, 'node_modules', '.bin', 'dockerfile-utils');
    const result = spawnSync(bin, ['lint', path.join(REPO, 'Dockerfile')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('installs every tool proofdeck proves and prints with, and runs proofdeck on /talk', () => {
    for (const tool of ['gcc', 'clang', 'libclang-rt-14-dev', 'bubblewrap', 'chromium'])
      expect(DOCKERFILE).toMatch(new RegExp(`apt-get install[^\\n]*\\n?[^\\n]*\\b${tool}\\b`));
    expect(DOCKERFILE).toContain('--default-toolchain stable');
    expect(DOCKERFILE).toMatch(/^FROM node:24-bookworm/m);
    expect(DOCKERFILE).toContain('WORKDIR /talk');
    expect(DOCKERFILE).toContain('ENTRYPOINT ["proofdeck"]');
  });

  it('is documented in the README with the command the Dockerfile names', () => {
    const run = /docker run --rm [^\n]*\\\n[^\n]*proofdeck build/.exec(DOCKERFILE)?.[0];
    expect(run).toBeDefined();
    const oneLine = (text: string) =>
      text
        .replace(/\\\n\s*/g, '')
        .replace(/\s+/g, ' ')
        .replace(/^#\s*/, '');
    expect(oneLine(README)).toContain(oneLine(run?.replace(/\n#/g, '\n') ?? ''));
  });
});

describe('docs/github-actions.yml', () => {
  const workflow = parse(readFileSync(path.join(REPO, 'docs', 'github-actions.yml'), 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
  const runs = steps.flatMap((step) => (step.run ? [step.run] : []));

  it('shards the check over its matrix and joins the reports as GitHub annotations', () => {
    const shards = workflow.jobs.check?.strategy?.matrix.shard ?? [];
    expect(shards.length).toBeGreaterThan(1);
    expect(runs.join('\n')).toContain(`check --shard \${{ matrix.shard }}/${shards.length} --reporter json`);
    expect(runs.join('\n')).toMatch(/merge-reports reports\/\*\.json --reporter github/);
    expect(runs.join('\n')).toMatch(/proofdeck build --reporter github/);
  });

  it('caches node_modules/.cache/proofdeck by lockfile and toolchain versions, and publishes PDFs and site', () => {
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('node_modules/.cache/proofdeck');
    expect(String(cache?.with?.key)).toContain("hashFiles('package-lock.json')");
    expect(String(cache?.with?.key)).toContain('steps.toolchains.outputs.key');
    expect(runs.join('\n')).toMatch(/gcc --version.*clang --version.*rustc --version/s);
    expect(
      steps.some((step) => step.uses?.startsWith('actions/upload-artifact@') && step.with?.path === 'dist/*/*.pdf'),
    ).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe(
      'dist/site/',
    );
    expect(steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('uses only options the CLI accepts', () => {
    const root = tempProject();
    const check = runCli(root, ['check', '--help']);
    expect(check.stdout).toContain('--shard <i/n>');
    expect(runCli(root, ['merge-reports', '--help']).stdout).toContain('--reporter <format>');
    expect(runCli(root, ['build', '--help']).stdout).toContain('--base <url>');
  });
});
