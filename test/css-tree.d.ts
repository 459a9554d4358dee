/** The part of css-tree that test/links/css-urls.test.ts uses: the package ships no type declarations. */
declare module 'css-tree' {
  /** CSS Syntax Level 3 tokens of `css`, each as its type and offsets. */
  export function tokenize(css: string, onToken: (type: number, start: number, end: number) => void): void;
  export const tokenTypes: Record<'Url' | 'Function' | 'String' | 'WhiteSpace' | 'RightParenthesis', number>;
}
