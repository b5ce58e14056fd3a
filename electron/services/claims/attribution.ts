// Attribution: who a sentence says the claim comes from ("according to X", "X said", "said X", "X, citing Y")
// and through which outlets; "he" and "the source" resolve to earlier speakers. Only reporting cues create one.
import type { Attribution } from '../../../shared/types/claims.ts';
import { grammar, outlets, reporting, time, titles } from '../../../shared/lexicon/index.ts';
import { type Tok, isWordTok, isCapitalized, MONTHS, WEEKDAYS, IRREGULAR_PAST, LEXICON } from './tokens.ts';
import type { MarkedSpan } from './quantities.ts';

/** A speaker remembered from earlier sentences, for resolving "he", "they", "the source". */
export interface Speaker {
  source: string;
  /** Head noun of the first phrase ("source" in "A source at the port authority"). */
  head: string;
  person: boolean;
  plural: boolean;
  /** Known from a title ("Mrs", "spokeswoman") or from a pronoun that already resolved to this speaker. */
  gender?: 'female' | 'male';
  /** Paragraph the speaker was last seen in (set by the caller). */
  para?: number;
}

/** Paragraphs back within which a pronoun takes the nearest agreeing speaker; further back only an unambiguous one. */
const NEAR_PARAGRAPHS = 2;

// Reporting verbs and their strengths: shared/lexicon/reporting-verbs.json (sources noted there).
const VERBS = reporting.verbs;
const CLAUSE_FINAL_TAGS = reporting.clauseFinalTags;
// Progressive forms only count with an auxiliary ("the ministry is reporting").
const ING_VERBS = reporting.progressive;
// "found"/"showed" report only for documents and data ("a study found").
const DOC_ONLY = reporting.documentOnly;
const DOC_NOUNS = reporting.documentNouns;
const WEAK_NEXT = new Set(grammar.attribution.weakNext);
const CLAUSE_VERBS = new Set(grammar.attribution.clauseVerbs);

/** A finite verb within the next few words: "claimed its air defences destroyed ..." opens a reported clause. */
function clauseFollows(toks: Tok[], from: number): boolean {
  for (let k = from + 1; k < Math.min(toks.length, from + 7); k++) {
    const t = toks[k];
    if (!isWordTok(t)) return false;
    const lw = t.lower;
    if (CLAUSE_VERBS.has(lw) || IRREGULAR_PAST.has(lw) || (lw.length > 4 && lw.endsWith('ed') && !isCapitalized(t))) return true;
  }
  return false;
}

const STRICT_WEAK = reporting.strictWeak;
// "said Monday that", "warned yesterday": a time word between the verb and its clause.
const TIME_WORDS = [...time.dayWords, ...time.weekdayNames];
const STRICT_NEXT = new Set([...grammar.attribution.strictNext, ...TIME_WORDS]);
// Weak verbs that report speech before "to" ("explained to reporters", "confirmed to the BBC").
const TO_OK = reporting.toReporting;
// Words allowed between a subject and its reporting verb.
const BEFORE_VERB = new Set(grammar.attribution.beforeVerb);
/** Adverbs between subject and verb: the listed ones plus any lower-case -ly word ("have repeatedly warned"). */
const isAdverbBeforeVerb = (t: Tok): boolean => BEFORE_VERB.has(t.lower) || (t.text.length > 4 && t.text.endsWith('ly') && t.text === t.lower && t.lower !== 'only');
// Words before a reporting-verb form that show it is a noun or adjective: determiners for every form
// ("the reported deaths", "an estimated 4,000", "its claims"), attributive words for bare and -s forms only
// ("media reports", "official estimates"), since "local media reported" is still a verb.
const DET_BLOCK = new Set(grammar.attribution.detBlock);
const ADJ_BLOCK = new Set(grammar.attribution.adjBlock);
// Weak verbs that may take a number straight after them ("estimated 4,000", "reported 300 cases").
const NUMBER_OBJECT_OK = reporting.numberObject;
// Reporting verbs whose past form does not end in -ed (so they are not base forms).
const IRREGULAR_REPORTING = reporting.irregularPast;
const PASSIVE_ADVERBS = new Set(grammar.attribution.passiveAdverbs);
const AUX_BE = new Set(grammar.attribution.auxBe);
// Words that end a subject noun phrase when scanning backwards from the verb.
const NP_STOP = new Set(grammar.attribution.npStop);
const NP_INNER_PREPS = new Set(grammar.attribution.npInnerPreps);
const CHAIN_PARTICIPLES = new Set(grammar.attribution.chainParticiples);
const LEADING_DROP = new Set(grammar.attribution.leadingDrop);
const TIME_NOUNS = time.timeNouns;
const SPAN_OPENERS = time.spanOpeners;
const SPAN_ENDS = time.spanEnds;
const PRONOUNS = new Set(grammar.attribution.pronouns);
const FIRST_PERSON = new Set(grammar.attribution.firstPerson);
const NON_SOURCES = new Set(grammar.attribution.nonSources);
const REFUSAL_OBJECTS = reporting.refusalObjects;

