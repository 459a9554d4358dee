/**
 * Marp and Slidev `<style>` blocks as raw HTML the deck applies, with the reach each tool gives them, written as
 * CSS `@scope` (chromium ≥ 118, which renders the deck and the PDF):
 * - a Slidev slide's `<style>` is scoped to that slide (Slidev compiles it as a Vue scoped style);
 * - a Marp `<style scoped>` reaches its slide only, a plain Marp `<style>` every slide (marpit turns it into
 *   theme CSS), and in both Marp's `section` selector means the slide itself.
 * A prelude-less `@scope` is scoped to the `<style>` element's parent: the slide's `<section>`.
 */

/** Where the CSS applies. */
type StyleReach = 'slide' | 'deck';

/** The CSS inside a `<style>` element, or `undefined` when it is written in another language (`lang="scss"`). */
function styleText(html: string): string | undefined {
  const match = /<style\b([^>]*)>([\s\S]*?)(?:<\/style>|$)/i.exec(html);
  if (!match) return undefined;
  const lang = /\blang\s*=\s*["']?([\w-]+)/i.exec(match[1] ?? '')?.[1];
  if (lang && lang.toLowerCase() !== 'css') return undefined;
  return match[2] ?? '';
}

/** Whether a Marp `<style>` opening tag says `scoped`. */
export function isScopedStyle(html: string): boolean {
  return /<style\b[^>]*\bscoped\b/i.test(html);
}

/** The selectors of a list, split at commas outside parentheses and brackets (`:is(a, b)` stays whole). */
function selectorList(prelude: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < prelude.length; i++) {
    const char = prelude[i];
    if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(prelude.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(prelude.slice(last));
  return parts;
}

/**
 * One selector rooted at the scope: `:scope h1` weighs what the theme's `.reveal h1` does, and at equal weight the
 * scoped rule wins (scope proximity), as the author's style beats the theme in Marp and Slidev. Marp's `section`
 * means the slide, `:scope` itself (inside `@scope` a type selector matches the root's descendants only).
 */
function rootSelector(selector: string, marp: boolean): string {
  const trimmed = selector.trim();
  const own = marp ? trimmed.replace(/(^|[\s,>+~(])section(?![\w-])/g, '$1:scope') : trimmed;
  return own.startsWith(':scope') ? own : `:scope ${own}`;
}

/** Every style rule's selectors rooted at the scope; at-rules and keyframe steps are left as they are. */
function scopeSelectors(css: string, marp: boolean): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/([^{};]*)\{/g, (whole: string, prelude: string) => {
    const head = prelude.trim();
    if (head === '' || head.startsWith('@') || /^(from|to|[\d.]+%)(?![\w-])/.test(head)) return whole;
    const lead = /^\s*/.exec(prelude)?.[0] ?? '';
    return `${lead}${selectorList(head)
      .map((selector) => rootSelector(selector, marp))
      .join(', ')} {`;
  });
}

/** The `<style>` element to put on the slide, as markdown lines (an HTML block), or `undefined` if not CSS. */
export function scopedStyle(html: string, options: { reach: StyleReach; marp: boolean }): string | undefined {
  const css = styleText(html);
  if (css === undefined) return undefined;
  const body = scopeSelectors(css, options.marp);
  // A deck-wide style is scoped to the deck's slides, so it never reaches the page around them.
  const prelude = options.reach === 'deck' ? ' (.reveal .slides section)' : '';
  // A `<style>` HTML block runs to `</style>` (CommonMark type 1), so blank lines in the CSS are safe.
  return ['<style>', `@scope${prelude} {`, body.trim(), '}', '</style>'].join('\n');
}
