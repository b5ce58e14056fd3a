// Finds a quoted passage in a text that may have changed since the quote was taken: verbatim first,
// then with whitespace folded (a PDF's line breaks, a web page's indentation), then approximately with
// approx-string-match (Myers' bit-parallel algorithm, the matcher Hypothesis anchors with), scoring each
// candidate by the quote, its prefix and suffix, and how near it lies to the old position.
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../../../shared/types/anchors.ts';
import { contextAgreement } from './anchors.ts';

export type MatchKind = 'exact' | 'whitespace' | 'fuzzy';

export interface QuoteMatch {
  start: number;
  end: number;
  kind: MatchKind;
  /** 0 to 1: how well quote and context agree with the text found. */
  score: number;
}

/** A text prepared once for many quotes: its whitespace-folded form and the way back to its offsets. */
export interface PreparedText {
  text: string;
  folded: string;
  /** folded index → index in `text` (one entry past the end as well). */
  toOriginal: Int32Array;
}

/** Quotes shorter than this are only found verbatim: a few letters match almost anywhere approximately. */
const MIN_FUZZY_CHARS = 12;
/** Approximate matches must keep at least this share of the quote. */
const MIN_QUOTE_SIMILARITY = 0.65;
/** The most errors an approximate search allows, as in Hypothesis's anchoring: it bounds the search's cost. */
const MAX_ERRORS = 256;
/** At most this many verbatim occurrences are scored by their context. */
const MAX_EXACT_CANDIDATES = 2000;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

function fold(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function prepareText(text: string): PreparedText {
  const toOriginal = new Int32Array(text.length + 1);
  let folded = '';
  let j = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text[i]!);
    if (space && inSpace) continue;
    inSpace = space;
    folded += space ? ' ' : text[i];
    toOriginal[j++] = i;
  }
  toOriginal[j] = text.length;
  return { text, folded, toOriginal: toOriginal.subarray(0, j + 1) };
}

/** 0 to 1: how closely `pattern` occurs in `text`, allowing up to its own length in errors. */
function similarity(text: string, pattern: string): number {
  if (!pattern) return 1;
  if (!text) return 0;
  const matches = search(text, pattern, pattern.length);
  if (!matches.length) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / pattern.length;
}

function positionScore(start: number, hint: number | undefined, length: number): number {
  return hint === undefined || !length ? 1 : 1 - Math.min(1, Math.abs(start - hint) / length);
}

/** The best verbatim occurrence of `exact` in `text`, judged by its context and the hint. */
function bestVerbatim(text: string, quote: TextQuoteSelector, hint: number | undefined): { start: number; score: number } | null {
  let best: { start: number; context: number; distance: number } | null = null;
  let seen = 0;
  for (let at = text.indexOf(quote.exact); at >= 0 && seen < MAX_EXACT_CANDIDATES; at = text.indexOf(quote.exact, at + 1), seen++) {
    const context = contextAgreement(text, at, quote);
    const distance = hint === undefined ? 0 : Math.abs(at - hint);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) best = { start: at, context, distance };
  }
  if (!best) return null;
  const contextLength = (quote.prefix?.length ?? 0) + (quote.suffix?.length ?? 0);
  return { start: best.start, score: contextLength ? 0.5 + (0.5 * best.context) / contextLength : 1 };
}

/**
 * Where `quote` lies in the prepared text, or null when it cannot be found with confidence. `hint` is
 * the quote's old start offset (a TextPositionSelector), used to choose between equal candidates;
 * `fuzzy: false` skips the approximate search (when looking through many documents at once).
 */
export function matchQuote(prepared: PreparedText, quote: TextQuoteSelector, hint?: number, options: { fuzzy?: boolean } = {}): QuoteMatch | null {
  const { text, folded, toOriginal } = prepared;
  if (!quote.exact || !quote.exact.trim()) return null;
  const verbatim = bestVerbatim(text, quote, hint);
  if (verbatim) return { start: verbatim.start, end: verbatim.start + quote.exact.length, kind: 'exact', score: verbatim.score };

  // Positions in the folded text come back to the original through toOriginal.
  const back = (start: number, end: number) => ({ start: toOriginal[start]!, end: toOriginal[end - 1]! + 1 });
  const exact = fold(quote.exact);
  const prefix = fold(quote.prefix ?? '');
  const suffix = fold(quote.suffix ?? '');
  const foldedHint = hint === undefined ? undefined : lowerBound(toOriginal, hint);
  const whitespace = bestVerbatim(folded, { exact, prefix, suffix }, foldedHint);
  if (whitespace) return { ...back(whitespace.start, whitespace.start + exact.length), kind: 'whitespace', score: whitespace.score };

  const core = exact.trim();
  if (options.fuzzy === false || core.length < MIN_FUZZY_CHARS) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(core.length / 2));
  const candidates = search(folded, core, maxErrors);
  let best: { start: number; end: number; score: number; quoteScore: number } | null = null;
  for (const candidate of candidates) {
    const quoteScore = 1 - candidate.errors / core.length;
    const prefixScore = similarity(folded.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix);
    const suffixScore = similarity(folded.slice(candidate.end, candidate.end + suffix.length), suffix);
    const score =
      (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore(candidate.start, foldedHint, folded.length)) /
      (WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position);
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score, quoteScore };
  }
  if (!best || best.quoteScore < MIN_QUOTE_SIMILARITY) return null;
  return { ...back(best.start, best.end), kind: 'fuzzy', score: best.score };
}

/** The first folded index whose original offset is at or after `offset`. */
function lowerBound(toOriginal: Int32Array, offset: number): number {
  let lo = 0;
  let hi = toOriginal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toOriginal[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