// News outlets: an open lexicon (shared/lexicon/outlets.json) plus patterns; outlets also come from "cited by X", "told X".
const OUTLET_SET = outlets.nameSet;
const OUTLET_SERVICES = outlets.services;
// Generic nouns that name an outlet on their own ("the broadcaster", "state media", "Ukrainian television");
// ambiguous ones ("agency", "station", "paper") only count in a two-word form ("news agency").
const OUTLET_NOUNS = outlets.nouns;
const OUTLET_PAIRS = new RegExp(`\\b(?:${[...outlets.pairFirst].join('|')}) (?:${[...outlets.pairSecond].join('|')})$`);
const ORG_HEADS = titles.organisationHeads;
const PERSON_TITLES = titles.person;

// Token hashes of every reporting cue (the verb table plus the phrase openers), checked before cutting strings.
const CUE = LEXICON.define([...Object.keys(VERBS), ...ING_VERBS, ...reporting.refusalVerbs, 'according', 'citing', 'quoting', 'quoted', 'anonymity']);

/** Indices of the first n tokens that may be reporting cues (empty when there is nothing to attribute). */
export function attributionCues(flags: Int32Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (flags[i] & CUE) out.push(i);
  return out;
}

interface NP {
  i0: number;
  i1: number;
}

interface Cand {
  np: NP | null;
  text: string;
  via: string[];
  cue: string;
  at: number;
  prefer: boolean;
  /** 3: a verb that only reports speech; 2: "according to"/"citing"; 1: a verb with other senses too. */
  rank: number;
  resolvedFrom?: string;
}

const tx = (s: string, toks: Tok[], np: NP): string => s.slice(toks[np.i0].start, toks[np.i1 - 1].end);

const ABBREVIATION_BEFORE_DOT = new RegExp(`^(?:\\p{Lu}|\\p{Lu}\\.\\p{Lu}(?:\\.\\p{Lu})*|${titles.abbreviated.join('|')})$`, 'u');

function isAbbrevDot(toks: Tok[], k: number): boolean {
  // The "." in "Mr.", "U.S.", "Gen.", "J." belongs to the name.
  const p = toks[k - 1];
  return toks[k].text === '.' && !!p && ABBREVIATION_BEFORE_DOT.test(p.text);
}

const outletCache = new Map<string, boolean>();

/** Is this phrase a news outlet ("CNN", "BBC Persian", "the broadcaster", "state news agency TASS")? */
export function isOutlet(text: string): boolean {
  let hit = outletCache.get(text);
  if (hit === undefined) {
    if (outletCache.size > 4096) outletCache.clear();
    hit = outletUncached(text);
    outletCache.set(text, hit);
  }
  return hit;
}

