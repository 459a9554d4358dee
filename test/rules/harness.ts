/**
 * Runs proofdeck's real checks on a rule fixture, test/fixtures/<group>/<rule>/{ok.md,not-ok.md,expected.txt},
 * (config/* rules: {ok,not-ok}.yaml, a config file) and prints the rule's messages in expected.txt's form
 * (`line:column severity rule-id`). Config, deck, frontmatter, link and table rules need no compiler and no
 * browser (unit lane); snippet, diagram and PDF rules run the compilers and chromium (end-to-end lane).
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { buildDecks, checkDecks } from '../../src/pipeline/build.ts';
import { loadDeck } from '../../src/pipeline/load.ts';
import { checkLinks } from '../../src/links/check.ts';
import { checkExternalLinks } from '../../src/links/external.ts';
import { checkTableEvidence } from '../../src/table/check/tables.ts';
import { discoverThemes } from '../../src/config/themes.ts';
import { loadProjectConfig } from '../../src/config/project.ts';
import { ruleIds, type RuleId } from '../../src/report/rules.ts';
import { DEFAULT_LIMITS } from '../../src/exec/job-dir.ts';
import { probeSandbox } from '../../src/exec/sandbox.ts';
import { createToolchainSet } from '../../src/exec/toolchains.ts';
import { reportSnippetResults } from '../../src/snippet/check/report-results.ts';
import { verifySnippets, type VerifyOptions } from '../../src/snippet/check/verify.ts';
import { FIXTURES } from '../helpers.ts';
import { fixtureResults } from '../table/helpers.ts';

export type Lane = 'unit' | 'e2e';

/** The lane each rule group's fixtures run in. A new group must be placed here (a test says so). */
export const GROUP_LANES: Readonly<Record<string, Lane>> = {
  config: 'unit',
  deck: 'unit',
  dialect: 'unit',
  frontmatter: 'unit',
  links: 'unit',
  math: 'unit',
  table: 'unit',
  snippet: 'e2e',
  diagram: 'e2e',
  pdf: 'e2e',
};

/** Rules whose group is in the unit lane but that only a build in chromium can report. */
const RULE_LANES: Readonly<Partial<Record<string, Lane>>> = { 'deck/overflow': 'e2e' };

const laneOf = (id: string): Lane | undefined => RULE_LANES[id] ?? GROUP_LANES[groupOf(id)];

export interface RuleFixture {
  id: RuleId;
  group: string;
  dir: string;
}

export const groupOf = (id: string): string => id.slice(0, id.indexOf('/'));

/** A rule's fixture file names: markdown, except the config file's rules, whose fixtures are config files. */
export function fixtureNames(rule: { group: string }): { ok: string; notOk: string } {
  return rule.group === 'config' ? { ok: 'ok.yaml', notOk: 'not-ok.yaml' } : { ok: 'ok.md', notOk: 'not-ok.md' };
}

