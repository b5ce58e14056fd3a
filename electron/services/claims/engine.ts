// Claim extraction engine: segments a normalised document into sentences, drops those that cannot carry a
// claim, and describes each remaining one (quantities, attribution, hedges, negation, kind, certainty, score).
import type { Attribution, Certainty, Claim, ClaimEntity, ClaimKind, ClaimSet, Quantity } from '../../../shared/types/claims.ts';
import { segment, nonClaimReason, datelineLength, wordCount } from './sentences.ts';
import { tokenize, type Tok } from './tokens.ts';
import { extractQuantities, quantityCandidates, type MarkedSpan } from './quantities.ts';
import { findAttribution, attributionCues, speakerOf, type Speaker } from './attribution.ts';
import { findHedges, isNegated } from './hedging.ts';

/** Bump when output for the same text can change, so stored claim sets get re-extracted. */
export const ENGINE_VERSION = '1.0.0';

/** CRLF/CR to LF, then NFC; nothing else, so offsets stay meaningful against the stored text. */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

const FORECAST_RE =
  /\b(?:will|won['’]t|shall|(?:is|are|was|were|be)\s+(?:expected|set|due|poised|scheduled|slated|going|planning|preparing|likely)\s+to|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|forecasts?|projected\s+to|predicts?|would)\b|['’]ll\b/i;
const PAST_RE =
  /\b(?:was|were|had|did|sent|fled|left|lost|won|took|made|fell|rose|hit|struck|went|came|became|began|grew|gave|held|kept|led|met|paid|ran|saw|said|sold|spent|stood|told|thought|brought|bought|caught|fought|built|felt|found|heard|knew|meant|shot|spoke|spread|threw|wrote|drove|flew|broke|chose|drew|sank|shrank|dug|hung|stuck|swept|withdrew|[a-z]{2,}ed)\b/;
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

function quantityType(q: Quantity): string {
  if (q.unit === 'percent' || q.unit === 'percentage points') return 'PERCENT';
  if (q.unit && /^(?:dollars|euros|pounds|yen|yuan|rubles|roubles|rupees|pesos|hryvnias)$/.test(q.unit)) return 'MONEY';
  if (q.unit && /^(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)$/.test(q.unit)) return 'DURATION';
  return 'CARDINAL';
}

function kindOf(s: string, quantities: Quantity[], share: number): ClaimKind {
  if (quantities.length) return 'quantity';
  if (share >= 0.5) return 'quote';
  if (FORECAST_RE.test(s)) return 'forecast';
  if (PAST_RE.test(s)) return 'event';
  return 'statement';
}

function scoreOf(s: string, n: number, q: number, attributed: boolean, hedged: boolean, quoteOnly: boolean): number {
  let score = 0.6;
  if (q) score += 0.15;
  if (attributed) score += 0.1;
  if (hedged) score -= 0.05;
  if (quoteOnly && !attributed) score -= 0.1;
  if (OPINION_RE.test(s)) score -= 0.25;
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
  const qc = quantityCandidates(toks);
  const cues = attributionCues(toks);
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
  for (const h of findHedges(s)) if (!hasCue(hedges, h.text)) hedges.push(h.text);
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
    kind: kindOf(s, quantities, share),
    certainty,
    hedges,
    negated: isNegated(s),
    attribution,
    quantities,
    entities,
    score: scoreOf(s, words, quantities.length, !!attribution, hedges.length > 0, quoteOnly),
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
