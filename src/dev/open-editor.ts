/** Opens a source file at a diagnostic's position in the user's editor. */
import launchEditor from 'launch-editor';

/**
 * launch-editor (what Vite's overlay uses) picks `$LAUNCH_EDITOR`, a running editor it recognises, or
 * `$VISUAL`/`$EDITOR`, and knows each editor's way of taking a position (`code -g f:l:c`, `vim +l f`, …).
 */
export function openInEditor(file: string, line: number, column: number): void {
  launchEditor(`${file}:${line}:${column}`, undefined, () => undefined);
}
