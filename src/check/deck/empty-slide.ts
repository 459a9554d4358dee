/** Rule `deck/empty-slide`: a slide with nothing on it, usually a doubled `---`. */
import type { VFile } from 'vfile';
import type { DeckItem } from '../../model/deck.ts';
import { allSlides } from '../../parse/slides.ts';
import { addWarning } from '../../report/messages.ts';

/** Reports slides without a heading and without content. */
export function checkEmptySlides(items: readonly DeckItem[], file: VFile): void {
  for (const slide of allSlides(items)) {
    if (slide.content.length > 0 || slide.attributes.backgroundImage) continue;
    addWarning(
      file,
      'empty slide',
      { line: slide.line, column: 1 },
      'deck/empty-slide',
      'Remove the extra `---`, or give the slide a heading or content.',
    );
  }
}
