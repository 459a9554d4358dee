/**
 * Grammar-based deck generator: frontmatter (YAML oddities included) and a body built from every syntax a
 * deck may use in any dialect (proofdeck directives, Marp, Slidev, pandoc/Quarto, reveal-md), nested.
 * Fragments are small on purpose: the interesting inputs are odd combinations, not big ones.
 */
import fc from 'fast-check';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Short text, sometimes with characters markdown, YAML, HTML or URLs treat specially. */
const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,8}$/) },
  { weight: 2, arbitrary: pick('*', '_', '`', '$', '\\', '[', ']', '{', '}', '<', '>', '&', '|', '#', ':', '%', '"') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  { weight: 1, arbitrary: pick('ü', '日本', '\u200b', '\u0000', '\r', '\t', '🦀', '\u202e', '&amp;', '&#0;') },
);
const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

/** URLs and paths as deck authors (and attackers) write them. */
const url = fc.oneof(
  pick('./image.png', 'image.png', 'data.csv', '../fuzz/deck.md', '#intro', '#', '', 'lib.c', './missing.png'),
  pick('https://example.com/a%20b', 'http://[::1', 'mailto:x', 'javascript:alert(1)', 'data:text/html,<b>'),
  pick('%', '%zz', 'a%2', '%E0%A4%A', '../../../../etc/passwd', '/etc/passwd', 'file:///etc/passwd', '\\\\srv'),
  pick('deck.md#%', './image.png?x=%', 'img%2Fa.png', '%2e%2e/%2e%2e/x', 'a b.png', '<a b.png>', 'x.png "t"'),
  fc.tuple(pick('', './', '../', '#', '%'), word).map(([head, tail]) => head + tail),
);

const attrValue = fc.oneof(word, url, pick('"a b"', "'x'", '"', '50%', '#222', '1-3', 'gcc', 'clang', 'both'));
const attrKey = pick('id', 'file', 'cc', 'width', 'background', 'background-image', 'transition', 'edition', 'x');
const attrs = fc
  .array(
    fc.oneof(
      fc.tuple(attrKey, attrValue).map(([k, v]) => `${k}=${v}`),
      word.map((w) => `.${w}`),
      word.map((w) => `#${w}`),
      pick('.fragment', '.incremental', '.notes', '.r-stretch', '.center', '.column', '.columns', '.smaller'),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(' '));

const inline = fc.oneof(
  { weight: 5, arbitrary: text },
  fc.tuple(text, url).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(text, url).map(([t, u]) => `![${t}](${u})`),
  fc.tuple(text, url, attrs).map(([t, u, a]) => `![${t}](${u}){${a}}`),
  fc.tuple(text, attrs).map(([t, a]) => `[${t}]{${a}}`),
  text.map((t) => `*${t}*`),
  text.map((t) => `**${t}`),
  text.map((t) => `\`${t}\``),
  pick('$E = mc^2$', '$\\frac{1}{$', '$x$5', '$$', '$\\href{javascript:x}{y}$', '\\$', '$\\begin{a}$'),
  fc.tuple(word, text).map(([id, t]) => `:proof[${id}]{${t}}`),
  word.map((id) => `:proof[${id}]`),
  fc.tuple(word, text, attrs).map(([n, t, a]) => `:${n}[${t}]{${a}}`),
  pick('<b>bold</b>', '<span class="x">', '</div>', '<img src="../../etc/passwd">', '<script>x</script>'),
  pick('[^1]', '[ref]', '<https://example.com>', ':rocket:', '. . .', 'Note:', '<!-- .element: class="f" -->'),
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));

