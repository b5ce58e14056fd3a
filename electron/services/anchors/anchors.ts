// Creates and re-attaches text anchors (quote + context + position), so notes and review decisions
// find their passage again after re-extraction or when offsets shift.
import type { TextAnchor } from '../../../shared/types/anchors.ts';

const CONTEXT = 32;

export function makeAnchor(text: string, start: number, end: number): TextAnchor {
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    position: { start, end },
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How many characters of the quote's context agree with the text around an occurrence at `at`. */
export function contextAgreement(text: string, at: number, quote: { exact: string; prefix?: string; suffix?: string }): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const end = at + quote.exact.length;
  return commonSuffixLength(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonPrefixLength(text.slice(end, end + suffix.length), suffix);
}

/**
 * Finds the anchored passage in `text`: the stored position when it still holds the quote, otherwise
 * the occurrence of the quote whose surrounding context matches best, nearest the old position on ties.
 * Returns null when the quote no longer occurs (the anchor is orphaned).
 */
export function resolveAnchor(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  const { exact } = anchor.quote;
  const { start } = anchor.position;
  if (!exact) return null;
  if (text.slice(start, start + exact.length) === exact) return { start, end: start + exact.length };
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = contextAgreement(text, at, anchor.quote);
    const distance = Math.abs(at - start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}
