/** Defaults the CLI, the library and the frontmatter schema share, written once so they cannot drift apart. */

/** Output folder, relative to the project root. */
export const DEFAULT_OUT_DIR = 'dist';

/** Heading depth that starts a slide (`slideLevel` in the frontmatter). */
export const DEFAULT_SLIDE_LEVEL = 2;
