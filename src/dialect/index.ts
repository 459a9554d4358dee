/** The dialect registry: one module per dialect, looked up by name. */
import { marp } from './marp.ts';
import { pandoc } from './pandoc.ts';
import { proofdeck } from './proofdeck.ts';
import { reveal, revealMd } from './reveal.ts';
import { slidev } from './slidev.ts';
import type { Dialect, DialectName } from './types.ts';

export const DIALECT_MODULES: Readonly<Record<DialectName, Dialect>> = {
  proofdeck,
  pandoc,
  reveal,
  'reveal-md': revealMd,
  marp,
  slidev,
};
