/** Helpers for mapping a dialect's frontmatter keys onto proofdeck's. */
import type { MappedFrontmatter } from './types.ts';
import { ASPECT_RATIOS, aspectRatioOf, slideNumbersOf } from '../model/deck.ts';

/** What a dialect key becomes: proofdeck keys and values, `consumed` (used by the dialect itself), or a reason. */
export type KeyMapping = (
  value: unknown,
  all: Readonly<Record<string, unknown>>,
) => Record<string, unknown> | 'consumed' | string;

/** Keys every dialect shares with proofdeck verbatim. */
const PROOFDECK_KEYS = new Set([
  'title',
  'subtitle',
  'author',
  'date',
  'event',
  'abstract',
  'theme',
  'slideLevel',
  'transition',
  'kind',
  'titleSlide',
  'slideNumbers',
  'header',
  'footer',
  'logo',
  'aspectRatio',
  'background',
  'from',
  'dialect',
]);

/** A person or a list of people (pandoc/Quarto `author:` may be a list or `{name: …}` objects). */
export function names(value: unknown): string | undefined {
  const one = (item: unknown): string | undefined =>
    typeof item === 'string'
      ? item
      : item && typeof item === 'object' && 'name' in item && typeof item.name === 'string'
        ? item.name
        : undefined;
  if (Array.isArray(value)) {
    const all = value.map(one).filter((name): name is string => !!name);
    return all.length > 0 ? all.join(', ') : undefined;
  }
  return one(value);
}

/** Runs a key table over the data: proofdeck keys pass, mapped keys map, the rest is reported as ignored. */
export function mapKeys(data: Record<string, unknown>, table: Readonly<Record<string, KeyMapping>>): MappedFrontmatter {
  const result: MappedFrontmatter = { data: {}, ignored: [] };
  for (const [key, value] of Object.entries(data)) {
    const mapping = table[key];
    if (mapping) {
      const mapped = mapping(value, data);
      if (mapped === 'consumed') continue;
      if (typeof mapped === 'string') result.ignored.push({ key, reason: mapped });
      else Object.assign(result.data, mapped);
      continue;
    }
    if (key === 'theme') result.data.theme = themeOf(value);
    else if (PROOFDECK_KEYS.has(key)) result.data[key] = value;
    else result.ignored.push({ key, reason: 'proofdeck has no equivalent' });
  }
  return result;
}

/** A width × height pair → proofdeck's aspect ratio spelling. */
const aspectOf = (width: unknown, height: unknown) => aspectRatioOf(Number(width), Number(height));

/** reveal.js config options (reveal-md `revealOptions`, Quarto `format: revealjs:`) → proofdeck keys. */
export function revealOptions(options: unknown, prefix = ''): MappedFrontmatter {
  const result: MappedFrontmatter = { data: {}, ignored: [] };
  if (!options || typeof options !== 'object') return result;
  const record = options as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'transition' && typeof value === 'string') result.data.transition = value;
    else if (key === 'slideNumber' || key === 'slide-number') result.data.slideNumbers = slideNumbersOf(value);
    else if (key === 'width' || key === 'height') {
      const aspect = aspectOf(record.width, record.height);
      if (aspect) result.data.aspectRatio = aspect;
      else
        result.ignored.push({ key: prefix + key, reason: `proofdeck renders ${ASPECT_RATIOS.join(', ')} decks only` });
    } else if (key === 'theme') result.data.theme = themeOf(value);
    else if (key === 'footer' || key === 'logo') result.data[key] = value;
    else if (key === 'slide-level') result.data.slideLevel = value;
    else if (key === 'incremental') result.data.incremental = value === true;
    else result.ignored.push({ key: prefix + key, reason: 'proofdeck has no equivalent reveal.js option' });
  }
  return result;
}

/** reveal.js's, reveal-md's and Quarto's built-in themes → proofdeck's dark or light theme. */
const THEME_TONE: Readonly<Record<string, 'dark' | 'light'>> = {
  black: 'dark',
  'black-contrast': 'dark',
  night: 'dark',
  league: 'dark',
  moon: 'dark',
  blood: 'dark',
  dracula: 'dark',
  white: 'light',
  'white-contrast': 'light',
  beige: 'light',
  sky: 'light',
  serif: 'light',
  simple: 'light',
  solarized: 'light',
  default: 'light',
};

/** A tool's theme name as proofdeck's (`black` → `dark`); others are kept and checked against themes/. */
function themeOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const name =
    value
      .replace(/\.css$/, '')
      .split('/')
      .at(-1) ?? value;
  return THEME_TONE[name] ?? value;
}