/** "the Lakeside Gazette", "Northern Echo": one to four capitalised words ending in a masthead word. */
function hasMastheadName(text: string): boolean {
  const words = text.replace(/^the\s+/i, '').replace(/['’]s$/, '').trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^\p{Lu}/u.test(w) || w === 'of' || w === 'and')) return false;
  return outlets.mastheadWords.has(words[words.length - 1]);
}

function outletUncached(text: string): boolean {
  const t = text.toLowerCase().replace(/^the /, '').replace(/['’]s$/, '').trim();
  if (OUTLET_SET.has(t)) return true;
  if (hasMastheadName(text)) return true;
  const words = t.split(/\s+/);
  // "BBC Persian", "CNN International": a known outlet followed by a service name.
  for (let n = words.length - 1; n >= 1; n--) {
    if (OUTLET_SET.has(words.slice(0, n).join(' ')) && words.slice(n).every((w) => OUTLET_SERVICES.has(w))) return true;
  }
  // "the broadcaster", "Ukrainian television", "the state news agency": generic outlet nouns.
  const head = words[words.length - 1];
  if ((OUTLET_NOUNS.has(head) || OUTLET_PAIRS.test(t)) && !/\bsocial\b/.test(t) && words.length <= 5) return true;
  // "the state news agency TASS", "Ukrainian newspaper Nordbladet": a generic outlet phrase and its name.
  const m = /^(.*?)\s+((?:\p{Lu}[\p{L}\d&'’.-]*\s?){1,3})$/u.exec(text.replace(/^the /i, '').trim());
  if (m && /\p{Lu}/u.test(m[2]) && m[1] && m[1] !== text) {
    const lead = m[1].toLowerCase().trim();
    if (OUTLET_NOUNS.has(lead.split(/\s+/).pop() ?? '') || OUTLET_PAIRS.test(lead) || OUTLET_SET.has(m[2].toLowerCase().trim())) return true;
  }
  return false;
}

/** Scan a noun phrase forwards from token i (after "according to", "citing", or an inverted "said"). */
function npAfter(toks: Tok[], i: number, max = 12): NP | null {
  let k = i;
  const start = i;
  while (k < toks.length && k - start < max) {
    const t = toks[k];
    if (t.text === '.' && isAbbrevDot(toks, k) && toks[k + 1] && isWordTok(toks[k + 1])) { k++; continue; }
    if (!isWordTok(t)) break;
    if (NP_STOP.has(t.lower) && !(t.lower === 'to' && k === start)) break;
    if (k > start && VERBS[t.lower] === 'strong' && !CHAIN_PARTICIPLES.has(t.lower)) break;
    k++;
  }
  let end = k;
  while (end > start && (NP_INNER_PREPS.has(toks[end - 1].lower) || toks[end - 1].lower === 'the' || toks[end - 1].lower === 'a' || toks[end - 1].lower === 'and')) end--;
  return end > start ? { i0: start, i1: end } : null;
}

/** Scan the subject noun phrase backwards from the token before index j (inclusive), or null. */
function npBefore(toks: Tok[], j: number, max = 12): NP | null {
  let k = j;
  const end = j + 1;
  while (k >= 0 && end - k <= max) {
    const t = toks[k];
    if (t.text === '.' && isAbbrevDot(toks, k)) { k--; continue; }
    if (!isWordTok(t)) break;
    const lw = t.lower;
    if (lw === 'and') {
      // "Defense and Security Council", "Moscow and Kyiv": keep only between capitalised words.
      if (!(isCapitalized(toks[k + 1]) && isCapitalized(toks[k - 1]))) break;
    } else if (lw === 'by') {
      if (!CHAIN_PARTICIPLES.has(toks[k - 1]?.lower ?? '')) break;
    } else if (CHAIN_PARTICIPLES.has(lw) && toks[k + 1]?.lower === 'by') {
      // part of "analysts quoted by the newspaper"
    } else if (lw === 'per' && toks[k + 1]?.lower === 'cent') {
      // "Forty per cent of those polled said": the share is part of the subject.
    } else if (NP_STOP.has(lw)) break;
    // A past or progressive reporting verb ends the phrase; bare and -s forms here are nouns ("the report").
    else if (VERBS[lw] && (/(?:ed|ing)$/.test(lw) || IRREGULAR_REPORTING.has(lw))) break;
    k--;
  }
  let start = k + 1;
  // Drop sentence adverbs, conjunctions and leading time phrases ("Now the ministry", "Earlier this week officials").
  for (;;) {
    const t = toks[start];
    if (!t || start >= end) return null;
    const lw = t.lower;
    if (LEADING_DROP.has(lw)) { start++; continue; }
    if ((lw === 'this' || lw === 'last' || lw === 'next' || lw === 'on' || lw === 'late' || lw === 'early') && toks[start + 1] && (TIME_NOUNS.has(toks[start + 1].lower) || WEEKDAYS.has(toks[start + 1].lower) || MONTHS.has(toks[start + 1].lower))) { start += 2; continue; }
    if (WEEKDAYS.has(lw) && isCapitalized(t)) { start++; continue; }
    // "A day earlier the Office for National Statistics", "Two weeks later officials": a span from another time.
    if (SPAN_OPENERS.has(lw) && TIME_NOUNS.has((toks[start + 1]?.lower ?? '').replace(/s$/, '')) && SPAN_ENDS.has(toks[start + 2]?.lower ?? '')) { start += 3; continue; }
    // "By Saturday evening the association", "On Monday morning the department": the part of the day goes with its day.
    if (TIME_NOUNS.has(lw) && start > k + 1 && start + 1 < end && WEEKDAYS.has(toks[start - 1].lower)) { start++; continue; }
    if (NP_INNER_PREPS.has(lw)) {
      // "On Monday officials said", "In Kyiv the ministry said": drop the leading prepositional phrase.
      start++;
      while (start < end && (isCapitalized(toks[start]) || /^\d/.test(toks[start].text) || toks[start].lower === 'the' || TIME_NOUNS.has(toks[start].lower)) && start < end - 1) start++;
      continue;
    }
    break;
  }
  if (NP_INNER_PREPS.has(toks[end - 1].lower)) return null;
  return { i0: start, i1: end };
}

/** True when toks[a..b) is a short noun phrase with no clause words (an appositive like "Radio Delta"). */
function isNPSegment(toks: Tok[], a: number, b: number): boolean {
  if (b <= a || b - a > 10) return false;
  for (let k = a; k < b; k++) {
    const t = toks[k];
    if (t.text === '.' && isAbbrevDot(toks, k)) continue;
    // "the National Intelligence Service (NIS)": a short parenthesis inside the appositive.
    if ((t.text === '(' || t.text === ')') && k > a) continue;
    if (!isWordTok(t)) return false;
    if (NP_STOP.has(t.lower) || VERBS[t.lower] === 'strong' || PRONOUNS.has(t.lower) || FIRST_PERSON.has(t.lower)) return false;
    if (k === a && /^\p{Ll}+ing$/u.test(t.text)) return false;
    if (/(?:ed)$/.test(t.lower) && !isCapitalized(t) && k > a && !CHAIN_PARTICIPLES.has(t.lower)) return false;
  }
  return true;
}

/** Subject of a reporting verb at index v, handling "X, who ..., said" and "..., the broadcaster, Radio Delta, reported". */
function subjectOf(toks: Tok[], v: number): NP | null {
  let j = v - 1;
  while (j >= 0 && isAdverbBeforeVerb(toks[j])) j--;
  // "images appear to show", "the data seem to suggest": the subject stands before the raising verb.
  if (j >= 1 && toks[j].lower === 'to' && /^(?:appear|appears|appeared|seem|seems|seemed)$/.test(toks[j - 1].lower)) {
    j -= 2;
    while (j >= 0 && isAdverbBeforeVerb(toks[j])) j--;
  }
  if (j < 0) return null;
  // "the Institute for the Study of War (ISW) said": step over a short parenthesis, keep it in the source.
  if (toks[j].text === ')') {
    let o = j - 1;
    while (o >= 0 && toks[o].text !== '(' && j - o < 8) o--;
    if (o > 0 && toks[o].text === '(') {
      const head = npBefore(toks, o - 1);
      return head ? { i0: head.i0, i1: j + 1 } : null;
    }
    return null;
  }
  if (toks[j].text === ',') {
    // Find the previous comma to delimit the inserted segment.
    let c0 = j - 1;
    while (c0 >= 0 && toks[c0].text !== ',' && !/^[“”";:—–]$/.test(toks[c0].text) && j - c0 < 30) c0--;
    const segStart = c0 + 1;
    if (segStart >= j) return null;
    const first = toks[segStart].lower;
    if ((first === 'who' || first === 'which' || first === 'whose' || NP_INNER_PREPS.has(first) || first === 'a' || first === 'an') && c0 >= 0 && toks[c0].text === ',') {
      // "Ines Park, who chairs the board, told CNN": the subject is before the relative clause.
      const head = npBefore(toks, c0 - 1);
      if (!head) return null;
      // Keep a provenance phrase ("The memo, from the finance ministry's audit office").
      if (NP_INNER_PREPS.has(first) && isNPSegment(toks, segStart + 1, j)) return { i0: head.i0, i1: j };
      return head;
    }
    if (!isNPSegment(toks, segStart, j)) {
      // An inserted clause ("An official, speaking on condition of anonymity because ..., said"): the subject
      // is the phrase before it.
      if (c0 >= 0 && toks[c0].text === ',' && (/ing$/.test(first) || first === 'who' || first === 'which' || first === 'whose')) {
        return npBefore(toks, c0 - 1);
      }
      return null;
    }
    const numeric = j - segStart === 1 && /^\d+$/.test(toks[segStart].text);
    // A preceding appositive joins in: "the regional broadcaster, Radio Delta, reported".
    if (c0 >= 0 && toks[c0].text === ',') {
      let c1 = c0 - 1;
      while (c1 >= 0 && toks[c1].text !== ',' && !/^[“”";:—–]$/.test(toks[c1].text) && c0 - c1 < 14) c1--;
      const s0 = c1 + 1;
      if (s0 < c0 && isNPSegment(toks, s0, c0) && (isCapitalized(toks[s0]) || ['the', 'a', 'an'].includes(toks[s0].lower))) {
        return numeric ? { i0: s0, i1: c0 } : { i0: s0, i1: j };
      }
    }
    return numeric ? null : { i0: segStart, i1: j };
  }
  const np = npBefore(toks, j);
  if (!np) return null;
  // "The man who witnessed the attack said": include the relative clause and its antecedent.
  const before = toks[np.i0 - 1];
  if (before && (before.lower === 'who') && np.i0 - 2 >= 0 && isWordTok(toks[np.i0 - 2])) {
    const head = npBefore(toks, np.i0 - 2, 6);
    if (head) return { i0: head.i0, i1: np.i1 };
  }
  return np;
}

/** Split "a memo seen by the Guardian" into source and outlet chain. */
function splitChain(s: string, toks: Tok[], np: NP): { source: NP; via: string[] } {
  for (let k = np.i0 + 1; k < np.i1 - 1; k++) {
    const lw = toks[k].lower;
    if (lw === 'by' && (CHAIN_PARTICIPLES.has(toks[k - 1].lower) || isOutlet(tx(s, toks, { i0: k + 1, i1: np.i1 })))) {
      const srcEnd = CHAIN_PARTICIPLES.has(toks[k - 1].lower) ? k - 1 : k;
      if (srcEnd > np.i0) return { source: { i0: np.i0, i1: srcEnd }, via: [tx(s, toks, { i0: k + 1, i1: np.i1 })] };
    }
  }
  return { source: np, via: [] };
}

const TO_OUTLET_AFTER = new Set(grammar.attribution.toOutletAfter);
const OUTLET_NAME_STOP = new Set(grammar.attribution.outletNameStop);

/** Outlets reached through "told the BBC", "confirmed to BBC Persian", "in an interview with CNN", "speaking to NPR". */
function outletTargets(s: string, toks: Tok[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < toks.length; k++) {
    // Only "told/tell(s)/telling" and "to/with" matter: test the first letter before cutting the token's text.
    const c = toks[k].code0() | 32;
    if (c !== 116 && c !== 119) continue;
    const lw = toks[k].lower;
    let at = -1;
    if (lw === 'told' || lw === 'tells' || lw === 'tell' || lw === 'telling') at = k + 1;
    else if ((lw === 'to' || lw === 'with') && k > 0 && TO_OUTLET_AFTER.has(toks[k - 1].lower)) at = k + 1;
    if (at < 0 || at >= toks.length) continue;
    let e = at;
    if (toks[e] && (toks[e].lower === 'the' || toks[e].lower === 'a')) e++;
    const st = e;
    while (e < toks.length && e - st < 5 && isWordTok(toks[e]) && !OUTLET_NAME_STOP.has(toks[e].lower)) e++;
    // Longest prefix that names an outlet.
    for (let n = e; n > st; n--) {
      if (isOutlet(s.slice(toks[at].start, toks[n - 1].end))) {
        // "state broadcaster TRT": a generic outlet noun followed by its name.
        let m = n;
        while (m < e && isCapitalized(toks[m]) && m - n < 3) m++;
        out.push(s.slice(toks[at].start, toks[m - 1].end));
        break;
      }
    }
  }
  return out;
}

const BASE_ADVERBS = new Set(grammar.attribution.baseAdverbs);
const BASE_AUX = new Set(grammar.attribution.baseAux);
const NOT_PLURAL = new Set(grammar.attribution.notPlural);
const PLURAL_WORDS = new Set(grammar.attribution.pluralWords);
// After a noun-or-verb -s form, these words show it is the noun ("media reports of ...", "claims were ...").
const NOUN_FORM_NEXT = new Set(grammar.attribution.nounFormNext);
const SPEAK_NEXT = new Set(grammar.attribution.speakNext);
const POST_NEXT = new Set(grammar.attribution.postNext);

function verbAccepts(toks: Tok[], v: number): boolean {
  const lw = toks[v].lower;
  const strength = VERBS[lw];
  const prev = toks[v - 1];
  const next = toks[v + 1];
  // "said to be", "told to leave": not a report of speech.
  if (next && next.lower === 'to' && (lw === 'said' || lw === 'told' || lw === 'reported' || lw === 'claimed' || lw === 'alleged')) {
    if (lw === 'said' || lw === 'told' || toks[v + 2]?.lower === 'be' || toks[v + 2]?.lower === 'have') return false;
  }
  // Verbs are lower case inside a sentence: "the United States", "Gulf States" hold no reporting verb.
  if (v > 0 && isCapitalized(toks[v]) && isWordTok(prev)) return false;
  if (prev && DET_BLOCK.has(prev.lower)) return false;
  // "corroborate claims that", "amid reports of": the -s form is the object of a verb or preposition.
  if (prev && strength === 'noun' && reporting.claimObjectVerbs.has(prev.lower)) return false;
  if (prev && ADJ_BLOCK.has(prev.lower) && !/(?:ed|ing)$/.test(lw) && !IRREGULAR_REPORTING.has(lw)) return false;
  // A bare base form ("report", "claim", "say") is a verb only after a plural or pronoun subject or an
  // auxiliary ("officials say", "they report", "will confirm"); otherwise it is the noun ("my last report").
  if (!/(?:s|ed|ing)$/.test(lw) && !IRREGULAR_REPORTING.has(lw)) {
    let p = v - 1;
    while (p >= 0 && BASE_ADVERBS.has(toks[p].lower)) p--;
    const q = toks[p];
    if (!q || !isWordTok(q)) return false;
    const ql = q.lower;
    const aux = BASE_AUX.has(ql);
    const pluralSubject = (/[^s]s$/.test(ql) && ql.length > 3 && !NOT_PLURAL.has(ql)) || PLURAL_WORDS.has(ql);
    if (!aux && !pluralSubject) return false;
  }
  if (strength === 'noun') {
    if (!next) return true;
    if (NOUN_FORM_NEXT.has(next.lower)) return false;
  }
  if (strength === 'weak' || strength === 'noun') {
    if (lw.startsWith('continu')) return !!next && (next.text === ':' || next.text === '“' || next.text === '"');
    if (lw.startsWith('spo') || lw === 'speak' || lw === 'speaks') return !!next && SPEAK_NEXT.has(next.lower);
    if (lw === 'posted' || lw === 'posts') return !!next && POST_NEXT.has(next.lower);
    // "described the mood as", "rejected the report as baseless": a characterisation, so a statement.
    if (lw === 'described' || lw === 'describes' || lw.startsWith('reject') || lw.startsWith('dismiss')) {
      for (let k = v + 1; k < Math.min(toks.length, v + 8); k++) if (toks[k].lower === 'as') return true;
      return false;
    }
    // At the end of a clause an -s form is a verb only in the common reporting tags ("..., the CDC says.").
    if (strength === 'noun' && (!next || /^[.!?;]$/.test(next.text)) && !CLAUSE_FINAL_TAGS.has(lw)) return false;
    if (next) {
      const nl = next.lower;
      // Verbs with a common non-reporting sense ("added to the damage", "recalled the ambassador", "claimed
      // the lives of") report speech only before a clause, quote or punctuation.
      if (STRICT_WEAK.has(lw)) return STRICT_NEXT.has(nl) || nl === 'that' || clauseFollows(toks, v + 1);
      // "a poll suggests most voters ...": evidence verbs take a bare clause (a document subject is checked later).
      if (DOC_ONLY.has(lw)) return true;
      if (nl === 'to') return TO_OK.has(lw);
      if (!WEAK_NEXT.has(nl) && !(isCapitalized(next) && strength === 'noun') && !(/^\d/.test(next.text) && NUMBER_OBJECT_OK.has(lw))) return false;
    }
  }
  return true;
}

// Verbs that can precede their speaker after a quote: "“...,” said the minister."
const INVERSION_VERBS = reporting.inversion;

/**
 * Find the attribution of sentence `s` (tokens `toks`, offsets shifted by `base` for the returned spans).
 * `memory` holds recent earlier speakers, most recent last; it is read for pronoun resolution and extended
 * by the caller. `cues` are the token indices from attributionCues(toks), when the caller already has them.
 */
export function findAttribution(
  s: string,
  toks: Tok[],
  memory: Speaker[],
  base: number,
  cues: number[] = attributionCues(LEXICON.flagsOf(toks), toks.length),
  para = 0,
): { attribution: Attribution | null; spans: MarkedSpan[] } {
  const cands: Cand[] = [];
  let anonymous = false;
  for (const k of cues) {
    const t = toks[k];
    const lw = t.lower;
    if (lw === 'according' && toks[k + 1]?.lower === 'to') {
      const np = npAfter(toks, k + 2);
      if (np) cands.push(cand(s, toks, np, 'according to', k, true));
      continue;
    }
    if (lw === 'citing' || (lw === 'quoting' && isCapitalized(toks[k + 1]))) {
      // "citing two officials" names a source; "citing security concerns" gives a reason.
      const np = npAfter(toks, k + 1);
      if (np && sourceLike(s, toks, np)) cands.push(cand(s, toks, np, lw, k, true));
      continue;
    }
    if (lw === 'anonymity' && toks[k - 1]?.lower === 'of') anonymous = true;
    // "declined to comment", "refused to say": a refusal states nothing, so it names no source for the claim,
    // unless the sentence goes on to what was said after all ("refused to give a figure, other than that ...").
    if (reporting.refusalVerbs.has(lw) && toks[k + 1]?.lower === 'to' && REFUSAL_OBJECTS.has(toks[k + 2]?.lower ?? '')) {
      if (saysAfterAll(toks, k + 3)) {
        const np = subjectOf(toks, k);
        if (np) cands.push(cand(s, toks, np, `${t.text} to ${toks[k + 2].text}`, k, false));
      }
      continue;
    }
    if (lw === 'quoted') {
      // "Berg was quoted by TASS as saying": the subject is the speaker, the "by" phrase the outlet.
      let p = k - 1;
      while (p >= 0 && PASSIVE_ADVERBS.has(toks[p].lower)) p--;
      if (p < 0 || !AUX_BE.has(toks[p].lower)) continue;
      let q = k + 1;
      let outlet: NP | null = null;
      if (toks[q]?.lower === 'by') {
        outlet = npAfter(toks, q + 1, 6);
        q = outlet ? outlet.i1 : q + 1;
      }
      const speaker = toks[q]?.lower === 'as' ? subjectOf(toks, p) : null;
      if (speaker) {
        const c = cand(s, toks, speaker, 'quoted as saying', k, false);
        if (outlet) c.via.push(tx(s, toks, outlet));
        c.rank = 3;
        cands.push(c);
      }
      continue;
    }
    let strength = VERBS[lw];
    if (!strength && ING_VERBS.has(lw) && AUX_BE.has(toks[k - 1]?.lower ?? '')) strength = 'strong';
    else if (!strength) continue;
    if (!ING_VERBS.has(lw)) {
      if (!verbAccepts(toks, k)) continue;
      // Passive: "was reported by Reuters" names its source after "by"; otherwise there is none.
      let p = k - 1;
      while (p >= 0 && PASSIVE_ADVERBS.has(toks[p].lower)) p--;
      if (p >= 0 && AUX_BE.has(toks[p].lower) && (lw.endsWith('ed') || IRREGULAR_REPORTING.has(lw))) {
        if (toks[k + 1]?.lower === 'by') {
          const np = npAfter(toks, k + 2);
          if (np) cands.push(cand(s, toks, np, `${lw} by`, k, false));
        }
        continue;
      }
    }
    let np = subjectOf(toks, k);
    if (!np) {
      // Inversion after a quote or comma: "..., said John Smith" / "”, said the ministry".
      const prev = toks[k - 1];
      if (prev && (prev.text === '”' || prev.text === '"' || prev.text === ',' || prev.text === '’') && INVERSION_VERBS.has(lw)) {
        np = npAfter(toks, k + 1, 10);
        // The inverted speaker closes the clause: "..., said John Smith." / "..., said the minister, who ...".
        const after = np ? toks[np.i1] : undefined;
        if (np && after && !/^[,.;!?”"’)—–]$/.test(after.text)) np = null;
      }
    }
    if (!np) continue;
    // A figure is no part of a speaker: "not the 11,300 its humanitarian office reported" names the office.
    let lastFigure = -1;
    for (let q = np.i0; q < np.i1; q++) if (/\d/.test(toks[q].text)) lastFigure = q;
    if (lastFigure >= 0) {
      if (lastFigure + 1 >= np.i1) continue;
      np = { i0: lastFigure + 1, i1: np.i1 };
    }
    // After a comma, a thing no source names and a participle are a reduced clause, not a report:
    // "puts the toll at 11,300, a sharp jump announced on Thursday".
    if (toks[np.i0 - 1]?.text === ',' && lw.endsWith('ed') && !sourceLike(s, toks, np)) continue;
    const subj = tx(s, toks, np);
    const sl = subj.toLowerCase();
    if (FIRST_PERSON.has(sl) || NON_SOURCES.has(sl)) continue;
    if (DOC_ONLY.has(lw) && !DOC_NOUNS.has(npHead(toks, np))) continue;
    // A clause-final tag ("..., the CDC says.") takes a whole clause as its subject phrase, so the phrase must
    // start the sentence or follow a comma or quote: "ties to energy projects." is no report.
    if (VERBS[lw] === 'noun' && (!toks[k + 1] || /^[.!?;]$/.test(toks[k + 1].text))) {
      const before = toks[np.i0 - 1];
      if (before && !/^[,”"’:—–]$/.test(before.text)) continue;
    }
    cands.push(cand(s, toks, np, t.text, k, false));
  }
  if (!cands.length) {
    if (!anonymous) return { attribution: null, spans: [] };
    return { attribution: { source: 'an anonymous source', via: outletTargets(s, toks), cue: 'on condition of anonymity' }, spans: [] };
  }

  // Resolve pronouns and "the source"-style descriptions against earlier speakers; an unresolved "it" is dropped.
  const usable: Cand[] = [];
  for (const c of cands) {
    resolve(c, memory, para);
    if (c.text !== 'it' && c.text !== 'It') usable.push(c);
  }
  if (!usable.length) return { attribution: null, spans: [] };

  // Prefer a non-outlet source with the clearest cue: the speaker of "said" first ("the Pentagon said, citing
  // U.S. intelligence"), then "according to"/"citing", then verbs with other senses ("the report adds"); an
  // outlet or document that only carries the claim gives way to the source it names.
  let chosen: Cand | null = null;
  for (const c of usable) if (!isOutlet(c.text) && (!chosen || c.rank > chosen.rank)) chosen = c;
  if (!chosen) chosen = usable[0];
  else if (isCarrier(chosen.text)) {
    for (const c of usable) {
      if (c !== chosen && c.prefer && !isOutlet(c.text)) {
        chosen = c;
        break;
      }
    }
  }
  const via: string[] = [];
  for (const v of chosen.via) pushVia(via, v, chosen.text);
  for (const v of outletTargets(s, toks)) pushVia(via, v, chosen.text);
  for (const c of usable) {
    if (c === chosen) continue;
    for (const v of c.via) pushVia(via, v, chosen.text);
    if (isOutlet(c.text)) pushVia(via, c.text, chosen.text);
  }
  const spans: MarkedSpan[] = [];
  if (chosen.np && !chosen.resolvedFrom) {
    const st = toks[chosen.np.i0].start;
    const en = toks[chosen.np.i1 - 1].end;
    spans.push({ start: base + st, end: base + en, text: s.slice(st, en), type: isOutlet(chosen.text) ? 'OUTLET' : 'SOURCE' });
  }
  const attribution: Attribution = { source: chosen.text, via, cue: chosen.cue.toLowerCase() };
  if (chosen.resolvedFrom) attribution.resolvedFrom = chosen.resolvedFrom;
  return { attribution, spans };
}

/** After a refusal: "other than that ...", "beyond saying ...", "except to say ...", "but said ...". */
function saysAfterAll(toks: Tok[], from: number): boolean {
  for (let k = from; k < toks.length - 1; k++) {
    const a = toks[k].lower;
    const b = toks[k + 1].lower;
    if ((a === 'other' && b === 'than') || a === 'beyond' || a === 'except' || (a === 'but' && VERBS[b] !== undefined)) return true;
  }
  return false;
}

/** An outlet or a document that carries someone else's claim ("the report adds: ..."). */
function isCarrier(text: string): boolean {
  if (isOutlet(text)) return true;
  const sp = text.lastIndexOf(' ');
  return DOC_NOUNS.has(text.slice(sp + 1).toLowerCase());
}

/** Add an outlet to the chain once; "the BBC" becomes "BBC" but "the broadcaster" stays. */
function pushVia(via: string[], v: string, source: string): void {
  const clean = v.replace(/['’]s$/, '').replace(/^the\s+(?=\p{Lu})/u, '');
  if (!clean) return;
  const k = clean.toLowerCase();
  if (k === source.toLowerCase()) return;
  for (const x of via) if (x.toLowerCase() === k) return;
  via.push(clean);
}

function cand(s: string, toks: Tok[], np: NP, cue: string, at: number, prefer: boolean): Cand {
  const { source, via } = splitChain(s, toks, np);
  const strength = VERBS[toks[at]?.lower ?? ''];
  const rank = prefer ? 2 : strength === 'strong' || ING_VERBS.has(toks[at]?.lower ?? '') ? 3 : 1;
  return { np: source, text: tx(s, toks, source).replace(/['’]s$/, ''), via, cue, at, prefer, rank };
}

const SOURCE_HEADS = reporting.sourceHeads;

/** A phrase that can name a source: a person or body, a document, an outlet, or a capitalised name. */
function sourceLike(s: string, toks: Tok[], np: NP): boolean {
  for (let k = np.i0; k < np.i1; k++) {
    const t = toks[k];
    if (isCapitalized(t) || SOURCE_HEADS.has(t.lower) || DOC_NOUNS.has(t.lower)) return true;
  }
  return isOutlet(tx(s, toks, np));
}

/** Head noun of a phrase: the last word before a preposition or participle ("study" in "a study published last year"). */
function npHead(toks: Tok[], np: NP): string {
  let end = np.i1;
  for (let k = np.i0 + 1; k < np.i1; k++) {
    const lw = toks[k].lower;
    if (NP_INNER_PREPS.has(lw) || CHAIN_PARTICIPLES.has(lw) || (/^\p{Ll}+ed$/u.test(toks[k].text) && k > np.i0)) {
      end = k;
      break;
    }
  }
  return toks[end - 1].lower;
}

function resolve(c: Cand, memory: Speaker[], para: number): void {
  if (!memory.length) return;
  const t = c.text;
  // Only pronouns and "the X" descriptions are resolved; test cheaply before lower-casing.
  if (t.length > 4 && !/^[Tt]he /.test(t)) return;
  const lw = t.toLowerCase();
  let hit: Speaker | undefined;
  if (lw === 'he' || lw === 'she') {
    hit = personFor(memory, lw === 'she' ? 'female' : 'male', para);
    if (hit && !hit.gender) hit.gender = lw === 'she' ? 'female' : 'male';
  } else if (lw === 'they') {
    for (let i = memory.length - 1; i >= 0 && !hit; i--) if (memory[i].plural) hit = memory[i];
  } else if (lw === 'it') {
    for (let i = memory.length - 1; i >= 0 && !hit; i--) if (!memory[i].person && !memory[i].plural) hit = memory[i];
  } else {
    // "the source", "the official", "the agency": the latest speaker with the same head noun.
    const m = /^the\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)$/iu.exec(t.trim());
    if (m) {
      const head = m[1].toLowerCase();
      for (let i = memory.length - 1; i >= 0 && !hit; i--) {
        const sp = memory[i];
        if ((sp.head === head || sp.head === head + 's') && sp.source.toLowerCase() !== lw) hit = sp;
      }
    }
  }
  if (hit) {
    c.resolvedFrom = c.text;
    c.text = hit.source;
    c.np = null;
  }
}

/**
 * The speaker "he"/"she" refers to: the nearest singular person of agreeing (or unknown) gender in the last
 * paragraphs; further back only when a single person agrees. Undefined (left unresolved) otherwise.
 */
function personFor(memory: Speaker[], gender: 'female' | 'male', para: number): Speaker | undefined {
  const far = new Map<string, Speaker>();
  for (let i = memory.length - 1; i >= 0; i--) {
    const sp = memory[i];
    if (!sp.person || sp.plural || (sp.gender && sp.gender !== gender)) continue;
    if (sp.para === undefined || para - sp.para <= NEAR_PARAGRAPHS) return sp;
    far.set(sp.source, sp);
  }
  return far.size === 1 ? far.values().next().value : undefined;
}

/** Head noun of the first phrase of a source: "source" in "A source at the port authority". */
function headOf(src: string): string {
  const first = src.split(/,\s*/)[0];
  const words = first.split(/\s+/);
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    if (NP_INNER_PREPS.has(words[i].toLowerCase()) || CHAIN_PARTICIPLES.has(words[i].toLowerCase())) {
      end = i;
      break;
    }
  }
  return (words[end - 1] ?? '').toLowerCase().replace(/['’]s?$/, '').replace(/[^\p{L}-]/gu, '');
}

const PERSONISH = /(?:ist|man|woman|person|er|or|ian|ent|ant|ee)$/;

const speakerCache = new Map<string, Speaker>();

/** Describe a chosen source for later pronoun resolution. */
export function speakerOf(a: Attribution): Speaker {
  const key = a.source + '\u0000' + (a.resolvedFrom ?? '');
  let sp = speakerCache.get(key);
  if (!sp) {
    if (speakerCache.size > 4096) speakerCache.clear();
    sp = describeSpeaker(a);
    speakerCache.set(key, sp);
  }
  return sp;
}

function describeSpeaker(a: Attribution): Speaker {
  const src = a.source;
  const head = headOf(src);
  const words = src.split(/\s+/);
  // "John Reyes, the treasurer": the name before an appositive decides.
  const nameWords = src.split(/,\s*/)[0].split(/\s+/);
  const last = nameWords[nameWords.length - 1] ?? '';
  const headWord = src.split(/,\s*/)[0].split(/\s+/).find((w) => w.toLowerCase().replace(/['’]s?$/, '') === head) ?? '';
  const org = ORG_HEADS.has(head) || DOC_NOUNS.has(head) || isOutlet(src);
  const plural = head === 'people' || head === 'police' || (/[^su]s$/.test(head) && !(/^\p{Lu}/u.test(headWord) && words.length > 1));
  const titled = PERSON_TITLES.has(head) || (!org && PERSONISH.test(head) && !/^\p{Lu}/u.test(headWord));
  const lastCap = nameWords.length > 1 && /^\p{Lu}\p{Ll}/u.test(last);
  const appositiveTitle = nameWords.length < words.length && words.slice(nameWords.length).some((w) => PERSON_TITLES.has(w.toLowerCase().replace(/[.,]$/, '')));
  const pronoun = a.resolvedFrom?.toLowerCase();
  const person = !plural && (titled || (lastCap && !org) || (lastCap && appositiveTitle) || pronoun === 'he' || pronoun === 'she');
  let gender: Speaker['gender'];
  for (const w of words) {
    const k = w.toLowerCase().replace(/[.,]$/, '');
    if (titles.female.has(k)) gender = 'female';
    else if (titles.male.has(k)) gender = 'male';
  }
  if (pronoun === 'she') gender = 'female';
  else if (pronoun === 'he') gender = 'male';
  return gender ? { source: src, head, person, plural, gender } : { source: src, head, person, plural };
}
