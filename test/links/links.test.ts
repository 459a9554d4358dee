import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/pipeline/load.ts';
import { checkLinks, type LinkDoc } from '../../src/links/check.ts';
import { checkExternalLinks } from '../../src/links/external.ts';
import { indexDocs, resolveLink } from '../../src/links/resolve.ts';
import { FIXTURES, runCli, tempProject } from '../helpers.ts';
import { loadSiteDocs, SITE_FIXTURE } from '../render/site/fixture.ts';

const NOT_OK = path.join(FIXTURES, 'site', 'links-not-ok');

function linkDocs(loaded: ReturnType<typeof loadSiteDocs>): LinkDoc[] {
  return loaded.map(({ file, tree, deck }) => {
    if (!deck) throw new Error(`${file.path} did not load`);
    return { file, tree, deck };
  });
}

function notOkDocs(): LinkDoc[] {
  const sources = [
    { name: 'notes', path: path.join(NOT_OK, 'decks', 'notes.md') },
    { name: 'talk', path: path.join(NOT_OK, 'decks', 'talk', 'deck.md') },
  ];
  return linkDocs(sources.map((source) => loadDeck(source, { knownThemes: new Set(['dark', 'light']), cwd: NOT_OK })));
}

function messagesOf(docs: readonly LinkDoc[], root: string): string[] {
  return docs
    .flatMap(({ file }) =>
      file.messages
        .filter((m) => m.ruleId?.startsWith('links/'))
        .map((m) => ({ file: path.relative(root, file.path), m })),
    )
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) || (a.m.line ?? 0) - (b.m.line ?? 0) || (a.m.column ?? 0) - (b.m.column ?? 0),
    )
    .map(({ file, m }) => `${file}:${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`);
}

describe('rule links/broken', () => {
  it('accepts every link of the site fixture: anchors, decks by file and folder, pages', () => {
    const docs = linkDocs(loadSiteDocs());
    const external = checkLinks(docs);
    expect(messagesOf(docs, SITE_FIXTURE)).toEqual([]);
    expect(
      external.map(
        (link) =>
          `${path.basename(path.dirname(link.file.path))} ${link.place?.line}:${link.place?.column} ${link.url}`,
      ),
    ).toEqual(['alpha 50:36 https://docs.kernel.org/']);
  });

  it('reports each broken anchor, page anchor, folder and definition at its position', () => {
    const docs = notOkDocs();
    checkLinks(docs);
    const expected = readFileSync(path.join(NOT_OK, 'expected.txt'), 'utf8').trim().split('\n');
    expect(messagesOf(docs, NOT_OK)).toEqual(expected);
  });

  it('suggests the nearest anchor for a typo', () => {
    const docs = notOkDocs();
    checkLinks(docs);
    const typo = docs.flatMap(({ file }) => file.messages).find((message) => message.reason.includes('#intor'));
    expect(typo?.note).toMatch(/^Did you mean #intro\?/);
  });

  it('lists external links without fetching them', () => {
    const external = checkLinks(notOkDocs());
    expect(external.map((link) => link.url)).toEqual(['https://example.org/x']);
  });
});

describe('link resolution', () => {
  const docs = notOkDocs();
  const [notes, talk] = docs.map((doc) => doc.deck);
  if (!notes || !talk) throw new Error('fixture did not load');
  const index = indexDocs([notes, talk]);

  it.each([
    ['#intro', { kind: 'doc', anchor: 'intro' }],
    ['#/2/1', { kind: 'ignored' }],
    ['#', { kind: 'ignored' }],
    ['mailto:a@example.org', { kind: 'ignored' }],
    ['/absolute/path', { kind: 'ignored' }],
    ['https://example.org/', { kind: 'external' }],
    ['//example.org/', { kind: 'external' }],
    ['../notes.md#usage', { kind: 'doc', anchor: 'usage' }],
    ['../talk/', { kind: 'doc', anchor: undefined }],
    ['../talk', { kind: 'doc', anchor: undefined }],
    ['../talk/deck.md?x=1#intro', { kind: 'doc', anchor: 'intro' }],
    ['./picture.png', { kind: 'file' }],
  ])('%s', (url, expected) => {
    expect(resolveLink(url, talk, index)).toMatchObject(expected);
  });

  it('decodes percent-encoded anchors', () => {
    expect(resolveLink('#caf%C3%A9', talk, index)).toMatchObject({ kind: 'doc', anchor: 'café' });
  });
});

describe('--check-external', () => {
  it('asks each URL once, retries refused HEADs with GET, and warns at every link to a dead one', async () => {
    const docs = notOkDocs();
    const [talk] = docs.filter((doc) => doc.deck.name === 'talk');
    if (!talk) throw new Error('no talk');
    const place = { line: 8, column: 1 };
    const links = [
      'https://ok.test/',
      'https://head-refused.test/',
      'https://dead.test/',
      'https://dead.test/',
      'https://down.test/',
    ].map((url) => ({ url, file: talk.file, place }));
    const calls: string[] = [];
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      const target = String(url);
      calls.push(`${init?.method ?? 'GET'} ${target}`);
      if (target.includes('down')) throw new TypeError('getaddrinfo ENOTFOUND down.test');
      const status = target.includes('dead')
        ? 404
        : target.includes('head-refused') && init?.method === 'HEAD'
          ? 405
          : 200;
      return new Response(null, { status });
    }) as typeof fetch;
    await checkExternalLinks(links, { fetch: fakeFetch, concurrency: 1 });
    expect(calls).toEqual([
      'HEAD https://dead.test/',
      'GET https://dead.test/',
      'HEAD https://down.test/',
      'HEAD https://head-refused.test/',
      'GET https://head-refused.test/',
      'HEAD https://ok.test/',
    ]);
    const warnings = talk.file.messages
      .filter((message) => message.ruleId === 'links/external')
      .map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.reason}`);
    expect(warnings).toEqual([
      '8:1 warning external link https://dead.test/: HTTP 404',
      '8:1 warning external link https://dead.test/: HTTP 404',
      '8:1 warning external link https://down.test/: unreachable (getaddrinfo ENOTFOUND down.test)',
    ]);
  });
});

describe('check --check-external', () => {
  it('requests external links only when asked', () => {
    // Port 1 on the loopback refuses at once: a dead link without any network.
    const root = tempProject({
      talk: '---\ntitle: Talk\n---\n\n## Links\n\nSee [the spec](http://127.0.0.1:1/spec).\n',
    });
    const plain = runCli(root, ['check']);
    expect(plain.status, plain.stderr).toBe(0);
    const checked = runCli(root, ['check', '--check-external', '--frail']);
    expect(checked.status).toBe(1);
    expect(checked.stdout + checked.stderr).toContain('[links/external]');
  });
});
