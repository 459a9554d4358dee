import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../src/parse/fence-meta.ts';
import { parseCAttributes } from '../../src/snippet/c-attributes.ts';
import { parseRustAttributes } from '../../src/snippet/rust-attributes.ts';

const rust = (info: string) => parseRustAttributes(parseFenceMeta(info, '').attributes, '2021');
const c = (info: string) => parseCAttributes(parseFenceMeta(info, '').attributes, 'c');

describe('display-only attributes (title=, filename=)', () => {
  it.each(['rust title="src/main.rs"', 'rust,no_run filename=src/lib.rs', 'rust,should_panic title="A panic"'])(
    'are no problem on a Rust block: %s',
    (info) => {
      expect(rust(info).problems).toEqual([]);
    },
  );

  it.each(['c title="heap.c"', 'c asan filename=uaf.c', 'cpp title="A vector"'])(
    'are no problem on a C/C++ block: %s',
    (info) => {
      expect(c(info).problems).toEqual([]);
    },
  );

  it('do not change what is proved', () => {
    expect(rust('rust,should_panic title="x"').spec.expectation).toEqual(rust('rust,should_panic').spec.expectation);
    expect(c('c asan title="x"').spec).toEqual(c('c asan').spec);
  });

  it('need a value, and a misspelling suggests them', () => {
    expect(rust('rust title').problems.map((p) => p.ruleId)).toEqual(['snippet/unknown-attribute']);
    const typo = c('c titel="x"').problems;
    expect(typo.map((p) => p.ruleId)).toEqual(['snippet/unknown-attribute']);
    expect(`${typo[0]?.message} ${typo[0]?.hint}`).toContain('title');
  });

  // One list of display keys (parse/fence-meta.ts): `show=` and `fit=` are suggested like `title=`.
  it.each([
    ['c sho=output', 'show'],
    ['rust fitt=false', 'fit'],
  ])('a misspelt display key is suggested: %s', (info, key) => {
    const problems = info.startsWith('c') ? c(info).problems : rust(info).problems;
    expect(problems.map((p) => p.ruleId)).toEqual(['snippet/unknown-attribute']);
    expect(`${problems[0]?.message} ${problems[0]?.hint}`).toContain(`\`${key}\``);
  });
});
