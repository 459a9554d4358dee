/** `<style>` blocks rewritten as `@scope` rules: selectors rooted at the scope, Marp's `section` the slide itself. */
import { describe, expect, it } from 'vitest';
import { isScopedStyle, scopedStyle } from '../../src/dialect/scoped-style.ts';

describe('scopedStyle', () => {
  it('roots every selector of a list at the slide, Marp section as :scope, keyframe steps untouched', () => {
    const css = [
      '<style scoped>',
      '/* a { b } */',
      'section.lead h1, :is(h2, h3) > a { color: red; }',
      '@media print { .note { display: none; } }',
      '@keyframes fade { from { opacity: 0; } 50% { opacity: 1; } }',
      '</style>',
    ].join('\n');
    expect(isScopedStyle(css)).toBe(true);
    expect(scopedStyle(css, { reach: 'slide', marp: true })).toBe(
      [
        '<style>',
        '@scope {',
        ':scope.lead h1, :scope :is(h2, h3) > a { color: red; }',
        '@media print { :scope .note { display: none; } }',
        '@keyframes fade { from { opacity: 0; } 50% { opacity: 1; } }',
        '}',
        '</style>',
      ].join('\n'),
    );
  });

  it('keeps section a descendant outside Marp, scopes a deck-wide style to the slides, refuses other languages', () => {
    expect(scopedStyle('<style>\nsection p { x: y }\n</style>', { reach: 'deck', marp: false })).toBe(
      '<style>\n@scope (.reveal .slides section) {\n:scope section p { x: y }\n}\n</style>',
    );
    expect(isScopedStyle('<style>')).toBe(false);
    expect(scopedStyle('<style lang="scss">\n$a: 1;\n</style>', { reach: 'slide', marp: false })).toBeUndefined();
  });
});
