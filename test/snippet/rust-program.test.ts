import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRustProgram, mapHiddenLine } from '../../src/snippet/rust-program.ts';
import { hasMainFn } from '../../src/snippet/rust-main.ts';
import type { SourceLine } from '../../src/snippet/source-lines.ts';

const lines = (text: string, first = 10): SourceLine[] =>
  text.split('\n').map((line, index) => ({ text: line, line: first + index, column: 0 }));
const program = (text: string): string =>
  buildRustProgram(lines(text))
    .lines.map((line) => line.text)
    .join('\n');

describe('rustdoc hidden lines', () => {
  it('hides `# ` lines and a lone `#`, keeps their code, and turns `##` into `#`', () => {
    const built = buildRustProgram(lines('# let a = 1;\n#\nlet b = a;\n## [derive(Debug)]\n    # let c = 2;'));
    expect(built.displayed).toBe('let b = a;\n# [derive(Debug)]');
    expect(program('# let a = 1;\n#\nlet b = a;')).toBe('#![allow(unused)]\nfn main() {\nlet a = 1;\n\nlet b = a;\n}');
  });

  it('keeps `#[attr]` and `#!` lines visible (rustdoc cannot tell `#text` from an attribute)', () => {
    expect(mapHiddenLine({ text: '#[derive(Debug)]', line: 1, column: 0 }).hidden).toBe(false);
    expect(mapHiddenLine({ text: '#![allow(unused)]', line: 1, column: 0 }).hidden).toBe(false);
  });

  it('maps a hidden line to the column after its `# ` prefix', () => {
    expect(mapHiddenLine({ text: '  # let x = 1;', line: 5, column: 2 }).code).toEqual({
      text: 'let x = 1;',
      line: 5,
      column: 6,
    });
  });
});

describe('rustdoc main wrapping', () => {
  it('wraps statements in fn main and injects #![allow(unused)]', () => {
    expect(program('let x = 5;\nassert_eq!(x, 5);')).toBe(
      '#![allow(unused)]\nfn main() {\nlet x = 5;\nassert_eq!(x, 5);\n}',
    );
  });

  it('keeps crate attributes and extern crate outside main, lint attributes after the others', () => {
    expect(program('#![deny(warnings)]\n#![feature(never_type)]\nextern crate core;\nlet x = 1;')).toBe(
      '#![allow(unused)]\n#![feature(never_type)]\n#![deny(warnings)]\nextern crate core;\nfn main() {\nlet x = 1;\n}',
    );
  });

  it('joins a multi-line crate attribute', () => {
    expect(program('#![cfg_attr(all(),\n  allow(dead_code))]\nlet x = 1;')).toBe(
      '#![allow(unused)]\n#![cfg_attr(all(),\n  allow(dead_code))]\nfn main() {\nlet x = 1;\n}',
    );
  });

  it('does not wrap when the block has its own fn main', () => {
    expect(program('use std::fmt;\nfn main() {\n    println!("hi");\n}')).toBe(
      '#![allow(unused)]\nuse std::fmt;\nfn main() {\n    println!("hi");\n}',
    );
    expect(buildRustProgram(lines('fn main() {}')).wrapped).toBe(false);
  });

  it('does not wrap #![no_std] code', () => {
    expect(buildRustProgram(lines('#![no_std]\nfn f() {}')).wrapped).toBe(false);
  });

  it('wraps code ending in (()) in a Result-returning function, as rustdoc does', () => {
    expect(program('let n: i32 = "1".parse()?;\nOk::<(), std::num::ParseIntError>(())')).toContain(
      'fn _inner() -> core::result::Result<(), impl core::fmt::Debug> {',
    );
  });

  it('leaves code that does not tokenise alone', () => {
    expect(program('fn broken( {')).toBe('fn broken( {');
  });

  it('maps every program line to its markdown line (0 for generated lines)', () => {
    const built = buildRustProgram(lines('#![deny(warnings)]\n# use std::fmt;\nlet x = 1;', 20));
    expect(built.lines.map((line) => line.line)).toEqual([0, 20, 0, 21, 22, 0]);
  });
});

describe('hasMainFn (rustdoc: a top-level fn main and no statement that is not an item)', () => {
  it.each([
    ['fn main() {}', true],
    ['use std::io;\n#[derive(Debug)]\nstruct S;\nimpl S { fn main(&self) {} }\nfn main() {}', true],
    ['pub(crate) async fn main() {}', true],
    ['let x = 1;\nfn main() {}', false],
    ['fn main() {}\nlet x = 1;', false],
    ['fn main() {}\nprintln!("hi");', true],
    ['fn main() {}\nvec![1].len();', false],
    ['const N: u8 = 1;\nstatic S: u8 = 2;\nconst fn f() {}\nfn main() {}', true],
    ['fn main() {}\nunsafe { }', false],
    ['fn helper() {}\nlet x = helper();', false],
    ['// fn main() {}\nlet x = 1;', false],
    ['let s = "fn main() {}";', false],
    ['impl S { fn main(&self) {} }', false],
    ['struct S;\nimpl S { fn main(&self) {} }\nassert_eq!(S.main(), ());', false],
    ['macro_rules! m { () => { fn main() {} } }\nm!();', false],
    ['macro_rules! m { ($i:item) => { $i } }\nm! { fn main() {} }', true],
    ["fn f<'a>(x: &'a str) -> &'a str { x }\nfn main() {}", true],
  ])('%j → %s', (source, expected) => {
    expect(hasMainFn(source)).toBe(expected);
  });
});

describe('properties', () => {
  it('never throws and maps every program line', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom('# x', '##', '#', '#![a]', '#![b(', 'extern crate c;', 'fn main() {', '}', '"', "'a"),
          ),
          { maxLength: 12 },
        ),
        (texts) => {
          const built = buildRustProgram(texts.map((text, index) => ({ text, line: index + 1, column: 0 })));
          expect(built.lines.every((line) => line.line >= 0 && line.line <= texts.length)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
