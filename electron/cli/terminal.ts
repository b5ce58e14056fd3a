// Everything the command line prints passes through here: titles, file names and text come from
// imported files, so control and escape characters are removed before they reach a terminal, where
// they could retitle the window, write the clipboard or hide what was printed.

/** C0 controls other than tab and newline, DEL, C1 controls, and the bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Marks a highlighted span in text on its way to a terminal; turned into bold after cleaning. */
export const HIGHLIGHT_OPEN = '\uE000';
export const HIGHLIGHT_CLOSE = '\uE001';

/** The text with every control and escape character removed (tab and newline kept). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** Cleans the text, then renders the highlight marks as bold (on a terminal) or brackets. */
export function forTerminal(text: string, tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  return terminalSafe(text).replaceAll(HIGHLIGHT_OPEN, open).replaceAll(HIGHLIGHT_CLOSE, close);
}
