// Claim extraction engine: segments a normalised document into sentences, drops those that cannot carry a
// claim, and describes each remaining one (quantities, attribution, hedges, negation, kind, certainty, score).
import type { Attribution, Certainty, Claim, ClaimEdits, ClaimEntity, ClaimKind, ClaimSet, Quantity } from '../../../shared/types/claims.ts';
import { segment, nonClaimReason, datelineLength, wordCount } from './sentences.ts';
import { tokenize, type Tok, LEXICON, IRREGULAR_PAST } from './tokens.ts';
import { extractQuantities, quantityCandidates, type MarkedSpan } from './quantities.ts';
import { findAttribution, attributionCues, speakerOf, type Speaker } from './attribution.ts';
import { findHedges, isNegated, mayHedge, mayNegate } from './hedging.ts';
import { grammar, opinion, units } from '../../../shared/lexicon/index.ts';

/** Bump when output for the same text can change, so stored claim sets get re-extracted. */
export const ENGINE_VERSION = '1.2.0';

/** CRLF/CR to LF, then NFC; nothing else, so offsets stay meaningful against the stored text. */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC');
}

// Kind cues, looked up by token hash (shared/lexicon/grammar.json).
const FUTURE = LEXICON.define(grammar.engine.future);
const PLANS = LEXICON.define(grammar.engine.plans);
const EXPECTED = LEXICON.define(grammar.engine.expected);
const BE = LEXICON.define(grammar.engine.be);
const TO = LEXICON.define(['to']);
const PAST = LEXICON.define([...IRREGULAR_PAST, ...grammar.engine.pastAuxiliaries]);

