/**
 * zod's mini build, set to English messages once for every schema (the full build costs ~10 ms of
 * every start-up; the mini one has no messages until a locale is configured).
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
