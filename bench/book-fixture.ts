/**
 * Writes bench/fixtures/book/: an mdBook of 15 chapters with 8 Rust blocks each (120), of every kind
 * `mdbook test` proves: runs, hidden `#` lines, `?` in a hidden main, no_run, compile_fail, should_panic
 * and ignore. Deterministic: the same files every time (`node bench/book-fixture.ts`; bench/book.ts
 * checks that the committed copy is current). Every block passes under both rustdoc and proofdeck.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TOPICS = [
  'Introduction',
  'Ownership',
  'Borrowing',
  'Lifetimes',
  'Structs',
  'Enums',
  'Traits',
  'Generics',
  'Closures',
  'Iterators',
  'Errors',
  'Collections',
  'Strings',
  'Smart pointers',
  'Appendix',
] as const;

const slug = (title: string): string => title.toLowerCase().replace(/\s+/g, '-');

/** Where each chapter lives under src/: the middle ones in two parts, some nested as sub-chapters. */
function chapterPath(index: number): string {
  if (index === 0 || index === TOPICS.length - 1) return `${slug(TOPICS[index] ?? '')}.md`;
  return `${index < 8 ? 'basics' : 'advanced'}/${slug(TOPICS[index] ?? '')}.md`;
}

/** The 8 blocks of chapter `n` (1-based): distinct constants, so no two blocks share a cache entry. */
function blocks(n: number): string[] {
  const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\``;
  return [
    fence('rust', `fn main() {\n    let v: Vec<u32> = (0..${n + 3}).collect();\n    assert_eq!(v.len(), ${n + 3});\n}`),
    fence('rust', `# fn helper(x: u32) -> u32 { x * ${n} }\nlet r = helper(2);\nassert_eq!(r, ${2 * n});`),
    fence(
      'rust',
      '# fn main() -> Result<(), std::num::ParseIntError> {\n' +
        `let x: i32 = "${n}".parse()?;\nassert_eq!(x, ${n});\n# Ok(())\n# }`,
    ),
    fence(
      'rust,no_run',
      `use std::net::TcpStream;\n\nfn main() {\n    let _ = TcpStream::connect("127.0.0.1:${8000 + n}");\n}`,
    ),
    fence('rust,compile_fail', `let s = String::from("${n}");\nlet t = s;\nprintln!("{s}{t}");`),
    fence('rust,should_panic', `let v = vec![1u8; ${n}];\nlet _ = v[${n + 10}];`),
    fence('rust,ignore', `let answer = deep_thought(${n});`),
    fence(
      'rust',
      `struct Point${n} {\n    x: i32,\n}\n\n` +
        `impl Point${n} {\n    fn get(&self) -> i32 {\n        self.x\n    }\n}\n\n` +
        `let p = Point${n} { x: ${n} };\nassert_eq!(p.get(), ${n});`,
    ),
  ];
}

function chapter(index: number): string {
  const title = TOPICS[index] ?? '';
  const sections = blocks(index + 1).map(
    (block, k) => `## ${title}, part ${k + 1}\n\nThe ${k + 1}. example of this chapter:\n\n${block}\n`,
  );
  const next = index + 1 < TOPICS.length ? `\nNext: [${TOPICS[index + 1]}](${nextLink(index)}).\n` : '';
  return `# ${title}\n\nWhat this chapter shows about ${title.toLowerCase()}.\n\n${sections.join('\n')}${next}`;
}

/** The next chapter's path relative to this one's folder. */
function nextLink(index: number): string {
  const from = path.posix.dirname(chapterPath(index));
  return path.posix.relative(from, chapterPath(index + 1));
}

function summary(): string {
  const item = (index: number, depth = 0) => `${'  '.repeat(depth)}- [${TOPICS[index]}](${chapterPath(index)})`;
  return [
    '# Summary',
    '',
    `[${TOPICS[0]}](${chapterPath(0)})`,
    '',
    '# Basics',
    '',
    ...[1, 2, 3].map((i) => item(i, i === 1 ? 0 : 1)),
    ...[4, 5, 6, 7].map((i) => item(i)),
    '',
    '# Advanced',
    '',
    ...[8, 9, 10, 11, 12, 13].map((i) => item(i, i === 9 ? 1 : 0)),
    '- [Unsafe code]()',
    '',
    '---',
    '',
    `[${TOPICS[14]}](${chapterPath(14)})`,
    '',
  ].join('\n');
}

/** The fixture's files by path under the book folder. */
export function bookFiles(): Map<string, string> {
  const files = new Map<string, string>([
    ['book.toml', '[book]\ntitle = "proofdeck bench book"\nsrc = "src"\n\n[rust]\nedition = "2021"\n'],
    ['src/SUMMARY.md', summary()],
  ]);
  TOPICS.forEach((_, index) => files.set(`src/${chapterPath(index)}`, chapter(index)));
  return files;
}

/** Writes the fixture into `dir` (replacing what is there). */
export function writeBook(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of bookFiles()) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

if (import.meta.main) writeBook(path.join(import.meta.dirname, 'fixtures', 'book'));
