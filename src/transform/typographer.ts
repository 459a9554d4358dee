/**
 * markdown-it's `typographer` as Slidev configures it (`quotes: '""\'\''`): its replacements (`--` → –, `---` → —,
 * `..` → …, `(c)` → ©, `(tm)` → ™, `(r)` → ®, `+-` → ±) and its apostrophes (’), with quotation marks left straight.
 * A port of markdown-it 14's rules_core/replacements and smartquotes over one text, so a Slidev deck reads as it does
 * in Slidev; test/transform/typographer.test.ts checks it against markdown-it itself.
 */

const SCOPED = { c: '©', r: '®', tm: '™' } as const;

/** markdown-it rewrites a text only when one of these occurs in it (so a typed `?…` stays). */
const RARE = /\+-|\.\.|\?\?\?\?|!!!!|,,|--/;

function replaceRare(text: string): string {
  if (!RARE.test(text)) return text;
  return text
    .replace(/\+-/g, '±')
    .replace(/\.{2,}/g, '…')
    .replace(/([?!])…/g, '$1..')
    .replace(/([?!]){4,}/g, '$1$1$1')
    .replace(/,{2,}/g, ',')
    .replace(/(^|[^-])---(?=[^-]|$)/gm, '$1\u2014')
    .replace(/(^|\s)--(?=\s|$)/gm, '$1\u2013')
    .replace(/(^|[^-\s])--(?=[^-\s]|$)/gm, '$1\u2013');
}

const isWhiteSpace = (char: string) => /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/.test(char);
const isPunctuation = (char: string) => /^[\p{P}\p{S}]$/u.test(char);

interface Opener {
  single: boolean;
}

/** Where markdown-it would turn a `'` into an apostrophe (its quotation marks stay straight under Slidev). */
function apostrophes(text: string): Set<number> {
  const found = new Set<number>();
  const stack: Opener[] = [];
  for (const match of text.matchAll(/['"]/g)) {
    const at = match.index;
    const single = match[0] === "'";
    const last = text[at - 1] ?? ' ';
    const next = text[at + 1] ?? ' ';
    const lastPunct = isPunctuation(last);
    const nextPunct = isPunctuation(next);
    let canOpen = !isWhiteSpace(next) && !(nextPunct && !(isWhiteSpace(last) || lastPunct));
    let canClose = !isWhiteSpace(last) && !(lastPunct && !(isWhiteSpace(next) || nextPunct));
    if (!single && next === '"' && last >= '0' && last <= '9') canOpen = canClose = false;
    if (canOpen && canClose) {
      canOpen = lastPunct;
      canClose = nextPunct;
    }
    if (!canOpen && !canClose) {
      if (single) found.add(at);
      continue;
    }
    const opener = canClose ? stack.findLastIndex((item) => item.single === single) : -1;
    if (opener >= 0) stack.length = opener;
    else if (canOpen) stack.push({ single });
    else if (single) found.add(at);
  }
  return found;
}

/** `text` as markdown-it's typographer with straight quotes writes it. */
export function typographer(text: string): string {
  const replaced = replaceRare(
    text.replace(/\((c|tm|r)\)/gi, (_match, name: string) => SCOPED[name.toLowerCase() as keyof typeof SCOPED]),
  );
  const marks = apostrophes(replaced);
  if (marks.size === 0) return replaced;
  let out = '';
  let from = 0;
  for (const at of marks) {
    out += `${replaced.slice(from, at)}\u2019`;
    from = at + 1;
  }
  return out + replaced.slice(from);
}
