import { describe, expect, it } from 'vitest';
import { checkUnclosedContainers } from '../../../src/check/deck/unclosed-container.ts';
import { parseMarkdown } from '../../../src/parse/parser.ts';
import { vfileOf } from '../../helpers.ts';

function messages(markdown: string): string[] {
  const file = vfileOf(markdown);
  checkUnclosedContainers(parseMarkdown(file), file);
  return file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
}

describe('deck/unclosed-container', () => {
  it("catches a container whose missing ::: is supplied by the next slide's notes", () => {
    const markdown = '## Slide\n\n:::incremental\n- one\n\n## Next\n\n:::notes\nNotes.\n:::\n';
    expect(messages(markdown)).toEqual([
      '3:1 container `:::incremental` holds the heading "Next": its closing `:::` is probably missing',
    ]);
  });

  it('catches notes swallowed by an unclosed fragment on the same slide', () => {
    const markdown = '## Slide\n\n:::fragment\nLater.\n\n:::notes\nNotes.\n:::\n\n:::notes\nMore.\n:::\n';
    expect(messages(markdown)[0]).toMatch(/^3:1 container `:::fragment` holds a `:::notes` block/);
  });

  it('accepts properly nested containers, including notes with their own headings-free content', () => {
    expect(
      messages(
        '## S\n\n:::::columns\n::::column\n:::incremental\n- a\n:::\n::::\n:::::\n\n:::notes\n### not a slide ' +
          'heading\n:::\n',
      ),
    ).toEqual([]);
  });
});
