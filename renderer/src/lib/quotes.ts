// Quoting a passage that may carry its own quotation marks: the app adds one pair around it, so the marks
// that open or close the passage itself are taken off first (never ““Egyptians…””), while marks that
// belong to a quotation inside it stay.

const PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['«', '»'],
  ['„', '“'],
  ['‘', '’'],
];

function count(text: string, mark: string): number {
  return text.split(mark).length - 1;
}

/** `text` without quotation marks at its edges that would double the pair the app puts around it. */
export function unquoted(text: string): string {
  let out = text.trim();
  for (const [open, close] of PAIRS) {
    // A mark at an edge goes when it has no partner inside: the passage starts or ends a quotation.
    if (out.startsWith(open) && (out.endsWith(close) || count(out, open) > count(out, close))) out = out.slice(open.length);
    if (out.endsWith(close) && count(out, close) > count(out, open)) out = out.slice(0, -close.length);
  }
  // Straight quotes have no sides: one at each edge, or an odd one out at an edge.
  if (out.startsWith('"') && (out.endsWith('"') || count(out, '"') % 2 === 1)) out = out.slice(1);
  if (out.endsWith('"') && count(out, '"') % 2 === 1) out = out.slice(0, -1);
  return out.trim();
}
