import { describe, expect, it } from 'vitest';
import { prove, tempCacheDir } from '../prove.ts';

const md = [
  '```rust,compile_fail,E0382',
  'let v = vec![1];',
  'let w = v;',
  'println!("{v:?}");',
  '```',
  '',
  '```rust,should_panic',
  'let v: Vec<i32> = Vec::new();',
  'v[3];',
  '```',
  '',
  '```rust',
  'println!("hello from rustc");',
  '```',
  '',
  '```rust,no_run',
  'fn main() {}',
  '```',
  '',
].join('\n');

describe('evidence', () => {
  it('carries the real first line that proved each Rust block', async () => {
    const { results } = await prove(md, { cacheDir: tempCacheDir() });
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
    const [rejected, panicked, ran, compiled] = results.map((result) => result.evidence);
    expect(rejected).toMatchObject({ text: 'error[E0382]: borrow of moved value: `v`', source: 'compiler' });
    expect(rejected?.tool).toMatch(/^rustc \d+\.\d+$/);
    expect(panicked).toMatchObject({
      text: 'panicked: index out of bounds: the len is 0 but the index is 3',
      source: 'runtime',
    });
    expect(ran).toMatchObject({ text: 'hello from rustc', source: 'stdout' });
    expect(compiled).toBeUndefined();
  });
});
