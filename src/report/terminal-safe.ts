/**
 * Text from compilers, sanitizers and panicking programs (and from the deck itself) is printed to the
 * terminal and written into HTML and JSON. A terminal obeys the control sequences in it: `ESC ] 0 ; … BEL`
 * retitles the window, `ESC [ 2 J` clears the screen, OSC 52 writes the clipboard, OSC 8 hides a link. So
 * every escape sequence (CSI, OSC, DCS/SOS/PM/APC strings, 7- and 8-bit), every other C0/C1 control and
 * DEL are removed; only newline and tab are kept. Our own colours are added after this, by the reporter.
 */

// A string sequence (OSC, DCS, SOS, PM, APC) runs to BEL or ST; unterminated, it stops at the line's end
// so the rest of the report stays readable.
const STRING_SEQUENCE =
  /(?:\u001B[\]PX^_]|[\u0090\u0098\u009D-\u009F])(?:[^\u0007\u001B\u009C\n]|\u001B(?!\\))*(?:\u0007|\u001B\\|\u009C)?/g;
// CSI with parameters and intermediates (`ESC [ 2 J`, `ESC [ 1 ; 31 m`), 7- and 8-bit.
const CSI = /(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]?/g;
// Any other escape: ESC, intermediates, one final byte (`ESC ( B`, `ESC c`, `ESC 7`).
const ESCAPE = /\u001B[ -/]*[0-~]?/g;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** `text` without terminal control sequences and control characters (newline and tab kept). */
export function terminalSafe(text: string): string {
  if (!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(text)) return text;
  return text.replace(STRING_SEQUENCE, '').replace(CSI, '').replace(ESCAPE, '').replace(CONTROL, '');
}
