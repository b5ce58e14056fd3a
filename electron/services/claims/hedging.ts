// Hedge cues (epistemic uncertainty) and negation cues in a sentence, with the context checks that keep
// look-alikes out ("no doubt", "think tank", "appeared in court", "could not pay", "all possible routes").
// The cue lists and their published sources are in shared/lexicon (hedges.json, boosters.json, grammar.json).
import { boosters, hedges as H, reporting, grammar } from '../../../shared/lexicon/index.ts';
import { type Tok, LEXICON } from './tokens.ts';

const escape = (f: string): string => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const HEDGE_RE = new RegExp(`\\b(?:${[...H.forms].sort((x, y) => y.length - x.length).map(escape).join('|')})\\b`, 'gi');
// First words of the cues: a sentence without any of them skips the pattern scan. "it" opens impersonal passives.
const HEDGE_FIRST = LEXICON.define([...H.forms.map((f) => f.split(' ')[0]), 'it']);
// "It is thought that", "It was feared", "It is widely understood": a report with no source, presented as uncertain.
const IMPERSONAL_RE = new RegExp(
  `\\bit\\s+(?:is|was|has\\s+been|had\\s+been|is\\s+being|was\\s+being|is\\s+now|was\\s+now)\\s+(?:\\p{Ll}+ly\\s+)?(?:${[...reporting.impersonalPassive].map(escape).join('|')})\\b`,
  'giu',
);
const DOUBT_BOOSTER_RE = new RegExp(`\\b(?:${[...boosters.doubtPhrases].sort((x, y) => y.length - x.length).map(escape).join('|')})\\s*$`, 'i');
const NOUN_DETS = new RegExp(`(?:\\b(?:${H.nounDeterminers.map(escape).join('|')}|with all)\\s+)$`, 'i');

/** Cheap pre-test on the flags (LEXICON.flagsOf) of the sentence's n tokens. */
export function mayHedge(flags: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (flags[i] & HEDGE_FIRST) return true;
  return false;
}

export interface Cue {
  text: string;
  /** Offset in the sentence. */
  index: number;
}

/** What the caller knows about the sentence's voice. */
export interface HedgeContext {
  /** The sentence reports someone's words (a quotation or a named source), not the outlet's own voice. */
  reported: boolean;
}

/** Hedge cues in sentence `s`, as written, in order. */
export function findHedges(s: string, ctx: HedgeContext = { reported: false }): Cue[] {
  const out: Cue[] = [];
  IMPERSONAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IMPERSONAL_RE.exec(s)) !== null) out.push({ text: m[0], index: m.index });
  HEDGE_RE.lastIndex = 0;
  while ((m = HEDGE_RE.exec(s)) !== null) {
    const w = m[0];
    if (out.some((c) => m!.index >= c.index && m!.index < c.index + c.text.length)) continue;
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    const after = s.slice(m.index + w.length, m.index + w.length + 40);
    if (keep(w.toLowerCase(), w, before, after, ctx)) out.push({ text: w, index: m.index });
  }
  if (out.length > 1) out.sort((a, b) => a.index - b.index);
  return out;
}

