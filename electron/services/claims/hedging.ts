// Hedge cues (epistemic uncertainty) and negation cues in a sentence, with the context checks that keep
// look-alikes out ("no doubt", "think tank", "appeared in court", "military might", "the month of May").
import { type Tok, LEXICON } from './tokens.ts';

// The cue list follows published hedge lexicons: the CoNLL-2010 shared-task cues (may, might, could, suggest,
// indicate, possible, likely, appear, believe, putative...), Hyland's (1998/2005) hedging items and the
// news-reporting distancing verbs (reportedly, allegedly, said to be, believed to). Two families from those
// lists are left out on purpose: approximators (about, around, roughly, nearly) qualify a number, not the
// claim, and are recorded on the quantity instead; frequency adverbs (often, usually, generally) and the
// deontic or conditional modals (should, would) do not express doubt about a reported fact.
// Every cue form, as matched in the text (case-insensitively). Multi-word cues list their words in order.
const HEDGE_FORMS = [
  'reportedly', 'allegedly', 'purportedly', 'apparent', 'supposedly', 'apparently', 'seemingly', 'ostensibly', 'possibly',
  'presumably', 'probably', 'perhaps', 'maybe', 'conceivably', 'potentially', 'plausibly', 'likely', 'unlikely',
  'likelihood', 'probable', 'improbable', 'possible', 'possibility', 'possibilities', 'plausible', 'may', 'might',
  'could', 'appear', 'appears', 'appeared', 'appearing', 'seem', 'seems', 'seemed', 'seeming', 'suggest', 'suggests',
  'suggested', 'suggesting', 'indicate', 'indicates', 'indicated', 'indicating', 'believe', 'believes', 'believed',
  'believing', 'think', 'thinks', 'thinking', 'thought to', 'suspect', 'suspects', 'suspected', 'doubt', 'doubts',
  'doubted', 'doubtful', 'estimate', 'estimates', 'estimated', 'assess', 'assesses', 'assessed', 'alleged', 'purported',
  'rumored', 'rumoured', 'speculate', 'speculates', 'speculated', 'speculation', 'unconfirmed', 'unverified',
  'uncertain', 'unclear', 'not clear', 'said to be', 'said to have', 'reported to be', 'reported to have',
  'understood to', 'claimed to', 'tend to', 'tends to', 'tended to', 'presumed', 'feared',
  // "is expected to": a forecast stated as probable, not as fact.
  'expected to',
];
const HEDGE_RE = new RegExp(
  `\\b(?:${HEDGE_FORMS.sort((x, y) => y.length - x.length).map((f) => f.replace(/ /g, '\\s+')).join('|')})\\b`,
  'gi',
);
// First words of the cues: a sentence without any of them skips the pattern scan.
const HEDGE_FIRST = LEXICON.define(HEDGE_FORMS.map((f) => f.split(' ')[0]));

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

const APPEAR_NEXT = new Set(['to', 'that', 'likely', 'unlikely', 'set', 'poised', 'increasingly', 'certain', 'close', 'ready']);
const NOUN_DETS = /(?:\b(?:the|a|an|one|two|three|four|five|military|economic|industrial|naval|full|its|his|her|their|our|with all)\s+)$/i;

/** Hedge cues in sentence `s`, as written, in order. */
export function findHedges(s: string): Cue[] {
  const out: Cue[] = [];
  HEDGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEDGE_RE.exec(s)) !== null) {
    const w = m[0];
    const lw = w.toLowerCase();
    const before = s.slice(Math.max(0, m.index - 24), m.index);
    const after = s.slice(m.index + w.length, m.index + w.length + 24);
    if (keep(lw, w, before, after)) out.push({ text: w, index: m.index });
  }
  return out;
}

function keep(lw: string, w: string, before: string, after: string): boolean {
  const next = /^\s*([\p{L}'’]+)/u.exec(after)?.[1]?.toLowerCase() ?? '';
  switch (lw) {
    case 'may':
      // "May" is a month or a name; only the lower-case modal hedges.
      return w === 'may';
    case 'might':
      return !NOUN_DETS.test(before);
    case 'could':
      return !/^\s*(?:not|n['’]t)?\s*be reached\b/i.test(after) && !/^n['’]t be reached\b/i.test(after);
    case 'possible':
      return !/\b(?:as|if|where|whenever|wherever|best|worst|highest|lowest|greatest|made|make|makes|making|everything|all)\s+(?:\S+\s+){0,2}$/i.test(before) ||
        /\b(?:it is|it's|it’s|is|was|are|were|quite|very|entirely)\s+$/i.test(before);
    case 'appear':
    case 'appears':
    case 'appeared':
    case 'appearing':
      // "appeared to", "it appears that" hedge; "appeared in court" does not.
      return APPEAR_NEXT.has(next) || /\b(?:it|there)\s+$/i.test(before);
    case 'think':
    case 'thinks':
    case 'thinking':
      return next !== 'tank' && next !== 'tanks';
    case 'suspect':
    case 'suspects':
      // "the suspect was arrested" is a noun.
      return !NOUN_DETS.test(before) && !/^\s*(?:was|were|is|are|has|had|in|of|who)\b/i.test(after);
    case 'doubt':
    case 'doubts':
    case 'doubted':
    case 'doubtful':
      // "there is no doubt", "without a doubt", "beyond doubt" are boosters.
      return !/\b(?:no|little|without|beyond|any|never|not)\s+(?:a\s+|any\s+|the\s+|reasonable\s+|shadow of\s+(?:a\s+)?)?$/i.test(before);
    case 'feared':
      // "feared dead", "are feared to have".
      return next === 'dead' || next === 'to' || next === 'killed' || next === 'missing' || next === 'lost';
    default:
      return true;
  }
}

const NEG_WORDS = LEXICON.define([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'cannot', 'denied', 'denies', 'deny',
  'denying', 'refused', 'refuses', 'refusing', 'declined', 'declines', 'failed', 'fails', 'unable', 'rejected', 'rejects',
  'dismissed',
]);

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
const NOT_NEGATING_AFTER = /^\s*(?:doubt|only|just|least|matter|sooner|longer just|question)\b/i;

/** True when the sentence carries a negation cue that negates (not "no doubt", "not only", "no matter"). */
export function isNegated(s: string): boolean {
  NEG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEG_RE.exec(s)) !== null) {
    const lw = m[0].toLowerCase();
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if ((lw === 'no' || lw === 'not' || lw.endsWith("n't") || lw.endsWith('n’t')) && NOT_NEGATING_AFTER.test(after)) continue;
    if (lw === 'nothing' && /^\s*but\b/i.test(after)) continue;
    if (lw === 'no' && /^\s*(?:one|longer)\b/i.test(after)) return true;
    // "No." as an abbreviation for number.
    if (m[0] === 'No' && /^\.\s*[\dA-Z]/.test(after)) continue;
    return true;
  }
  return false;
}
