import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import type { SnippetResult, ToolRun } from '../../src/model/snippet.ts';
import { evidenceBlock, evidenceLine } from '../../src/transform/evidence.ts';

const run = (fields: Partial<ToolRun>): ToolRun => ({
  tool: 'gcc',
  version: '12.2.0',
  outcome: 'detected',
  diagnostics: [],
  stdout: '',
  stderr: '',
  durationMs: 1,
  cached: false,
  ...fields,
});

const result = (fields: Partial<SnippetResult>): SnippetResult => ({
  id: 'a',
  status: 'proved',
  ok: true,
  summary: 'ASan: heap-use-after-free · gcc 12.2',
  problems: [],
  runs: [run({})],
  ...fields,
});

describe('evidence under a block', () => {
  it('shortens what changes from run to run: addresses, pids, the register tail', () => {
    const asan = result({
      evidence: {
        text:
          '==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x502000000010 ' +
          'at pc 0x55d4c0a1b2c3 bp 0x7ffd1c2b3a40 sp 0x7ffd1c2b3a38',
        tool: 'gcc 12.2',
        source: 'runtime',
      },
    });
    expect(evidenceLine(asan)).toEqual({
      label: 'gcc 12.2, at run time',
      line: 'ERROR: AddressSanitizer: heap-use-after-free on address 0x…',
    });
    const tsan = result({
      evidence: { text: 'WARNING: ThreadSanitizer: data race (pid=77)', tool: 'clang 14.0', source: 'runtime' },
    });
    expect(evidenceLine(tsan)).toEqual({
      label: 'clang 14.0, at run time',
      line: 'WARNING: ThreadSanitizer: data race',
    });
  });

  it('shows the first three lines of stdout for a run block', () => {
    const ran = result({
      runs: [run({ outcome: 'ran', stdout: 'one\n\ntwo\nthree\nfour\n' })],
      evidence: { text: 'one', tool: 'gcc 12.2', source: 'stdout' },
    });
    const block = evidenceBlock(ran);
    expect(block && toHtml(block)).toBe(
      '<pre class="proof-output" data-source="stdout" aria-label="Output: gcc 12.2, program output">' +
        '<code>one\ntwo\nthree</code></pre>',
    );
  });

  it('shows nothing that is not a proof: no evidence, a failed block, an ignored one', () => {
    const evidence = {
      text: 'error[E0382]: borrow of moved value: `v`',
      tool: 'rustc 1.95',
      source: 'compiler',
    } as const;
    expect(evidenceBlock(result({}))).toBeUndefined();
    expect(evidenceBlock(result({ status: 'failed', ok: false, evidence }))).toBeUndefined();
    expect(evidenceBlock(undefined)).toBeUndefined();
    expect(evidenceLine(result({ status: 'ignored', evidence }))).toBeUndefined();
    expect(evidenceBlock(result({ evidence }))).toBeDefined();
  });
});
