import { bundledLanguagesInfo } from 'shiki/langs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parser.ts';
import { extractBlocks } from '../../src/snippet/extract.ts';

const ROOT = new URL('../fixtures/snippets/', import.meta.url).pathname.replace(/\/$/, '');

function extract(markdown: string, options: { proofs?: 'all' } = {}) {
  const file = new VFile({ path: `${ROOT}/langs.md`, value: markdown });
  const { snippets, blocks } = extractBlocks(parseMarkdown(file), file, { root: ROOT, ...options });
  const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason} | ${m.note ?? ''}`);
  return { snippets, blocks, messages };
}

const fence = (info: string, body = 'fn main() {}') => `\`\`\`${info}\n${body}\n\`\`\`\n`;

describe('a misspelt fence language (issue 13, finding 1)', () => {
  it('is an error with did you mean, not a silently unproved block', () => {
    const { snippets, messages } = extract(fence('rsut compile_fail,E0382'));
    expect(snippets).toEqual([]);
    expect(messages).toEqual([
      expect.stringMatching(/^1:4 snippet\/unknown-language unknown fence language `rsut`.*did you mean `rust`\?/),
    ]);
  });

  it.each([
    ['rusr', 'rust'],
    ['rsut', 'rust'],
    ['cpp17', 'cpp'],
    ['c++20', 'c++'],
    ['c11', 'c'],
    ['rust2021', 'rust'],
    ['cp', 'cpp'],
    ['hpp1', 'hpp'],
  ])('flags `%s` (did you mean `%s`?)', (lang, wanted) => {
    const { messages } = extract(fence(lang));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('snippet/unknown-language');
    expect(messages[0]).toContain(`did you mean \`${wanted}`);
  });

  it('flags proof attributes on a language proofdeck does not run', () => {
    const { messages } = extract(fence('python asan', 'x = 1') + '\n' + fence('text should_panic', 'x'));
    expect(messages).toEqual([
      expect.stringMatching(/^1:11 snippet\/unknown-language .*`asan`.*did you mean `c`\?/),
      expect.stringMatching(/^5:9 snippet\/unknown-language .*`should_panic`.*did you mean `rust`\?/),
    ]);
  });

  it('never flags a language shiki knows, nor text, diagrams and transcripts (property over every id)', () => {
    const known = bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])]);
    const extra = ['text', 'txt', 'plain', 'plaintext', 'mermaid', 'math', 'console', 'shell-session', 'output', ''];
    expect(known.length).toBeGreaterThan(200);
    for (const lang of [...known, ...extra]) {
      const { messages } = extract(fence(lang.includes('`') ? 'text' : lang, 'x'));
      expect(messages, lang).toEqual([]);
    }
  });

  it('leaves short real languages near c and rust alone', () => {
    for (const lang of ['r', 'rs', 'cs', 'css', 'd', 'go', 'sh', 'js', 'ts', 'v', 'rb', 'c#', 'rst', 'cc'])
      expect(extract(fence(lang, 'x')).messages, lang).toEqual([]);
  });
});

describe('an info string of only rustdoc attributes is Rust (issue 13, finding 2)', () => {
  it.each([
    ['no_run', 'compile'],
    ['should_panic', 'panic'],
    ['compile_fail,E0382', 'compile-fail'],
    ['ignore', 'ignore'],
    ['edition2018', 'run'],
    ['no_run,edition2021', 'compile'],
  ])('```%s is a Rust block', (info, kind) => {
    const { snippets, messages } = extract(fence(info));
    expect(messages).toEqual([]);
    expect(snippets.map((s) => [s.lang, s.expectation.kind])).toEqual([['rust', kind]]);
  });

  it('keeps the edition the attributes name', () => {
    expect(extract(fence('edition2018')).snippets[0]?.edition).toBe('2018');
  });

  it('does not take an error code alone, or a mix with other words, as Rust', () => {
    expect(extract(fence('E0382')).snippets).toEqual([]);
    expect(extract(fence('ignore,python')).snippets).toEqual([]);
  });
});

describe('every fenced block ends in one state', () => {
  it('records every block: snippets, and why the others are not proved', () => {
    const markdown = [
      fence('rust'),
      fence('rust,ignore'),
      fence('python', 'x = 1'),
      fence('text', 'plain words'),
      fence('', 'no language'),
      fence('mermaid', 'graph TD; A-->B'),
      fence('console', '$ ls'),
    ].join('\n');
    const { blocks, snippets } = extract(markdown);
    expect(blocks.map((b) => [b.line, b.lang, b.snippet ?? b.unproved])).toEqual([
      [1, 'rust', snippets[0]?.id],
      [5, 'rust', snippets[1]?.id],
      [9, 'python', 'language'],
      [13, 'text', 'text'],
      [17, '', 'no-language'],
      [21, 'mermaid', 'diagram'],
      [25, 'console', 'language'],
    ]);
  });

  it('under proofs: all, every unproved block is an error at its fence, except text and diagrams', () => {
    const markdown = [
      fence('rust,ignore'),
      fence('python', 'x = 1'),
      fence('text', 'x'),
      fence('', 'x'),
      fence('mermaid', 'graph TD; A-->B'),
    ].join('\n');
    const { messages } = extract(markdown, { proofs: 'all' });
    expect(messages.map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual([
      '1:1 snippet/unproved',
      '5:1 snippet/unproved',
      '13:1 snippet/unproved',
    ]);
  });
});