const nextWord = (after: string): string => /^\s*([\p{L}'’]+)/u.exec(after)?.[1]?.toLowerCase() ?? '';

/** Each look-alike family has its own rule; a cue without one always hedges. */
const RULES: Record<string, (w: string, before: string, after: string, ctx: HedgeContext) => boolean> = Object.assign(Object.create(null), {
  // "May" is a month or a name; only the lower-case modal hedges.
  may: (w: string) => w === 'may',
  might: (_w: string, before: string) => !NOUN_DETS.test(before),
  could: couldIsEpistemic,
  possible: possibleHedges,
  appear: appearHedges, appears: appearHedges, appeared: appearHedges, appearing: appearHedges,
  think: (_w: string, _b: string, after: string) => !/^\s*tanks?\b/i.test(after),
  thinks: (_w: string, _b: string, after: string) => !/^\s*tanks?\b/i.test(after),
  thinking: (_w: string, _b: string, after: string) => !/^\s*tanks?\b/i.test(after),
  // "the suspect was arrested" is a noun.
  suspect: (_w: string, before: string, after: string) => !NOUN_DETS.test(before) && !/^\s*(?:was|were|is|are|has|had|in|of|who)\b/i.test(after),
  suspects: (_w: string, before: string, after: string) => !NOUN_DETS.test(before) && !/^\s*(?:was|were|is|are|has|had|in|of|who)\b/i.test(after),
  doubt: doubtHedges, doubts: doubtHedges, doubted: doubtHedges, doubtful: doubtHedges,
  // "feared dead", "are feared to have".
  feared: (_w: string, _b: string, after: string) => H.fearedNext.has(nextWord(after)),
  assess: assessHedges, assesses: assessHedges, assessed: assessHedges,
  // "the company's first estimate" is a noun; "officials estimate that" hedges.
  estimate: estimateHedges, estimates: estimateHedges,
  // "far more likely to", "twice as likely": a comparison of rates, not doubt.
  likely: (_w: string, before: string) => !H.likelyComparativeBefore.has(lastWord(before)),
  // Deontic in the outlet's voice ("Drivers should slow down"); a forecast in reported speech ("should reopen by May").
  should: (_w: string, _b: string, _a: string, ctx: HedgeContext) => ctx.reported,
  // "is expected in June, she said": an expectation in reported speech; "as expected" and "the expected rise" state facts.
  expected: (_w: string, before: string, _a: string, ctx: HedgeContext) => ctx.reported && /\b(?:is|are|was|were|be|been|being)\s+(?:\p{Ll}+ly\s+)?$/iu.test(before),
});

function keep(lw: string, w: string, before: string, after: string, ctx: HedgeContext): boolean {
  const rule = RULES[lw];
  if (rule) return rule(w, before, after, ctx);
  // "expected to": hedges in reported speech and in "is/are expected to" forecasts; "as expected" does not reach here.
  if (lw.startsWith('expected') && /\bas\s+$/i.test(before)) return false;
  return true;
}

const lastWord = (before: string): string => /([\p{L}'’]+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';

function estimateHedges(_w: string, before: string): boolean {
  const w = lastWord(before);
  return !H.estimateNounBefore.has(w) && !/['’]s$/.test(w);
}

/** "could" hedges when epistemic ("could last into next year"); "could not pay", "could see the fires" state ability. */
function couldIsEpistemic(_w: string, _before: string, after: string): boolean {
  if (/^n['’]t\b/i.test(after) || /^\s*n['’]t\b/i.test(after)) return false;
  if (/^\s*(?:not\s+)?be\s+reached\b/i.test(after)) return false;
  return !H.couldAbilityNext.has(nextWord(after));
}

/** "possible" hedges predicatively ("it is possible that") and before nouns of outcome ("a possible leak"). */
function possibleHedges(_w: string, before: string, after: string): boolean {
  if (/\b(?:it\s+is|it['’]s|it\s+was|it\s+seems|is|was|are|were|quite|very|entirely|also|remains?|made\s+it)\s+$/i.test(before)) {
    return !/\b(?:as\s+\S+\s+as|if|where|whenever|wherever)\s+(?:\S+\s+){0,3}$/i.test(before) || /^\s*that\b/i.test(after);
  }
  return H.possibleOutcomeNouns.has(nextWord(after));
}

function appearHedges(_w: string, before: string, after: string): boolean {
  // "appeared to", "it appears that" hedge; "appeared in court" does not.
  return H.appearNext.has(nextWord(after)) || /\b(?:it|there)\s+$/i.test(before);
}

/** "there is no doubt", "beyond doubt" are boosters; "doubts remain" hedges. */
function doubtHedges(w: string, before: string): boolean {
  return !DOUBT_BOOSTER_RE.test(before + w);
}

/** "assessed that", "is assessed to", "we assess": a judgement; "to assess the damage" is a plain verb. */
function assessHedges(_w: string, before: string, after: string): boolean {
  if (/\bto\s+$/i.test(before) && !/\b(?:is|are|was|were|been)\s+\S*\s*$/i.test(before)) return false;
  return /^\s*(?:that|with|it|as|to\s+be|to\s+have)\b/i.test(after) || /^\s*(?:\p{Lu}|the\s+\S+\s+(?:is|was|will|would|has|had))/u.test(after);
}

const NEG_WORDS = LEXICON.define(grammar.hedging.negators);

/** Cheap pre-test on the sentence's tokens and their flags (a negator word or an "n't" contraction). */
export function mayNegate(s: string, toks: Tok[], flags: Int32Array): boolean {
  for (let i = 0; i < toks.length; i++) {
    if (flags[i] & NEG_WORDS) return true;
    const t = toks[i];
    const e = t.end;
    if (e - t.start > 3 && (s.charCodeAt(e - 1) | 32) === 116 && (s.charCodeAt(e - 3) | 32) === 110) {
      const a = s.charCodeAt(e - 2);
      if (a === 39 || a === 0x2019) return true;
    }
  }
  return false;
}

// Negation: explicit negators plus verbs of denial and refusal.
const NEG_RE =
  /\b(?:not|no|never|none|nobody|nothing|neither|nor|nowhere|cannot|denied|denies|deny|denying|refused|refuses|refusing|declined to|declines to|failed to|fails to|unable to|rejected|rejects|dismissed)\b|n['’]t\b/gi;
// Set phrases that contain a negator without negating the claim ("no doubt", "not only ... but").
const NOT_NEGATING_AFTER = new RegExp(`^\\s*(?:${grammar.hedging.notNegatingAfter.map(escape).join('|')})\\b`, 'i');

/** True when the sentence carries a negation cue that negates (not "no doubt", "not only", "no matter"). */
export function isNegated(s: string): boolean {
  NEG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEG_RE.exec(s)) !== null) {
    const lw = m[0].toLowerCase();
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if ((lw === 'no' || lw === 'not' || lw.endsWith("n't") || lw.endsWith('n’t')) && NOT_NEGATING_AFTER.test(after)) continue;
    if (lw === 'nothing' && /^\s*but\b/i.test(after)) continue;
    if (lw === 'no' && /^\s*(?:one|longer)\b/i.test(after)) return true;
    // "No." as an abbreviation for number.
    if (m[0] === 'No' && /^\.\s*[\dA-Z]/.test(after)) continue;
    return true;
  }
  return false;
}