const lineSpec = pick('', ' {1}', ' {1-3}', ' {1-2|4|all}', ' {0}', ' {3-1}', ' {1-20000000}', ' {|}', ' {', ' {a}');
const fenceLang = pick('c', 'rust', 'cpp', 'c++', 'h', 'mermaid', 'python', 'text', '', 'js', 'timeline', '{.c}');
const fenceAttr = pick(
  'id=x',
  'compile_fail',
  'compile_fail,E0382',
  'should_panic',
  'no_run',
  'ignore',
  'asan=heap-use-after-free',
  'cc=gcc',
  'cflags=-O2',
  'cflags=-wrapper',
  'include=lib.c',
  'include=../../../etc/passwd',
  'file=util.h',
  'edition2018',
  'expect=stdout',
  'ub',
  '{python}',
  '{.numberLines}',
);
const code = fc.oneof(
  pick('int main(void) { return 0; }', 'fn main() {}', 'graph TD; A-->B', '# hidden\nlet x = 1;', ''),
  pick('$ ./a.out\nhello', 'char *p = malloc(1);\nfree(p);\n*p = 1;', '```', '~~~', ':::', '---'),
  text,
);
const fence = fc
  .tuple(pick('```', '~~~', '````', '```'), fenceLang, fc.array(fenceAttr, { maxLength: 3 }), lineSpec, code)
  .map(([marks, lang, more, spec, body]) => `${marks}${lang} ${more.join(' ')}${spec}\n${body}\n${marks}`);

const cell = fc.oneof(text, pick('1', '-1', '1.5', '2025-01-02', 'yes', 'no', '✓', '', '\\|', ':proof[x]'));
const gfmTable = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.array(cell, { maxLength: 20 }))
  .map(([cols, rows, cells]) => {
    const cellAt = (index: number) => cells[index % Math.max(cells.length, 1)] ?? 'x';
    const row = (offset: number) => `| ${Array.from({ length: cols }, (_, i) => cellAt(offset + i)).join(' | ')} |`;
    const align = `|${Array.from({ length: cols }, (_, i) => [' --- ', ':--', '--:', ':-:'][i % 4]).join('|')}|`;
    return [row(0), align, ...Array.from({ length: rows }, (_, r) => row((r + 1) * cols))].join('\n');
  });
const tableContainer = fc
  .tuple(attrs, pick('', 'source=data.csv', 'source=missing.csv', 'source=../../x.csv', 'columns="a:int"'), gfmTable)
  .map(([a, source, table]) => `:::table{${a} ${source}}\n${table}\n:::`);

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), paragraph, fc.option(attrs, { nil: undefined }))
  .map(([depth, title, a]) => `${'#'.repeat(depth)} ${title}${a === undefined ? '' : ` {${a}}`}`);

const htmlBlock = pick(
  '<div class="x">\n\ntext\n\n</div>',
  '<section data-background="#000">',
  '</section>',
  '<!-- .slide: data-background="#222" -->',
  '<!-- _class: lead -->',
  '<!-- paginate: true -->',
  '<!-- headingDivider: 2 -->',
  '<!--\nunclosed',
  '<style>\nsection { color: red }\n</style>',
  '<script>alert(1)</script>',
  '<img src="./image.png">',
  '<iframe src="../../../../etc/passwd"></iframe>',
  '<aside class="notes">\n<b>raw</b> notes\n</aside>',
  '<table><tr><td>',
  '<video src="%zz">',
);

/** Separators and dialect lines that only mean something in one dialect. */
const dialectLine = pick(
  '---',
  '--',
  '***',
  '. . .',
  'Note:',
  'Notes:',
  '::right::',
  '::left::',
  '::default::',
  '---\nlayout: two-cols\n---',
  '---\nlayout: [\n---',
  '---\nclass: x\nclicks: 3\n---',
  '<v-click>',
  '</v-click>',
  '<!-- fit -->',
  '![bg left:40%](./image.png)',
  '![bg](%)',
  ':::',
  '::::',
  '::slide{.center background="#0b1021" transition="zoom"}',
  '::slide{background-image=../../../../etc/passwd}',
  '::diagram{file=x.mmd}',
  '::diagram{file=../../x}',
  '::include{file=lib.c}',
  '\\newpage',
  '{.incremental}',
);