const QUOTE_CHARS = /["“”«»]/g;

/** Share of the sentence's characters inside double quotes (curly, straight or guillemets); `inside`: it starts within one. */
function quotedShare(s: string, inside = false): number {
  QUOTE_CHARS.lastIndex = 0;
  let m = QUOTE_CHARS.exec(s);
  if (!m) return inside ? 1 : 0;
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
  if (q.canonicalUnit?.dimension === 'currency') return 'MONEY';
  if (q.unit && units.timeUnits.has(q.unit)) return 'DURATION';
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

function scoreOf(n: number, q: number, attributed: boolean, hedged: boolean, quoteOnly: boolean, opinion: boolean): number {
  let score = 0.6;
  if (q) score += 0.15;
  if (attributed) score += 0.1;
  if (hedged) score -= 0.05;
  if (quoteOnly && !attributed) score -= 0.1;
  if (opinion) score -= 0.25;
  if (n < 6) score -= 0.15;
  else if (n > 70) score -= 0.1;
  return Math.round(Math.min(0.98, Math.max(0.05, score)) * 100) / 100;
}

// Evaluation and speculation in the writer's own voice (shared/lexicon/opinion.json).
const escapeRe = (f: string): string => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+');
const OPINION_RE = new RegExp(
  [`\\b(?:${[...opinion.phrases].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})\\b`, ...opinion.patterns].join('|'),
  'i',
);

/** The sentence with quoted passages blanked out, so words inside quotes never count as the writer's. */
function unquoted(s: string): string {
  return s.indexOf('“') < 0 && s.indexOf('"') < 0 ? s : s.replace(/“[^”]*(?:”|$)|"[^"]*(?:"|$)/g, ' ');
}

/** True when the writer evaluates or speculates: an opinion cue outside quotes, with no one else named as saying it. */
function isOpinion(s: string, attributed: boolean, share: number): boolean {
  if (attributed || share >= 0.5) return false;
  return OPINION_RE.test(unquoted(s));
}

// Pronouns and "the source" are resolved against speakers of recent paragraphs: news paragraphs are short, and
// "He said ..." often opens the paragraph after the one naming him. Speakers are kept longer for "she added"
// many paragraphs on, which resolves only when a single speaker agrees (see attribution.ts).
const MEMORY_PARAGRAPHS = 10;

interface Ctx {
  /** Speakers seen so far, most recent last, with the paragraph each was found in. */
  memory: Speaker[];
  para: number;
}

function hasCue(list: string[], cue: string): boolean {
  const k = cue.toLowerCase();
  for (const x of list) if (x.toLowerCase() === k) return true;
  return false;
}

function byOffset(a: ClaimEntity, b: ClaimEntity): number {
  return a.start - b.start || b.end - a.end;
}

/** What the quote-continuity pass needs to know about a claim beyond the claim itself. */
interface QuoteInfo {
  claim: Claim;
  para: number;
  /** Quotations (numbered in document order) this sentence has text in. */
  quotes: number[];
  /** Share of the sentence inside quotation marks. */
  share: number;
  /** The claim's attribution was found in the sentence itself. */
  ownSource: boolean;
}

function buildClaim(text: string, start: number, end: number, ctx: Ctx, id: number, words: number, share: number): Claim {
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
    const found = findAttribution(s, toks, ctx.memory, start, cues, ctx.para);
    attribution = found.attribution;
    for (const e of found.spans) marked.push(e);
  }
  const quoteOnly = isQuoteOnly(s, share);
  if (attribution) {
    ctx.memory.push({ ...speakerOf(attribution), para: ctx.para });
    if (ctx.memory.length > 48) ctx.memory.splice(0, ctx.memory.length - 48);
  }

  const hedges: string[] = [];
  const reported = !!attribution || share > 0;
  if (mayHedge(flags, toks.length)) for (const h of findHedges(s, { reported })) if (!hasCue(hedges, h.text)) hedges.push(h.text);
  const certainty: Certainty = hedges.length ? 'hedged' : attribution ? 'attributed' : 'asserted';
  const opinion = isOpinion(s, !!attribution, share);

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
    score: scoreOf(words, quantities.length, !!attribution, hedges.length > 0, quoteOnly, opinion),
    opinion,
  };
}

/**
 * Follows quotation marks across sentences and paragraphs. A quotation opens at an opening mark and closes at
 * its closing mark; by news convention a quotation running on into the next paragraph leaves its closing mark
 * off and opens the new paragraph with a fresh opening mark, so an open quotation survives a paragraph break
 * only when the next paragraph starts with one.
 */
class QuoteTracker {
  private open = false;
  private id = -1;

  /** Quotations touched by text[start, end) (a sentence), updating the state; `newPara` when it opens a paragraph. */
  scan(text: string, start: number, end: number, newPara: boolean): { touched: number[]; openAtStart: boolean } {
    let i = start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const opensWithMark = text[i] === '“' || text[i] === '"' || text[i] === '«';
    if (newPara && this.open && !opensWithMark) this.open = false;
    const touched: number[] = [];
    let continuing = newPara && this.open && opensWithMark;
    if (this.open) touched.push(this.id);
    const openAtStart = this.open && !continuing;
    for (; i < end; i++) {
      const c = text[i];
      if (c !== '“' && c !== '”' && c !== '"' && c !== '«' && c !== '»') continue;
      const opening = c === '“' || c === '«' || (c === '"' && !this.open);
      if (opening) {
        if (continuing) {
          continuing = false;
          continue;
        }
        if (!this.open) {
          this.open = true;
          this.id++;
          touched.push(this.id);
        }
      } else this.open = false;
    }
    return { touched, openAtStart };
  }
}

/**
 * Quote continuity: every sentence of a quotation that names no speaker of its own takes the speaker named in
 * the quotation's other sentences ("“...,” he said" closing the last one), the nearest one when several are;
 * a quotation with no speaker inside takes the speaker named earlier in the paragraph it opens in.
 */
function carryQuoteSpeakers(infos: QuoteInfo[]): void {
  const byQuote = new Map<number, number[]>();
  infos.forEach((info, k) => {
    for (const q of info.quotes) {
      let list = byQuote.get(q);
      if (!list) byQuote.set(q, (list = []));
      list.push(k);
    }
  });
  for (const members of byQuote.values()) {
    const speakers = members.filter((k) => infos[k].ownSource && infos[k].claim.attribution);
    let fallback: Attribution | null = null;
    if (!speakers.length) {
      // "Ines Park said the plan had failed. “We warned them.”": the paragraph's earlier speaker, or the speaker
      // of the sentence just before when the quotation opens the next paragraph.
      const first = members[0];
      for (let k = first - 1; k >= 0 && infos[k].para === infos[first].para; k--) {
        if (infos[k].ownSource && infos[k].claim.attribution) {
          fallback = infos[k].claim.attribution;
          break;
        }
      }
      const prev = infos[first - 1];
      if (!fallback && prev && prev.para === infos[first].para - 1 && prev.ownSource && prev.claim.attribution) fallback = prev.claim.attribution;
      if (!fallback) continue;
    }
    for (const k of members) {
      const info = infos[k];
      if (info.claim.attribution || info.share < 0.5) continue;
      let from = fallback;
      let best = Infinity;
      for (const j of speakers) {
        if (Math.abs(j - k) < best) {
          best = Math.abs(j - k);
          from = infos[j].claim.attribution;
        }
      }
      if (!from) continue;
      const carried: Attribution = { source: from.source, via: [...from.via], cue: 'quote continuation' };
      if (from.resolvedFrom) carried.resolvedFrom = from.resolvedFrom;
      info.claim.attribution = carried;
      if (info.claim.certainty === 'asserted') info.claim.certainty = 'attributed';
      info.claim.opinion = false;
    }
  }
}

/**
 * A line that introduces what follows ("President Obama also said:", "The ministry wrote on Monday:") names
 * the speaker of the next paragraph: its sentences that name no one themselves are theirs.
 */
interface LeadIn {
  attribution: Attribution;
  para: number;
}

/** The text of a sentence as compared for repeats: case and spacing folded. */
function sameSentenceKey(s: string): string {
  return s.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A line of its own printed again (a photo caption above the photo and in the gallery, a pull quote) is
 * one claim: repeats of at least this many words are dropped.
 */
const REPEAT_MIN_WORDS = 4;

/** Extract claims from normalised text (see normalizeText). Offsets index into `text`. */
export function extractClaims(text: string): ClaimSet {
  const claims: Claim[] = [];
  const infos: QuoteInfo[] = [];
  const ctx: Ctx = { memory: [], para: -1 };
  const quotes = new QuoteTracker();
  const seen = new Set<string>();
  let leadIn: LeadIn | null = null;
  for (const sent of segment(text)) {
    const newPara = sent.para !== ctx.para;
    if (newPara) {
      ctx.para = sent.para;
      // Forget speakers older than the resolution window.
      let drop = 0;
      while (drop < ctx.memory.length && (ctx.memory[drop].para ?? 0) <= ctx.para - MEMORY_PARAGRAPHS) drop++;
      if (drop) ctx.memory.splice(0, drop);
    }
    const { touched, openAtStart } = quotes.scan(text, sent.start, sent.end, newPara);
    let { start } = sent;
    const { end } = sent;
    if (sent.first) start += datelineLength(text.slice(start, Math.min(end, start + 120)));
    if (start >= end) continue;
    const s = text.slice(start, end);
    const words = wordCount(s);
    const reason = nonClaimReason(s, sent.alone, words);
    // A line of its own ending in a colon reads as a heading or a lead-in; either way it may name a speaker.
    if ((reason === 'lead-in' || reason === 'heading') && /:[\s”"’]*$/.test(s)) {
      // Not a claim itself, but it names who speaks next.
      const introduced = buildClaim(text, start, end, ctx, 0, words, 0).attribution;
      leadIn = introduced ? { attribution: introduced, para: sent.para } : null;
      continue;
    }
    if (newPara && leadIn && sent.para > leadIn.para + 1) leadIn = null;
    if (reason) continue;
    if (sent.alone && words >= REPEAT_MIN_WORDS) {
      const key = sameSentenceKey(s);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const share = touched.length ? quotedShare(s, openAtStart) : 0;
    const claim = buildClaim(text, start, end, ctx, claims.length + 1, words, share);
    const ownSource = !!claim.attribution;
    if (!claim.attribution && leadIn && sent.para === leadIn.para + 1) {
      claim.attribution = { source: leadIn.attribution.source, via: [...leadIn.attribution.via], cue: 'lead-in' };
      if (leadIn.attribution.resolvedFrom) claim.attribution.resolvedFrom = leadIn.attribution.resolvedFrom;
      if (claim.certainty === 'asserted') claim.certainty = 'attributed';
      claim.opinion = false;
    }
    claims.push(claim);
    infos.push({ claim, para: sent.para, quotes: touched, share, ownSource });
  }
  carryQuoteSpeakers(infos);
  return { text, claims, engineVersion: ENGINE_VERSION };
}

/** How far back a passage's reading looks for its speaker: a few paragraphs of news. */
const PASSAGE_CONTEXT_CHARS = 4000;

/** The claim's fields as a correction would set them. */
function asEdits(claim: Pick<Claim, 'attribution' | 'certainty' | 'kind' | 'negated' | 'quantities'>): ClaimEdits {
  return {
    source: claim.attribution?.source ?? null,
    via: claim.attribution?.via ?? [],
    certainty: claim.certainty,
    kind: claim.kind,
    negated: claim.negated,
    quantities: claim.quantities.map((q) => ({ low: q.low, high: q.high, unit: q.unit, approximate: q.approximate, bound: q.bound, text: q.text })),
  };
}

/**
 * The engine's reading of a passage an analyst marks as a claim: its figures, hedges, negation, kind and
 * who says it, read as the full extraction reads it: the paragraphs before give pronouns, quotations and
 * lead-ins ("President Obama also said:") their speaker. A passage the engine takes for no claim of its own
 * (a question, a fragment) is read alone, with the speaker of a lead-in line just before it.
 */
export function readPassage(text: string, start: number, end: number): ClaimEdits {
  let from = Math.max(0, start - PASSAGE_CONTEXT_CHARS);
  if (from > 0) {
    const line = text.indexOf('\n', from);
    if (line >= 0 && line < start) from = line + 1;
  }
  const window = extractClaims(text.slice(from, end));
  const inside = window.claims.filter((c) => c.end > start - from && c.start < end - from);
  if (inside.length) {
    const attribution = inside.find((c) => c.attribution)?.attribution ?? null;
    const quantities = inside.flatMap((c) => c.quantities);
    const hedged = inside.some((c) => c.certainty === 'hedged');
    return asEdits({
      attribution,
      quantities,
      negated: inside.some((c) => c.negated),
      kind: quantities.length ? 'quantity' : inside[0].kind,
      certainty: hedged ? 'hedged' : attribution ? 'attributed' : 'asserted',
    });
  }
  const passage = text.slice(start, end);
  const claim = buildClaim(text, start, end, { memory: [], para: 0 }, 0, wordCount(passage), quotedShare(passage));
  if (!claim.attribution) {
    // The line before, when it ends in a colon, introduces the passage.
    const before = text.slice(from, start).replace(/\s+$/, '');
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.slice(lineStart);
    if (/:[\s”"’]*$/.test(line)) {
      const at = from + lineStart;
      const introduced = buildClaim(text, at, at + line.length, { memory: [], para: 0 }, 0, wordCount(line), 0).attribution;
      if (introduced) {
        claim.attribution = { ...introduced, cue: 'lead-in' };
        if (claim.certainty === 'asserted') claim.certainty = 'attributed';
      }
    }
  }
  return asEdits(claim);
}
