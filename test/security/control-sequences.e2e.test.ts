/**
 * Compiler errors and panic messages that carry terminal control sequences (an OSC window title, a
 * screen clear) reach the terminal, JSON and SARIF reports without them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers.ts';

const OSC = '\u001B]0;pwned\u0007';
const CLEAR = '\u001B[2J';

const DECK = `---
title: Talk
---

## Slide

\`\`\`rust id=panics
fn main() {
    panic!("{}{} boom-panic", "\\x1b]0;pwned\\x07", "\\x1b[2J");
}
\`\`\`

\`\`\`rust id=rejected
compile_error!("\\x1b]0;pwned\\x07\\x1b[2J nope-compile");
\`\`\`

\`\`\`c id=c-error cc=gcc
#error ${OSC} ${CLEAR} c-error
\`\`\`
`;

const HOSTILE = /\u001B\]|\u001B\[2J|\u0007|\\u001b|\\u0007/i;

describe('tool output with control sequences', () => {
  const root = tempProject({ talk: DECK });

  it.each([
    ['text', 'stderr'],
    ['json', 'stdout'],
    ['sarif', 'stdout'],
  ] as const)('%s report: the messages, not the sequences', (reporter, stream) => {
    const result = runCli(root, ['check', '--reporter', reporter]);
    expect(result.status).toBe(1);
    const out = result[stream];
    expect(out).toContain('boom-panic');
    expect(out).toContain('nope-compile');
    expect(out).toContain('c-error');
    expect(out).not.toMatch(HOSTILE);
    // The deck line quoted under a text diagnostic is cleaned too.
    expect(result.stderr).not.toMatch(HOSTILE);
  });

  it('a proved should_panic block: its tooltip in the built deck holds the panic without the sequences', () => {
    const block = '```rust should_panic\nfn main() {\n    panic!("\\x1b]0;pwned\\x07\\x1b[2J tooltip-panic");\n}\n```';
    const proved = tempProject({ talk: `---\ntitle: Talk\n---\n\n## Slide\n\n${block}\n` });
    const result = runCli(proved, ['build', '--no-pdf', '--no-site']);
    expect(result.status).toBe(0);
    const html = readFileSync(path.join(proved, 'dist', 'talk', 'index.html'), 'utf8');
    expect(html).toContain('tooltip-panic');
    expect(html).not.toMatch(/\u001B|\u0007|&#x1b;|&#x7;/i);
  });
});
