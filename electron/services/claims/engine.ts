// Claim extraction engine: segments a normalised document into sentences, drops those that cannot carry a
// claim, and describes each remaining one (quantities, attribution, hedges, negation, kind, certainty, score).
import type { Attribution, Certainty, Claim, ClaimEntity, ClaimKind, ClaimSet, Quantity } from '../../../shared/types/claims.ts';
import { paragraphs, sentencesOf, nonClaimReason, datelineLength, wordCount } from './sentences.ts';
import { tokenize, type Tok } from './tokens.ts';
import { extractQuantities, hasNumberCue, type MarkedSpan } from './quantities.ts';
import { findAttribution, hasAttributionCue, speakerOf, type Speaker } from './attribution.ts';
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
// Capitalised word runs ("Volodymyr Zelensky", "Bureau of Labor Statistics"), kept as NAME entities.
// Latin capitals only: a Unicode-class scan over every sentence costs more than it finds in English news.
const NAME_RE = /[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]*(?:\s(?:(?:of|the|de|al|bin|van|von|da|del|la|le|for|and)\s)?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]*)*/g;
const NAME_DROP = new Set([
  'The', 'A', 'An', 'But', 'And', 'In', 'On', 'At', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'These',
  'Those', 'There', 'According', 'As', 'If', 'When', 'While', 'After', 'Before', 'Since', 'Yet', 'So', 'Now', 'Some',
  'Many', 'Most', 'Its', 'His', 'Her', 'Their', 'Our', 'My', 'Your', 'Earlier', 'Later', 'Meanwhile', 'However',
  'For', 'With', 'From', 'By', 'Of', 'To', 'Still', 'Also', 'Then', 'Here', 'What', 'Why', 'How', 'Who', 'Where',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Around', 'About', 'Nearly',
  'More', 'Less', 'Only', 'Just', 'Even', 'All', 'Both', 'Each', 'Every', 'No', 'Not', 'Over', 'Under', 'Up',
]);

function isQuoteChar(c: string): 0 | 1 | 2 | 3 {
  // 1 opens, 2 closes, 3 toggles (straight quote)
  if (c === '“' || c === '«') return 1;
  if (c === '”' || c === '»') return 2;
  if (c === '"') return 3;
  return 0;
}

/** Share of the sentence's characters inside double quotes. */
function quotedShare(s: string): number {
  let inside = false;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const q = isQuoteChar(s[i]);
    if (q === 1) inside = true;
    else if (q === 2) inside = false;
    else if (q === 3) inside = !inside;
    else if (inside) n++;
  }
  return s.length ? n / s.length : 0;
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

function names(s: string, base: number, skipStart: number): ClaimEntity[] {
  const out: ClaimEntity[] = [];
  NAME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_RE.exec(s)) !== null) {
    let text = m[0];
    let st = m.index;
    const first = text.split(' ', 1)[0];
    if (NAME_DROP.has(first)) {
      const sp = text.indexOf(' ');
      if (sp < 0) continue;
      st += sp + 1;
      text = text.slice(sp + 1);
    }
    text = text.replace(/['’]s?$/, '');
    if (!text || (st <= skipStart && !text.includes(' ')) || NAME_DROP.has(text) || text.length < 2) continue;
    out.push({ text, type: 'NAME', start: base + st, end: base + st + text.length });
  }
  return out;
}

function kindOf(s: string, quantities: Quantity[], share: number): ClaimKind {
  if (quantities.length) return 'quantity';
  if (share >= 0.5) return 'quote';
  if (FORECAST_RE.test(s)) return 'forecast';
  if (PAST_RE.test(s)) return 'event';
  return 'statement';
}

function scoreOf(s: string, q: number, attributed: boolean, hedged: boolean, named: boolean, quoteOnly: boolean): number {
  let score = 0.6;
  if (q) score += 0.15;
  if (attributed) score += 0.1;
  if (named) score += 0.05;
  if (hedged) score -= 0.05;
  if (quoteOnly && !attributed) score -= 0.1;
  if (OPINION_RE.test(s)) score -= 0.25;
  const n = wordCount(s);
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

function byOffset(a: ClaimEntity, b: ClaimEntity): number {
  return a.start - b.start || b.end - a.end;
}

function overlapsAny(entities: ClaimEntity[], a: number, b: number): boolean {
  for (const e of entities) if (a < e.end && b > e.start) return true;
  return false;
}

function recentSpeakers(ctx: Ctx): Speaker[] {
  const out: Speaker[] = [];
  for (const m of ctx.memory) if (m.para > ctx.para - MEMORY_PARAGRAPHS) out.push(m);
  return out;
}

function buildClaim(text: string, start: number, end: number, ctx: Ctx, id: number): Claim {
  const s = text.slice(start, end);
  const wantQ = hasNumberCue(s);
  const wantA = hasAttributionCue(s);
  const toks: Tok[] = wantQ || wantA ? tokenize(s) : [];
  let quantities: Quantity[] = [];
  const marked: MarkedSpan[] = [];
  if (wantQ) {
    const scan = extractQuantities(s, toks, start);
    quantities = scan.quantities;
    for (const e of scan.excluded) marked.push(e);
  }
  let attribution: Attribution | null = null;
  if (wantA) {
    const found = findAttribution(s, toks, recentSpeakers(ctx), start);
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
  const seen = new Set<string>();
  for (const h of findHedges(s)) {
    const k = h.text.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      hedges.push(h.text);
    }
  }
  const certainty: Certainty = hedges.length ? 'hedged' : attribution ? 'attributed' : 'asserted';

  const entities: ClaimEntity[] = [];
  for (const q of quantities) entities.push({ text: q.text, type: quantityType(q), start: q.start, end: q.end });
  for (const e of marked) if (e.type !== 'OTHER') entities.push({ text: e.text, type: e.type, start: e.start, end: e.end });
  const firstWordEnd = /^[“"‘'(\s]*\S+/.exec(s)?.[0].length ?? 0;
  const nameEnts = names(s, start, firstWordEnd);
  for (const e of nameEnts) if (!overlapsAny(entities, e.start, e.end)) entities.push(e);
  entities.sort(byOffset);

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
    score: scoreOf(s, quantities.length, !!attribution, hedges.length > 0, nameEnts.length > 0, quoteOnly),
  };
}

/** Extract claims from normalised text (see normalizeText). Offsets index into `text`. */
export function extractClaims(text: string): ClaimSet {
  const claims: Claim[] = [];
  const ctx: Ctx = { memory: [], para: 0, lastQuote: null };
  for (const para of paragraphs(text)) {
    const sents = sentencesOf(text, para);
    ctx.para++;
    ctx.lastQuote = null;
    for (let i = 0; i < sents.length; i++) {
      let { start } = sents[i];
      const { end } = sents[i];
      if (i === 0) start += datelineLength(text.slice(start, Math.min(end, start + 120)));
      if (start >= end) continue;
      const s = text.slice(start, end);
      if (nonClaimReason(s, sents.length === 1)) {
        ctx.lastQuote = null;
        continue;
      }
      claims.push(buildClaim(text, start, end, ctx, claims.length + 1));
    }
  }
  return { text, claims, engineVersion: ENGINE_VERSION };
}
