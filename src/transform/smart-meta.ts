/**
 * The frontmatter's text (title, subtitle, author, event, abstract) with the body's smart punctuation: pandoc reads
 * these as markdown with `smart` on, so its title slide, `<title>` and author meta all say “Rust’s”, not "Rust's".
 */
import type { Paragraph, Text } from 'mdast';
import type { DeckMeta } from '../model/deck.ts';
import { type SmartPunctuation, smartPunctuationFor, withSmartPunctuation } from './smart-punctuation.ts';

const TEXT_KEYS = ['title', 'subtitle', 'author', 'event', 'abstract'] as const;

/** One line of plain text smartened as the body's text is. */
function smartText(value: string, mode: Exclude<SmartPunctuation, 'off'>): string {
  const text: Text = { type: 'text', value };
  const paragraph: Paragraph = { type: 'paragraph', children: [text] };
  // withSmartPunctuation puts the text back afterwards: read it while it is smart.
  return withSmartPunctuation([paragraph], mode, () => text.value);
}

/** The meta with its text smartened as the deck's body is (`smartypants`, else the dialect's own rule). */
export function smartMeta<M extends DeckMeta>(meta: M): M {
  const mode = smartPunctuationFor(meta.dialect, meta.smartypants);
  if (mode === 'off') return meta;
  const smart = { ...meta };
  for (const key of TEXT_KEYS) {
    const value = meta[key];
    if (typeof value === 'string') smart[key] = smartText(value, mode);
  }
  return smart;
}
