// Claim extraction engine: segments a normalised document into sentences, drops those that cannot carry a
// claim, and describes each remaining one (quantities, attribution, hedges, negation, kind, certainty, score).
import type { Attribution, Certainty, Claim, ClaimEntity, ClaimKind, ClaimSet, Quantity } from '../../../shared/types/claims.ts';
import { segment, nonClaimReason, datelineLength, wordCount } from './sentences.ts';
import { tokenize, type Tok, LEXICON, IRREGULAR_PAST } from './tokens.ts';
import { extractQuantities, quantityCandidates, type MarkedSpan } from './quantities.ts';
import { findAttribution, attributionCues, speakerOf, type Speaker } from './attribution.ts';
import { findHedges, isNegated, mayHedge, mayNegate } from './hedging.ts';

/** Bump when output for the same text can change, so stored claim sets get re-extracted. */
export const ENGINE_VERSION = '1.0.0';

/** CRLF/CR to LF, then NFC; nothing else, so offsets stay meaningful against the stored text. */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

// Kind cues, looked up by token hash.
const FUTURE = LEXICON.define(['will', "won't", 'shall', 'would', 'forecast', 'forecasts', 'predict', 'predicts']);
const PLANS = LEXICON.define(['plan', 'plans', 'planning', 'intend', 'intends', 'aim', 'aims', 'projected']);
const EXPECTED = LEXICON.define(['expected', 'set', 'due', 'poised', 'scheduled', 'slated', 'going', 'planning', 'preparing', 'likely']);
const BE = LEXICON.define(['is', 'are', 'was', 'were', 'be']);
const TO = LEXICON.define(['to']);
const PAST = LEXICON.define([...IRREGULAR_PAST, 'was', 'were', 'had', 'did']);
const OPINION_WORDS = LEXICON.define(['think', 'believe', 'feel', 'view', 'opinion', 'seems', 'arguably', 'ought', 'shameful', 'disgraceful', 'outrageous', 'absurd', 'ridiculous', 'obviously', 'course', 'suspicious', 'skeptical', 'sceptical']);
const OPINION_RE =
  /\b(?:I think|I believe|I feel|in my (?:view|opinion)|we believe|reason to be (?:suspicious|skeptical|sceptical)|it seems|arguably|ought to|shameful|disgraceful|outrageous|absurd|ridiculous|obviously|of course)\b/i;

