/**
 * The remark plugin from another unified pipeline: the real remark-cli runs `proofdeck/remark` on a
 * markdown file that is not a deck, and reports the snippet that does not compile at its position.
 */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, tempProject } from '../../helpers.ts';

const REMARK = path.join(REPO, 'node_modules', 'remark-cli', 'cli.js');

describe('remark-cli --use proofdeck/remark', () => {
  it('proves the snippets of a plain markdown file and reports failures as positioned messages', () => {
    const root = tempProject();
    cpSync(path.join(FIXTURES, 'remark', 'notes.md'), path.join(root, 'notes.md'));
    // The plugin's module as remark-cli imports it (a default export); the sources run under Node 24.
    const plugin = path.join(REPO, 'src', 'remark.ts');
    const result = spawnSync(process.execPath, [REMARK, 'notes.md', '--use', plugin, '--no-stdout', '--no-color'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toMatch(
      /notes\.md\n\s*16:16\s+error\s+expected to compile, but rustc .*borrow of moved value/,
    );
    expect(result.stderr).toContain('snippet/compile-error');
    // The C snippet compiled and ran: nothing is reported at its line.
    expect(result.stderr).not.toMatch(/\b5:1\b/);
    expect(result.status).toBe(1);
  });
});
