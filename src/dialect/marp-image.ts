/**
 * Marp's image syntax: keywords in the alt text (`![bg left:40% contain](x.png)`, `![w:600 h:300](x.png)`),
 * read as marpit reads them; the remaining words are the alt text.
 */

/** What the alt text of one Marp image says. */
export interface MarpImage {
  alt: string;
  background: boolean;
  /** `left` / `right` split background, with its optional size (`left:40%`). */
  split?: { side: 'left' | 'right'; size?: string };
  /** `contain`, `cover`, `fit`, `auto` or a percentage: how a background is sized. */
  size?: string;
  width?: string;
  height?: string;
  vertical: boolean;
  /** CSS filter keywords (`sepia`, `blur:10px`), which proofdeck does not apply. */
  filters: string[];
}

const FILTERS = new Set([
  'blur',
  'brightness',
  'contrast',
  'drop-shadow',
  'grayscale',
  'hue-rotate',
  'invert',
  'opacity',
  'saturate',
  'sepia',
]);
const SIZE_KEYWORDS = new Set(['contain', 'cover', 'fit', 'auto']);

/** A bare number means pixels, as in marpit. */
const length = (value: string): string => (/^\d+(\.\d+)?$/.test(value) ? `${value}px` : value);

/** Reads the keywords of one image's alt text. */
export function readMarpImage(altText: string): MarpImage {
  const image: MarpImage = { alt: '', background: false, vertical: false, filters: [] };
  const words: string[] = [];
  for (const word of altText.split(/\s+/).filter(Boolean)) {
    const [key = '', value] = word.split(/:(.*)/s, 2) as [string, string | undefined];
    if (word === 'bg') image.background = true;
    else if (word === 'vertical') image.vertical = true;
    else if (SIZE_KEYWORDS.has(word) || /^\d+(\.\d+)?%$/.test(word)) image.size = word;
    else if (key === 'left' || key === 'right') image.split = value ? { side: key, size: value } : { side: key };
    else if ((key === 'w' || key === 'width') && value) image.width = length(value);
    else if ((key === 'h' || key === 'height') && value) image.height = length(value);
    else if (FILTERS.has(key)) image.filters.push(word);
    else words.push(word);
  }
  image.alt = words.join(' ');
  // Outside `bg`, marpit treats `left`/`right`/sizes as plain words of the alt text.
  if (!image.background) {
    const plain = [image.split ? image.split.side : undefined, image.size].filter((w): w is string => !!w);
    if (plain.length > 0) image.alt = [...plain, image.alt].filter(Boolean).join(' ');
    delete image.split;
    delete image.size;
  }
  return image;
}