const QUOTE_CHARS = /["“”«»]/g;

/** Share of the sentence's characters inside double quotes (curly, straight or guillemets). */
function quotedShare(s: string): number {
  QUOTE_CHARS.lastIndex = 0;
  let m = QUOTE_CHARS.exec(s);
  if (!m) return 0;
  let inside = false;
  let from = 0;
  let n = 0;
  for (; m; m = QUOTE_CHARS.exec(s)) {
    const q = m[0];
    if (inside) n += m.index - from;
    if (q === '“' || q === '«') inside = true;
    else if (q === '”' || q === '»') inside = false;
    else inside = !inside;
    from = m.index + 1;
  }
  if (inside) n += s.length - from;
  return n / s.length;
}

function isQuoteOnly(s: string, share: number): boolean {
  return share > 0.85 && /^[“"«]/.test(s) && /[”"»][.!?…]?$|[.!?…][”"»]$/.test(s);
}

const MONEY_UNITS = new Set(['dollars', 'euros', 'pounds', 'yen', 'yuan', 'rubles', 'roubles', 'rupees', 'pesos', 'hryvnias']);
const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries']);

function quantityType(q: Quantity): string {
  if (q.unit === 'percent' || q.unit === 'percentage points') return 'PERCENT';
  if (q.unit && MONEY_UNITS.has(q.unit)) return 'MONEY';
  if (q.unit && TIME_UNITS.has(q.unit)) return 'DURATION';
  return 'CARDINAL';
}

function kindOf(s: string, toks: Tok[], flags: Int32Array, quantities: Quantity[], share: number): ClaimKind {
  if (quantities.length) return 'quantity';
  if (share >= 0.5) return 'quote';
  let past = false;
  for (let i = 0; i < toks.length; i++) {
    const f = flags[i];
    // Future: "will", "would", "plans to", "is expected to", "they'll".
    if (f & FUTURE) return 'forecast';
    if (f & (PLANS | EXPECTED) && i + 1 < toks.length && flags[i + 1] & TO && (f & PLANS || (i > 0 && flags[i - 1] & BE))) return 'forecast';
    const t = toks[i];
    const e = t.end;
    const c1 = s.charCodeAt(e - 1);
    if (c1 === 108 && s.charCodeAt(e - 2) === 108 && (s.charCodeAt(e - 3) === 39 || s.charCodeAt(e - 3) === 0x2019)) return 'forecast';
    // Past: "was", irregular past forms, or a lower-case word ending in -ed.
    if (!past && (f & PAST || (c1 === 100 && s.charCodeAt(e - 2) === 101 && e - t.start >= 4 && t.code0() >= 97 && t.code0() <= 122))) past = true;
  }
  return past ? 'event' : 'statement';
}

function scoreOf(s: string, flags: Int32Array, nt: number, n: number, q: number, attributed: boolean, hedged: boolean, quoteOnly: boolean): number {
  let score = 0.6;
  if (q) score += 0.15;
  if (attributed) score += 0.1;
  if (hedged) score -= 0.05;
  if (quoteOnly && !attributed) score -= 0.1;
  let opinion = false;
  for (let i = 0; i < nt; i++) if (flags[i] & OPINION_WORDS) opinion = true;
  if (opinion && OPINION_RE.test(s)) score -= 0.25;
  if (n < 6) score -= 0.15;
  else if (n > 70) score -= 0.1;
  return Math.round(Math.min(0.98, Math.max(0.05, score)) * 100) / 100;
}

// Pronouns and "the source" are resolved against speakers of the current and the two previous paragraphs:
// news paragraphs are short, and "He said ..." often opens the paragraph after the one naming him.
const MEMORY_PARAGRAPHS = 3;

interface Ctx {
  /** Speakers seen so far, most recent last, with the paragraph each was found in. */
  memory: Array<Speaker & { para: number }>;
  para: number;
  /** Attribution of the previous sentence when it carried a quote, for quote-only follow-ups. */
  lastQuote: Attribution | null;
}

function hasCue(list: string[], cue: string): boolean {
  const k = cue.toLowerCase();
  for (const x of list) if (x.toLowerCase() === k) return true;
  return false;
}

function byOffset(a: ClaimEntity, b: ClaimEntity): number {
  return a.start - b.start || b.end - a.end;
}

function buildClaim(text: string, start: number, end: number, ctx: Ctx, id: number, words: number): Claim {
  const s = text.slice(start, end);
  const toks: Tok[] = tokenize(s);
  const flags = LEXICON.flagsOf(toks);
  const qc = quantityCandidates(toks, flags);
  const cues = attributionCues(flags, toks.length);
  let quantities: Quantity[] = [];
  const marked: MarkedSpan[] = [];
  if (qc.length) {
    const scan = extractQuantities(s, toks, start, qc);
    quantities = scan.quantities;
    for (const e of scan.excluded) marked.push(e);
  }
  let attribution: Attribution | null = null;
  if (cues.length) {
    const found = findAttribution(s, toks, ctx.memory, start, cues);
    attribution = found.attribution;
    for (const e of found.spans) marked.push(e);
  }
  const share = quotedShare(s);
  const quoteOnly = isQuoteOnly(s, share);
  if (attribution) {
    ctx.memory.push({ ...speakerOf(attribution), para: ctx.para });
    if (ctx.memory.length > 32) ctx.memory.splice(0, ctx.memory.length - 32);
    ctx.lastQuote = share > 0.2 ? attribution : null;
  } else if (quoteOnly && ctx.lastQuote) {
    // A quote standing alone right after an attributed quote continues the same speaker.
    attribution = { source: ctx.lastQuote.source, via: [...ctx.lastQuote.via], cue: 'quote continuation' };
  } else {
    ctx.lastQuote = null;
  }

  const hedges: string[] = [];
  if (mayHedge(flags, toks.length)) for (const h of findHedges(s)) if (!hasCue(hedges, h.text)) hedges.push(h.text);
  const certainty: Certainty = hedges.length ? 'hedged' : attribution ? 'attributed' : 'asserted';

  const entities: ClaimEntity[] = [];
  for (const q of quantities) entities.push({ text: q.text, type: quantityType(q), start: q.start, end: q.end });
  for (const e of marked) if (e.type !== 'OTHER') entities.push({ text: e.text, type: e.type, start: e.start, end: e.end });
  if (entities.length > 1) entities.sort(byOffset);

  return {
    id: `c${id}`,
    start,
    end,
    text: s,
    kind: kindOf(s, toks, flags, quantities, share),
    certainty,
    hedges,
    negated: mayNegate(s, toks, flags) && isNegated(s),
    attribution,
    quantities,
    entities,
    score: scoreOf(s, flags, toks.length, words, quantities.length, !!attribution, hedges.length > 0, quoteOnly),
  };
}

/** Extract claims from normalised text (see normalizeText). Offsets index into `text`. */
export function extractClaims(text: string): ClaimSet {
  const claims: Claim[] = [];
  const ctx: Ctx = { memory: [], para: -1, lastQuote: null };
  for (const sent of segment(text)) {
    if (sent.para !== ctx.para) {
      ctx.para = sent.para;
      ctx.lastQuote = null;
      // Forget speakers older than the resolution window.
      let drop = 0;
      while (drop < ctx.memory.length && ctx.memory[drop].para <= ctx.para - MEMORY_PARAGRAPHS) drop++;
      if (drop) ctx.memory.splice(0, drop);
    }
    let { start } = sent;
    const { end } = sent;
    if (sent.first) start += datelineLength(text.slice(start, Math.min(end, start + 120)));
    if (start >= end) continue;
    const s = text.slice(start, end);
    const words = wordCount(s);
    if (nonClaimReason(s, sent.alone, words)) {
      ctx.lastQuote = null;
      continue;
    }
    claims.push(buildClaim(text, start, end, ctx, claims.length + 1, words));
  }
  return { text, claims, engineVersion: ENGINE_VERSION };
}
