import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prove, tempDir } from './prove.ts';

// Issue 13, finding 2: both blocks fail under `rustdoc --test` and passed proofdeck with "no problems".
const FINDING = [
  '```no_run',
  'fn main() { let x: i32 = "not a number"; }',
  '```',
  '',
  '```should_panic',
  'fn main() {}',
  '```',
  '',
].join('\n');

describe('an info string of only rustdoc attributes is proved as Rust', () => {
  it('fails the two blocks of finding 2, as rustdoc --test does', async () => {
    const { results, messages } = await prove(FINDING);
    expect(results.map((r) => [r.status, r.ok])).toEqual([
      ['failed', false],
      ['failed', false],
    ]);
    expect(messages.map((m) => [m.line, m.ruleId])).toEqual([
      [2, 'snippet/compile-error'],
      [5, 'snippet/unexpected-success'],
    ]);
    const dir = tempDir('rustdoc-only');
    const file = path.join(dir, 'finding.md');
    writeFileSync(file, FINDING);
    const rustdoc = spawnSync('rustdoc', ['--test', file], { cwd: dir, encoding: 'utf8' });
    expect(rustdoc.stdout).toMatch(/test result: FAILED\. 0 passed; 2 failed/);
  });

  it('proves such blocks when they do what they say', async () => {
    const markdown = [
      '```no_run',
      'fn main() { loop {} }',
      '```',
      '',
      '```should_panic',
      'fn main() { panic!("boom"); }',
      '```',
      '',
      '```compile_fail,E0382',
      'let a = String::new(); let b = a; println!("{a}");',
      '```',
      '',
    ].join('\n');
    const { results, messages } = await prove(markdown);
    expect(messages).toEqual([]);
    expect(results.map((r) => r.status)).toEqual(['proved', 'proved', 'proved']);
  });
});