type Block = string;
const blocks: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: paragraph },
    { weight: 3, arbitrary: heading },
    { weight: 2, arbitrary: fence },
    gfmTable,
    tableContainer,
    htmlBlock,
    { weight: 3, arbitrary: dialectLine },
    pick('$$\nx^2\n$$', '$$\n\\begin{align}\n$$', '$$ a $$', '\\[ x \\]'),
    fc.tuple(pick('-', '*', '1.', '+', '- [ ]'), tie('block')).map(([m, b]) => prefixLines(b, `${m} `, '  ')),
    tie('block').map((b) => prefixLines(b, '> ', '> ')),
    fc
      .tuple(
        pick(':::', '::::', ':::::'),
        pick('notes', 'incremental', 'fragment', 'columns', 'column', 'aside', 'list', '{.columns}', 'x'),
        attrs,
        fc.array(tie('block'), { maxLength: 3 }),
      )
      .map(([c, n, a, inner]) => `${c}${n}${a ? `{${a}}` : ''}\n${inner.join('\n\n')}\n${c}`),
    fc
      .tuple(pick('::: {.columns}', '::: {.column width="40%"}', '::: notes', '::: {.fragment}'), tie('block'))
      .map(([open, inner]) => `${open}\n${inner}\n:::`),
  ),
})).block;

function prefixLines(block: string, first: string, rest: string): string {
  return block
    .split('\n')
    .map((line, index) => (index === 0 ? first : rest) + line)
    .join('\n');
}

/** Frontmatter values, valid and not: aliases, tags, wrong types, odd scalars. */
const yamlValue = fc.oneof(
  word.map((w) => JSON.stringify(w)),
  text,
  pick('~', 'null', 'true', '1e999', '0x1F', '-.inf', '[]', '{}', '[a, [b, [c]]]', '!!binary aGk=', '!!set {a}'),
  pick('&a x', '*a', '*missing', '|\n  block', '>-\n  folded', '"unterminated', "'", '@x', '`x`', '? complex'),
  pick('2025-06-12', '2025-13-45', '"16:9"', '4:3', '#222', './image.png', '%', 'dark', 'light', 'nope'),
);
const yamlKey = pick(
  'title',
  'subtitle',
  'author',
  'date',
  'theme',
  'slideLevel',
  'transition',
  'titleSlide',
  'from',
  'dialect',
  'logo',
  'aspectRatio',
  'background',
  'incremental',
  'kind',
  'marp',
  'headingDivider',
  'paginate',
  'layout',
  'format',
  'revealOptions',
  'separator',
  'verticalSeparator',
  'slide-level',
  '<<',
  'x',
);
const frontmatter = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 5, arbitrary: fc.tuple(yamlKey, yamlValue).map(([k, v]) => `${k}: ${v}`) },
          pick('from: marp', 'from: slidev', 'from: pandoc', 'from: reveal-md', 'marp: true', 'format: revealjs'),
          pick('title: Talk', 'theme: dark', '\tbad: tab', '- list', ': x', 'a: &a [1]\nb: *a', 'title: [x'),
        ),
        { maxLength: 6 },
      )
      .map((lines) => `---\n${lines.join('\n')}\n${''}---\n`),
  },
  { weight: 1, arbitrary: pick('---\n', '---\n---\n', '---\ntitle: x\n', '+++\ntitle = "x"\n+++\n', '---\n...\n') },
);

/** A whole generated deck, and the file name it is written as (the extension picks some dialects). */
export const generatedDeck = fc.record({
  markdown: fc
    .tuple(frontmatter, fc.array(blocks, { minLength: 0, maxLength: 12 }), pick('\n\n', '\n', '\r\n\r\n'))
    .map(([head, body, sep]) => `${head}\n${body.join(sep)}\n`),
  fileName: fc.constantFrom('deck.md', 'deck.md', 'deck.md', 'deck.qmd', 'slides.md'),
});
