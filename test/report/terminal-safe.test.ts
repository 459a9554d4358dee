import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { addError } from '../../src/report/messages.ts';
import { formatWith } from '../../src/report/reporters.ts';
import { terminalSafe } from '../../src/report/terminal-safe.ts';

const HOSTILE = 'boom \u001B]0;pwned\u0007 \u001B[2J end';

describe('terminalSafe', () => {
  it.each([
    ['OSC title (BEL)', 'a\u001B]0;pwned\u0007b', 'ab'],
    ['OSC 8 link (ST)', 'x \u001B]8;;http://e\u001B\\link\u001B]8;;\u001B\\ y', 'x link y'],
    ['OSC 52 clipboard', 'c\u001B]52;c;cm0gLXJm\u0007d', 'cd'],
    ['clear screen', 'x\u001B[2Jy', 'xy'],
    ['colours', '\u001B[1;31mred\u001B[0m', 'red'],
    ['8-bit CSI and OSC', '\u009B2J\u009D0;t\u0007x', 'x'],
    ['an unterminated OSC stops at the line end', 'a\u001B]0;title\nnext', 'a\nnext'],
    ['charset and lone ESC', '\u001B(Bok\u001B', 'ok'],
    ['C0, CR and DEL', 'n\u0000u\u0008l\rl\u007F', 'null'],
  ])('%s', (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('keeps newlines, tabs and every printable character', () => {
    const text = 'tab\there\nü 日本 🦀 \\e[0m';
    expect(terminalSafe(text)).toBe(text);
  });
});

describe('reporters print no control sequence', () => {
  const file = new VFile({ path: '/p/deck.md', cwd: '/p', value: `## Slide\n\n${HOSTILE}\n` });
  addError(file, `compiler said: ${HOSTILE}`, { line: 3, column: 1 }, 'snippet/compile-error', `hint ${HOSTILE}`);

  it.each(['text', 'json', 'sarif', 'github'] as const)('%s', (reporter) => {
    const out = formatWith(reporter, [file], { version: '0', color: reporter === 'text', extra: { note: HOSTILE } });
    expect(out).toContain('boom');
    expect(out).not.toMatch(/\u001B\]|\u001B\[2J|\u0007|\\u001b|\\u0007/i);
  });
});
