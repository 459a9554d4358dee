import { readFileSync } from 'node:fs';
import { createHighlighter } from 'shiki';
import { describe, expect, it } from 'vitest';
import { discoverThemes } from '../../src/config/themes.ts';
import { REPO } from '../helpers.ts';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

function cssVariables(css: string): Record<string, string> {
  return Object.fromEntries(
    [...css.matchAll(/--pd-([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

const themes = [...discoverThemes(REPO).values()];

/** Code covering the token kinds a systems talk shows: comments, strings, macros, attributes, lifetimes. */
const SAMPLES: Record<string, string> = {
  c:
    '#include <stdlib.h>\n/* comment */\nint main(void) {\n    char *p = malloc(10); // note\n' +
    '    free(p);\n    *p = 42;\n    return p == NULL ? 1 : 0x2a;\n}',
  rust:
    "#![allow(unused)]\n/// doc\nfn longest<'a>(a: &'a str) -> Option<&'a str> {\n" +
    '    let v: Vec<u8> = vec![1, 2];\n    println!("{v:?} {}", 1.5);\n' +
    '    unsafe { *std::ptr::null_mut::<i32>() = 5 }\n    Some(a)\n}',
  shellscript: '# comment\nmake -C /lib/modules/$(uname -r)/build M=$PWD modules && echo "ok"',
};

describe.each(themes)('theme $name', (theme) => {
  it('has text colours with at least WCAG AA contrast on the slide background', () => {
    const vars = cssVariables(readFileSync(theme.css, 'utf8'));
    const bg = vars.bg ?? '';
    expect(contrast(vars.fg ?? '', bg)).toBeGreaterThanOrEqual(7);
    for (const name of ['heading', 'muted', 'accent', 'link', 'emphasis', 'ok', 'bad'])
      expect(contrast(vars[name] ?? '', bg), name).toBeGreaterThanOrEqual(4.5);
    expect(contrast(vars['code-inline'] ?? '', vars.surface ?? '')).toBeGreaterThanOrEqual(4.5);
  });

  it('renders C, Rust and shell code with at least AA contrast for every token on the code background', async () => {
    const highlighter = await createHighlighter({ themes: [theme.shiki], langs: ['c', 'rust', 'shellscript'] });
    const { bg } = highlighter.getTheme(theme.shiki);
    const weak = new Set<string>();
    for (const [lang, code] of Object.entries(SAMPLES)) {
      const html = highlighter.codeToHtml(code, { lang, theme: theme.shiki });
      for (const [, colour] of html.matchAll(/[^-]color:(#[0-9a-f]{6})/gi))
        if (contrast(colour ?? '', bg) < 4.5) weak.add(`${lang} ${colour}`);
    }
    expect([...weak]).toEqual([]);
    highlighter.dispose();
  });
});
