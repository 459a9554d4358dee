/** Inputs that used to crash (exit 70 with a stack trace) or hang: each is now a positioned error in bounded time. */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers.ts';

const withBody = (body: string, frontmatter = 'title: Talk\n') => `---\n${frontmatter}---\n\n## Slide\n\n${body}\n`;

const aliasBomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = String.fromCharCode(97 + i);
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  '',
].join('\n');

const cases: [string, string, RegExp][] = [
  [
    'a YAML alias bomb in frontmatter',
    withBody('Text.', `title: Talk\n${aliasBomb}`),
    /:2:1: error: .*\[frontmatter\/yaml\]/,
  ],
  [
    'the line spec {1-20000000}',
    withBody('```rust {1-20000000}\nfn main() {}\n```'),
    /:7:\d+: error: invalid line range "1-20000000".*\[deck\/line-spec\]/,
  ],
  ['5,000 nested >', withBody(`${'>'.repeat(5000)} x`), /:7:1: error: more than 64 nested .*\[deck\/limit\]/],
  ['5,000 nested *', withBody(`${'* '.repeat(5000)}x`), /:7:1: error: more than 64 nested .*\[deck\/limit\]/],
  [
    '900 levels of list indentation',
    withBody(Array.from({ length: 900 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')),
    /error: a line indented by more than 256 columns \[deck\/limit\]/,
  ],
  [
    'a 170,000-row table',
    withBody(`|a|b|\n|-|-|\n${'|1|2|\n'.repeat(170_000)}`),
    /:7:1: error: more than 5000 table rows in a row \[deck\/limit\]/,
  ],
  ['a 2 MB file', withBody('x'.repeat(2_000_000)), /:1:1: error: the file has \d+ bytes.*\[deck\/limit\]/],
];

describe('crashes and hangs become positioned errors', () => {
  it.each(cases)('%s → exit 1 quickly, no stack trace', (_name, markdown, expected) => {
    const root = tempProject({ talk: markdown });
    const started = performance.now();
    const result = runCli(root, ['check']);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.status).toBe(1);
  });

  it('a deck without frontmatter checks and builds like one with it', () => {
    const root = tempProject({ talk: '## Slide\n\nText.\n' });
    expect(runCli(root, ['check']).status).toBe(0);
    expect(runCli(root, ['build', '--no-pdf', '--no-site']).status).toBe(0);
  });
});