/** The config file's messages: the fixture copied to a fresh project as proofdeck.config.yaml. */
function configChecks(file: string): VFile[] {
  const root = mkdtempSync(path.join(tmpdir(), 'proofdeck-config-'));
  try {
    writeFileSync(path.join(root, 'proofdeck.config.yaml'), readFileSync(file));
    const loaded = loadProjectConfig(root, THEMES);
    return loaded.file ? [loaded.file] : [];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every registered rule with its fixture folder (which may not exist: the unit lane checks that). */
export function ruleFixtures(lane?: Lane): RuleFixture[] {
  return ruleIds()
    .map((id) => ({ id, group: groupOf(id), dir: path.join(FIXTURES, groupOf(id), id.slice(id.indexOf('/') + 1)) }))
    .filter((rule) => lane === undefined || laneOf(rule.id) === lane);
}

/**
 * What a fixture may ask of its environment, in `options.json` beside it:
 * - `compilers`: only these on PATH (to prove the missing-toolchain report);
 * - `sandbox: "degraded"`: bubblewrap switched off, with the `--unsafe-no-sandbox` opt-in;
 * - `runWallMs`: a shorter run time limit (the timeout fixture takes a second, not ten);
 * - `server`: a real HTTP server on 127.0.0.1 at that port (see withServer);
 * - `pdfTimeoutMs`: a shorter time limit for printing a PDF;
 * - `tmpdir: "missing"`: TMPDIR names a folder that does not exist (a broken host: no job folder can be made).
 * Options under `"not-ok"` apply to not-ok.md only (ok.md runs as usual).
 */
interface FixtureOptions {
  'not-ok'?: Omit<FixtureOptions, 'not-ok'>;
  server?: number;
  compilers?: string[];
  sandbox?: 'degraded';
  runWallMs?: number;
  pdfTimeoutMs?: number;
  tmpdir?: 'missing';
}

const THEMES = new Set(discoverThemes(FIXTURES).keys());

function linesOf(files: readonly VFile[], id: RuleId): string[] {
  return files
    .flatMap((file) => file.messages)
    .filter((message) => message.ruleId === id)
    .map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`)
    .sort();
}

/**
 * Runs `work` while a local HTTP server on `port` serves the fixture folder's files (404 for others) and
 * never answers `/hang`, the way a stalled server does.
 */
async function withServer<T>(port: number, dir: string, work: () => Promise<T>): Promise<T> {
  const server = createServer((request, response) => {
    const name = path.basename(request.url ?? '');
    if (name === 'hang') return;
    const file = path.join(dir, name);
    if (existsSync(file)) response.writeHead(200).end(readFileSync(file));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  try {
    return await work();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Parse-time checks, links, and table evidence against the fixture's recorded verdicts (results.json). */
async function staticChecks(file: string, dir: string, options: FixtureOptions): Promise<VFile> {
  const loaded = loadDeck({ name: 'fixture', path: file }, { knownThemes: THEMES, root: dir });
  const external = loaded.deck ? checkLinks([{ file: loaded.file, tree: loaded.tree, deck: loaded.deck }]) : [];
  if (options.server) await withServer(options.server, dir, () => checkExternalLinks(external, { timeoutMs: 5000 }));
  const { snippetIds, results } = fixtureResults(dir);
  if (snippetIds.size > 0) checkTableEvidence(loaded.tables, loaded.file, { snippetIds, results });
  return loaded.file;
}

/** Extraction, then the real compilers in the real sandbox (or the degraded one the fixture asks for). */
async function snippetChecks(file: string, dir: string, options: FixtureOptions, scratch: string): Promise<VFile> {
  const loaded = loadDeck({ name: 'fixture', path: file }, { knownThemes: THEMES, root: dir });
  const verify: VerifyOptions = { root: dir, noCache: true };
  if (options.compilers) {
    const bin = path.join(scratch, 'bin');
    mkdirSync(bin);
    for (const tool of options.compilers) symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
    verify.toolchains = createToolchainSet({ pathEnv: bin });
  }
  // A degraded sandbox is what --unsafe-no-sandbox opts into; without the opt-in proofdeck fails closed.
  if (options.sandbox === 'degraded') {
    verify.sandbox = await probeSandbox({ disableBwrap: true });
    verify.allowUnsandboxed = true;
  }
  if (options.runWallMs)
    verify.limits = { ...DEFAULT_LIMITS, run: { ...DEFAULT_LIMITS.run, wallMs: options.runWallMs } };
  const savedTmp = process.env.TMPDIR;
  if (options.tmpdir === 'missing') process.env.TMPDIR = path.join(scratch, 'missing');
  try {
    const results = await verifySnippets(loaded.snippets, verify);
    reportSnippetResults(results, loaded.snippets, new Map([[loaded.file.path, loaded.file]]));
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  return loaded.file;
}

/** The rule's messages when proofdeck checks `name` (ok.md or not-ok.md) of the fixture. */
export async function ruleMessages(rule: RuleFixture, name: string): Promise<string[]> {
  const file = path.join(rule.dir, name);
  const optionsFile = path.join(rule.dir, 'options.json');
  const given = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as FixtureOptions;
  const options: FixtureOptions = name.startsWith('not-ok.') ? { ...given, ...given['not-ok'] } : given;
  if (rule.group === 'config') return linesOf(configChecks(file), rule.id);
  if (laneOf(rule.id) === 'unit') return linesOf([await staticChecks(file, rule.dir, options)], rule.id);
  const scratch = mkdtempSync(path.join(tmpdir(), 'proofdeck-rule-'));
  try {
    if (rule.group === 'snippet') return linesOf([await snippetChecks(file, rule.dir, options, scratch)], rule.id);
    // Diagrams, PDFs and what does not fit a slide: the whole pipeline, as `check` and `build` run it.
    const deck = { root: rule.dir, paths: [file], noCache: true };
    const pipeline = () =>
      rule.group === 'pdf' || rule.id === 'deck/overflow'
        ? buildDecks({ ...deck, outDir: path.join(scratch, 'dist'), site: false, pdfTimeoutMs: options.pdfTimeoutMs })
        : checkDecks(deck);
    const result = options.server ? await withServer(options.server, rule.dir, pipeline) : await pipeline();
    return linesOf(result.files, rule.id);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** expected.txt: one `line:column severity rule-id` per expected message. */
export function expectedLines(rule: RuleFixture): string[] {
  return readFileSync(path.join(rule.dir, 'expected.txt'), 'utf8').trim().split('\n').sort();
}
