import { tokenize, tokenTypes } from 'css-tree';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssUrls } from '../../src/links/css-urls.ts';

/**
 * Where css-tree's tokenizer (CSS Syntax Level 3, the oracle) says a url starts: a url token, or `url(` with one
 * string in it.
 */
function oracle(css: string): number[] {
  const tokens: { type: number; start: number; end: number }[] = [];
  tokenize(css, (type, start, end) => tokens.push({ type, start, end }));
  const { Url, Function, String, WhiteSpace, RightParenthesis } = tokenTypes;
  const starts: number[] = [];
  tokens.forEach((token, index) => {
    if (token.type === Url) starts.push(token.start);
    if (token.type !== Function || css.slice(token.start, token.end).toLowerCase() !== 'url(') return;
    const rest = tokens.slice(index + 1).filter((next) => next.type !== WhiteSpace);
    if (rest[0]?.type === String && rest[1]?.type === RightParenthesis) starts.push(token.start);
  });
  return starts;
}

describe('cssUrls', () => {
  it('finds url() tokens and @import strings, not what comments and strings hold', () => {
    const css = [
      '/* url(comment.png) */ a { background: url( "a b.png" ) }',
      'b { content: "url(in-string.png)"; x: \'url(too.png)\' }',
      '@font-face { src: url(f.woff2?v=1#x) format("woff2"), URL(\'g.ttf\') }',
      'c { x: myurl(not.png); y: u\\72l(escaped.png); z: url(a\\)b.png) }',
      'd { x: url(bad url.png); y: url(data:image/png;base64,AA==) }',
      '@import "imported.css"; @import url(other.css) screen;',
    ].join('\n');
    const found = cssUrls(css);
    expect(found.map((f) => f.url)).toEqual([
      'a b.png',
      'f.woff2?v=1#x',
      'g.ttf',
      'escaped.png',
      'a)b.png',
      'data:image/png;base64,AA==',
      'imported.css',
      'other.css',
    ]);
    // Each range is the whole token, so it can be replaced.
    expect(found.map((f) => css.slice(f.start, f.end))).toEqual([
      'url( "a b.png" )',
      'url(f.woff2?v=1#x)',
      "URL('g.ttf')",
      'u\\72l(escaped.png)',
      'url(a\\)b.png)',
      'url(data:image/png;base64,AA==)',
      '"imported.css"',
      'url(other.css)',
    ]);
  });

  it('keeps offsets into the text as written across \\r\\n newlines', () => {
    const css = 'a {\r\n  b: url(x.png);\r\n}\r\n';
    const [found] = cssUrls(css);
    expect(found && css.slice(found.start, found.end)).toBe('url(x.png)');
  });

  it('finds the urls css-tree finds, in stylesheets made of tricky pieces', () => {
    const name = fc.stringMatching(/^[a-z0-9_./-]{1,12}$/);
    const piece = fc.oneof(
      name.map((n) => `url(${n})`),
      name.map((n) => `url("${n}")`),
      name.map((n) => `url( '${n}' )`),
      name.map((n) => `/* url(${n}) */`),
      name.map((n) => `"url(${n})"`),
      name.map((n) => `'a\\'url(${n})'`),
      name.map((n) => `my${n.replace(/[^a-z]/g, '') || 'x'}url(${n})`),
      name.map((n) => `url(${n}\\))`),
      name.map((n) => `url(${n} x)`),
      fc.constantFrom(' ', '\n', '\r\n', '{', '}', ';', ':', ',', 'a', '-', '(', ')', '\\', '/*', '*/', '"', "'"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const css = `a { b: ${pieces.join(' ')} }`;
        expect(cssUrls(css).map((found) => found.start)).toEqual(oracle(css));
      }),
      { numRuns: 400 },
    );
  });
});
