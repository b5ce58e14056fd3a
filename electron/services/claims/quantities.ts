// Quantity extraction over one sentence: digits and number words, ranges, approximation and bound cues,
// units or counted nouns, vague amounts; dates, years, times and identifiers are recognised and left out.
import type { Quantity, QuantityBound } from '../../../shared/types/claims.ts';
import { grammar, numbers, quantityCues, time, units, type QuantityCue } from '../../../shared/lexicon/index.ts';
import { canonicalUnit } from './units.ts';
import { type Tok, MONTHS, WEEKDAYS, FUNCTION_WORDS, IRREGULAR_PAST, isCapitalized, isWordTok, OPEN_QUOTES, LEXICON } from './tokens.ts';

export interface MarkedSpan {
  start: number;
  end: number;
  text: string;
  type: string;
}

export interface QuantityScan {
  quantities: Quantity[];
  /** Dates, times and identifiers that were recognised and excluded (useful as entities). */
  excluded: MarkedSpan[];
}

const SMALL = numbers.small;
const TENS = numbers.tens;
const SCALES = numbers.scales;
const PLURAL_SCALES = numbers.pluralScales;
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(Object.entries(units.currencySymbols).map(([k, v]) => [k, v.unit]))));


// Bound and approximation cues before and after the number: shared/lexicon/quantity-cues.json.
type Cue = QuantityCue;
const PREFIX_CUES = quantityCues.before;
const SUFFIX_CUES = quantityCues.after;

// Units that may follow a number directly, as claims show them (time units in the plural): shared/lexicon/units.json.
const UNIT_WORDS: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, string>,
    // Currency words show as the plural the currency codes give ("dollar" -> "dollars", "yen" -> "yen").
    Object.fromEntries(Object.entries(units.currencyWords).map(([w, code]) => [w, units.currencyCodes[code] ?? w])),
    Object.fromEntries(Object.entries(units.words).map(([k, v]) => [k, v.unit])),
  ),
);
const COMPOUND_TAILS = new Set(grammar.quantities.compoundTails);
const ADDRESS_WORDS = new Set(grammar.quantities.addressWords);
const TIME_UNITS = units.timeUnits;
// "<number><suffix>" written as one token: "3bn", "10km", "1.5C".
// "<number><suffix>" written as one token: "3bn", "10km", "1.5C", "256GB", "30Mbps" (suffixes: shared/lexicon).
const GLUED_SUFFIXES = [...new Set([...Object.keys(numbers.gluedScales), ...Object.keys(numbers.moneyGluedScales), ...units.gluedSuffixes])];
const GLUED = new RegExp(`^(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(${GLUED_SUFFIXES.sort((a, b) => b.length - a.length).join('|')})$`, 'i');
// "USD10m", "EUR2.5bn": an ISO currency code glued to the amount.
const CODE_GLUED = /^([A-Z]{3})(\d+(?:,\d{3})*(?:\.\d+)?)(bn|mn|tn|m|k)?$/;

/** Value, scale and unit of a number with a glued suffix ("2.4bn", "256GB"); null when it is not one. */
function parseGlued(text: string, currency: boolean): { value: number; scale: number; unit?: string } | null {
  const g = GLUED.exec(text);
  if (!g) return null;
  const v = Number(g[1].replace(/,/g, ''));
  const suf = g[2];
  const sl = suf.toLowerCase();
  if (sl in numbers.gluedScales) return { value: v, scale: numbers.gluedScales[sl] };
  if (sl in numbers.moneyGluedScales) {
    // "$5m" is money; a bare "100m" is a length; a bare "5k" is too ambiguous.
    if (currency) return { value: v, scale: numbers.moneyGluedScales[sl] };
    if (suf === 'm') return { value: v, scale: 1, unit: UNIT_WORDS.m };
    return null;
  }
  if (units.gluedCaseSensitive.has(suf.toUpperCase())) return suf === suf.toUpperCase() ? { value: v, scale: 1, unit: UNIT_WORDS[sl] } : null;
  return { value: v, scale: 1, unit: UNIT_WORDS[sl] ?? suf };
}

/** A currency written before a number at token i: "$", "£", "US$", "USD"; the unit, ISO code and where the number starts. */
function currencyAt(toks: Tok[], i: number): { unit: string; code: string; at: number } | null {
  const t = toks[i];
  if (!t) return null;
  const sym = units.currencySymbols[t.text];
  if (sym) return { unit: sym.unit, code: sym.code, at: i + 1 };
  const prefix = units.dollarPrefixes[t.text];
  if (prefix && toks[i + 1]?.text === '$' && toks[i + 1].start === t.end) return { unit: 'dollars', code: prefix, at: i + 2 };
  const code = units.currencyCodes[t.text];
  if (code && toks[i + 1] && /^\d/.test(toks[i + 1].text)) return { unit: code, code: t.text, at: i + 1 };
  return null;
}
const STRICT_NUM = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const TIME_TAILS = time.clockSuffixes;
// Nouns that turn a following number into a name or reference ("Resolution 2231", "Flight 17", "Category 4").
const ID_HEADS = new Set(grammar.quantities.idHeads);
// Capitalised words that may stand right before a number without making it an identifier.
const CAP_OK_BEFORE_NUMBER = new Set(grammar.quantities.capOkBeforeNumber);
const YEAR_PREPS = new Set(grammar.quantities.yearPreps);
const ANAPHORIC_DETS = new Set(grammar.quantities.anaphoricDets);
const ONE_NOT_FOLLOWED = new Set(grammar.quantities.oneNotFollowed);
const ONE_NOT_PRECEDED = new Set(grammar.quantities.oneNotPreceded);
const ROLE_NOUNS = new Set(grammar.quantities.roleNouns);
const SPEECH_AFTER_ONE = new Set(grammar.quantities.speechAfterOne);
// Nouns of places and areas: "over eight regions" is spatial, not a lower bound.
const AREA_NOUNS = new Set(grammar.quantities.areaNouns);
const CHANGE_VERBS = new Set(grammar.quantities.changeVerbs);
/** Verbs that say a count went somewhere when "up to" follows them ("has gone up to 288"). */
const MOTION_VERBS = new Set(grammar.quantities.motionVerbs);
// Counted-noun chunk stops: function words, auxiliaries and common verbs.
const UNIT_STOP = new Set([...FUNCTION_WORDS, 'ago', 'later', 'earlier', 'each', 'apiece', 'total', 'overall', 'alone', 'ahead', 'away', 'said', 'says', 'say', 'reported', 'according', 'including', 'plus']);

interface Num {
  value: number;
  /** Token index range [i0, i1) of the number as written. */
  i0: number;
  i1: number;
  scale: number;
  wordy: boolean;
  vague?: [number, number];
  unit?: string;
  percent?: boolean;
  currency?: string;
  /** ISO 4217 code of the currency, when known. */
  code?: string;
  suffixBound?: Cue;
}

function strictValue(s: string): number {
  return STRICT_NUM.test(s) ? Number(s.replace(/,/g, '')) : NaN;
}

function round(v: number): number {
  return Math.abs(v) >= 1 ? Math.round(v * 1e6) / 1e6 : v;
}

function wordValue(w: string): number {
  if (w in SMALL) return SMALL[w];
  if (w in TENS) return TENS[w];
  const parts = w.split(/[-‐‑–]/);
  if (parts.length === 2 && parts[0] in TENS && parts[1] in SMALL && SMALL[parts[1]] > 0 && SMALL[parts[1]] < 10) {
    return TENS[parts[0]] + SMALL[parts[1]];
  }
  return NaN;
}

function prevWord(toks: Tok[], i: number): Tok | undefined {
  let j = i - 1;
  while (j >= 0 && toks[j].text === '.') j--;
  return toks[j];
}

/** Parse the number written at token i (without cues, ranges or units), or null. */
function parseNumber(toks: Tok[], i: number): Num | null {
  const t = toks[i];
  if (!t) return null;
  let j = i;
  let currency: string | undefined;
  let code: string | undefined;
  const cur = currencyAt(toks, i);
  if (cur && toks[cur.at] && /^\d/.test(toks[cur.at].text)) {
    currency = cur.unit;
    code = cur.code;
    j = cur.at;
  }
  const tok = toks[j];
  const lw = tok.lower;
  const cg = currency ? null : CODE_GLUED.exec(tok.text);
  if (cg && units.currencyCodes[cg[1]]) {
    const scale = cg[3] ? (numbers.gluedScales[cg[3]] ?? numbers.moneyGluedScales[cg[3]]) : 1;
    return withScaleWords(toks, { value: Number(cg[2].replace(/,/g, '')), i0: i, i1: j + 1, scale, wordy: false, currency: units.currencyCodes[cg[1]], code: cg[1] });
  }

  // Digits, possibly glued to a scale or unit suffix.
  let v = strictValue(tok.text);
  let unit: string | undefined;
  let scale = 1;
  const k = j + 1;
  if (Number.isNaN(v)) {
    const g = parseGlued(tok.text, !!currency);
    if (g) {
      v = g.value;
      scale = g.scale;
      unit = g.unit;
      // "2.4m tonnes", "the 1.2m it disclosed": news copy means millions; "a 100m sprint", "8m high" are metres.
      const nx = toks[j + 1];
      if (unit === UNIT_WORDS.m && /m$/.test(tok.text) && nx && isWordTok(nx) && !units.metreContext.has(nx.lower)) {
        scale = numbers.moneyGluedScales.m;
        unit = undefined;
      }
    } else if (GLUED.test(tok.text)) return null;
  }
  // ".001 per cent": a decimal written without its leading zero.
  let i0 = i;
  if (!currency && !Number.isNaN(v) && /^\d+$/.test(tok.text) && toks[j - 1]?.text === '.' && toks[j - 1].end === tok.start && (j - 1 === 0 || toks[j - 2].end < toks[j - 1].start)) {
    v = Number(`0.${tok.text}`);
    i0 = j - 1;
  }
  // "-5C", "−0.3%", "minus 12": a negative number.
  let sign = 1;
  if (!currency && !Number.isNaN(v)) {
    const p = toks[i0 - 1];
    if (p && (p.text === '-' || p.text === '−' || p.text === '–') && p.end === toks[i0].start && (i0 - 1 === 0 || toks[i0 - 2].end < p.start)) {
      sign = -1;
      i0--;
    } else if (p?.lower === 'minus') sign = -1;
  }
  if (!Number.isNaN(v)) {
    const n = withScaleWords(toks, { value: v, i0: currency ? i : i0, i1: k, scale, wordy: false, unit, currency, code });
    n.value *= sign;
    return n;
  }
  if (currency) return null;

  // Hyphenated forms: "10,000-12,000" is handled as a range by the caller; here "24-hour", "12-year-old", "twenty-five".
  if (/[-‐‑–]/.test(tok.text) && /^[\p{L}\p{N}]/u.test(tok.text)) {
    const parts = tok.lower.split(/[-‐‑–]/);
    // "300bn-yen": a glued scale on the number before the hyphen.
    const glued = STRICT_NUM.test(parts[0]) ? null : parseGlued(tok.text.split(/[-‐‑–]/)[0], true);
    const head = glued ? round(glued.value * glued.scale) : STRICT_NUM.test(parts[0]) ? Number(parts[0].replace(/,/g, '')) : wordValue(parts[0]);
    const compound = wordValue(tok.lower);
    if (!Number.isNaN(compound)) {
      return continueWords(toks, i, compound);
    }
    if (!Number.isNaN(head) && parts.length >= 2) {
      if (parts[1] === 'plus' && parts.length === 2) {
        return { value: head, i0: i, i1: i + 1, scale: 1, wordy: false, suffixBound: SUFFIX_CUES.plus };
      }
      if (parts[1] === 'odd' && parts.length === 2) {
        return { value: head, i0: i, i1: i + 1, scale: 1, wordy: false, suffixBound: SUFFIX_CUES.odd };
      }
      // "24-hour", "435-seat", "12-year-old": the number with its unit as a compound adjective.
      const tail = parts.length === 2 || (parts.length === 3 && COMPOUND_TAILS.has(parts[2]));
      if (tail && /^\p{Ll}{2,}$/u.test(parts[1])) {
        const u = UNIT_WORDS[parts[1]] ?? parts[1];
        const money = units.currencyWords[parts[1]];
        return {
          value: head, i0: i, i1: i + 1, scale: glued?.scale ?? 1, wordy: !glued && Number.isNaN(Number(parts[0].replace(/,/g, ''))),
          unit: u, ...(money ? { currency: u, code: money } : {}),
        };
      }
    }
    return null;
  }

  // Number words, including "a dozen" / "a hundred" / "a thousand".
  if (lw === 'a' || lw === 'an') {
    const n = toks[i + 1]?.lower;
    if (n === 'dozen' || n === 'hundred' || n === 'thousand' || n === 'million' || n === 'billion') {
      return continueWords(toks, i + 1, 1, i);
    }
    return null;
  }
  const wv = wordValue(lw);
  if (!Number.isNaN(wv)) return continueWords(toks, i, wv);
  return null;
}

/** Apply scale words after digits ("3.9 million", "2 billion"): `n.value` is the digits, `n.scale` any glued scale. */
function withScaleWords(toks: Tok[], n: Num): Num {
  let k = n.i1;
  let scale = n.scale;
  const next = toks[k]?.lower;
  if (next && next in SCALES) {
    scale *= SCALES[next];
    k++;
    if (toks[k] && (toks[k].lower === 'million' || toks[k].lower === 'billion' || toks[k].lower === 'thousand')) {
      scale *= SCALES[toks[k].lower];
      k++;
    }
  }
  n.value = round(n.value * scale);
  n.scale = scale;
  n.i1 = k;
  return n;
}

/** Continue a number-word phrase after its first value ("twenty-five thousand", "one hundred and twenty"). */
function continueWords(toks: Tok[], i: number, first: number, startAt = i): Num {
  let total = 0;
  let cur = first;
  let k = i + 1;
  let scale = 1;
  if (toks[i].lower === 'dozen' || toks[i].lower in SCALES) {
    // "a dozen", "a hundred": the article stands for one.
    const w = toks[i].lower;
    if (w === 'dozen') cur = 12;
    else if (w === 'hundred') cur = 100;
    else {
      total = SCALES[w];
      cur = 0;
      scale = SCALES[w];
    }
  }
  let lastWasScale = false;
  while (k < toks.length) {
    const w = toks[k].lower;
    if (w === 'hundred') {
      cur = (cur || 1) * 100;
      lastWasScale = true;
    } else if (w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') {
      total += (cur || 1) * SCALES[w];
      scale = SCALES[w];
      cur = 0;
      lastWasScale = true;
    } else if (w === 'dozen') {
      cur = (cur || 1) * 12;
    } else if (w === 'and' && lastWasScale && toks[k + 1] && !Number.isNaN(wordValue(toks[k + 1].lower))) {
      k++;
      continue;
    } else if (lastWasScale && !Number.isNaN(wordValue(w))) {
      cur += wordValue(w);
      lastWasScale = false;
    } else break;
    k++;
  }
  return { value: total + cur, i0: startAt, i1: k, scale, wordy: true };
}

/**
 * Vague amounts: "several hundred", "a few thousand", "tens of thousands", "hundreds", "dozens". The value is the
 * least the phrase implies ("thousands": 1,000; "several hundred": 300); no upper bound is invented.
 */
function parseVague(toks: Tok[], i: number): Num | null {
  const w = toks[i].lower;
  const n1 = toks[i + 1]?.lower;
  const n2 = toks[i + 2]?.lower;
  const M = numbers.vagueMultipliers;
  const vague = (least: number, i0: number, i1: number, scale: number): Num => ({ value: least, i0, i1, scale, wordy: true, vague: [least, least] });
  if ((w === 'several' || w === 'few') && n1 && (n1 === 'dozen' || (n1 in SCALES && !/^[a-z]{2,3}$/.test(n1)))) {
    const s = n1 === 'dozen' ? 12 : SCALES[n1];
    const start = w === 'few' && toks[i - 1]?.lower === 'a' ? i - 1 : i;
    if (w === 'few' && start === i) return null;
    return vague(M[w] * s, start, i + 2, s);
  }
  if ((w === 'tens' || w === 'hundreds') && n1 === 'of' && n2 && n2 in PLURAL_SCALES && n2 !== 'dozens' && n2 !== 'hundreds') {
    const s = PLURAL_SCALES[n2] * M[w];
    return vague(s, i, i + 3, s);
  }
  if (w in PLURAL_SCALES) {
    const s = PLURAL_SCALES[w];
    return vague(s, i, i + 1, s);
  }
  if ((w === 'scores' || w === 'tens') && n1 === 'of') return vague(M[w], i, i + 1, M[w]);
  return null;
}

/** Percent or other unit words right after the number; advances n.i1 over percent (part of the quantity text). */
function takePercent(toks: Tok[], n: Num): void {
  const a = toks[n.i1];
  if (!a) return;
  if (a.text === '%') {
    n.percent = true;
    n.unit = 'percent';
    n.i1++;
  } else if (a.lower === 'percent' || a.lower === 'pct' || a.lower === 'percentage' || (a.lower === 'per' && toks[n.i1 + 1]?.lower === 'cent')) {
    n.percent = true;
    if (a.lower === 'percentage' && (toks[n.i1 + 1]?.lower === 'points' || toks[n.i1 + 1]?.lower === 'point')) {
      n.unit = 'percentage points';
      n.i1 += 2;
    } else if (a.lower === 'percentage') {
      n.percent = false;
    } else {
      n.unit = 'percent';
      n.i1 += a.lower === 'per' ? 2 : 1;
    }
  } else if (a.lower === 'basis' && toks[n.i1 + 1]?.lower === 'points') {
    n.unit = 'basis points';
    n.i1 += 2;
  } else if (a.text === '°' && toks[n.i1 + 1] && /^[CF]$/.test(toks[n.i1 + 1].text)) {
    n.unit = toks[n.i1 + 1].text === 'C' ? 'degrees celsius' : 'degrees fahrenheit';
    n.i1 += 2;
  }
}

const IRREGULAR_PLURALS = new Set(grammar.quantities.irregularPlurals);
const S_SINGULARS = /(?:ss|us|is|news|series|species|measles|mumps|rabies|diabetes|herpes|means|physics|economics|politics|headquarters|whereabouts|chaos|corps|lens|gas|bias|atlas|canvas|alias)$/;
function isPluralNoun(t: Tok): boolean {
  if (IRREGULAR_PLURALS.has(t.lower)) return true;
  return t.text.length > 3 && /\p{Ll}s$/u.test(t.text) && !S_SINGULARS.test(t.lower);
}

/** Unit or counted noun after token index j (not part of the quantity text). */
function unitAfter(toks: Tok[], j: number): { unit: string | null; next: number } {
  const t = toks[j];
  if (!t) return { unit: null, next: j };
  // Two-word units first.
  const two = t.lower + ' ' + (toks[j + 1]?.lower ?? '');
  if (t.lower === 'square' && toks[j + 1] && UNIT_WORDS[toks[j + 1].lower]) return { unit: 'square ' + UNIT_WORDS[toks[j + 1].lower], next: j + 2 };
  if (two === 'per cent') return { unit: 'percent', next: j + 2 };
  if (UNIT_WORDS[t.lower] && t.lower !== 'm' && t.lower !== 't' && t.lower !== 'c' && t.lower !== 'f') return { unit: UNIT_WORDS[t.lower], next: j + 1 };
  let k = j;
  if (t.lower === 'of') {
    k++;
    if (toks[k] && (ANAPHORIC_DETS.has(toks[k].lower) || toks[k].lower === 'them' || toks[k].lower === 'whom')) k++;
  }
  const chunk: Tok[] = [];
  while (k < toks.length && chunk.length < 4) {
    const c = toks[k];
    // An initialism before the noun ("2,500 U.S. troops") is a modifier: step over it and its dot.
    if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(c.text) && toks[k + 1]?.text === '.' && toks[k + 2] && isWordTok(toks[k + 2])) {
      k += 2;
      continue;
    }
    if (!isWordTok(c) || /\d/.test(c.text)) break;
    if (UNIT_STOP.has(c.lower) || IRREGULAR_PAST.has(c.lower)) break;
    if (/(?:ed|ing)$/.test(c.lower) && !isCapitalized(c) && c.lower.length > 4 && !/(?:ing|ed)s$/.test(c.lower)) {
      // Participles after a number are verbs ("9,000 sent", "20 injured") unless a noun follows ("armed men").
      const nx = toks[k + 1];
      if (!nx || !isWordTok(nx) || UNIT_STOP.has(nx.lower)) break;
    }
    chunk.push(c);
    k++;
  }
  if (!chunk.length) return { unit: null, next: j };
  // The counted noun is the last plural of the phrase after any adjectives ("300 troops arrive", "14 new measles
  // cases", "40 Red Cross volunteers"); a run of capitalised words is a name-like group ("300 New Zealanders").
  const allCaps = chunk.every((c) => isCapitalized(c));
  let plural: Tok | undefined;
  for (const c of chunk) if (isPluralNoun(c)) plural = c;
  const unit = allCaps ? chunk.map((c) => c.lower).join(' ') : (plural ?? chunk[chunk.length - 1]).lower;
  return { unit: unit.replace(/['’]s?$/, ''), next: k };
}

// Prefix cues indexed by their last word, longest first, so a lookup compares tokens instead of building keys.
const CUES_BY_LAST = new Map<string, Array<{ words: string[]; cue: Cue }>>();
for (const [key, cue] of Object.entries(PREFIX_CUES)) {
  const words = key.split(' ');
  const last = words[words.length - 1];
  const list = CUES_BY_LAST.get(last) ?? [];
  list.push({ words, cue });
  list.sort((x, y) => y.words.length - x.words.length);
  CUES_BY_LAST.set(last, list);
}

function cueBefore(toks: Tok[], i0: number): { cue: Cue; start: number } | null {
  let j = i0 - 1;
  // "approx. 30": the abbreviation dot sits between cue and number.
  if (toks[j]?.text === '.' && toks[j - 1]?.lower === 'approx') j--;
  const p = toks[j];
  if (!p) return null;
  const list = CUES_BY_LAST.get(p.lower);
  if (!list) return null;
  for (const { words, cue } of list) {
    let k = j;
    let w = words.length - 1;
    while (w >= 0 && k >= 0 && toks[k].lower === words[w]) {
      k--;
      w--;
    }
    if (w < 0) return { cue, start: k + 1 };
  }
  return null;
}

const SUFFIX_FIRST = new Set(Object.keys(SUFFIX_CUES).map((k) => k.split(' ')[0]));

function cueAfter(toks: Tok[], j: number): Cue | null {
  const t = toks[j];
  if (!t) return null;
  const a = t.lower;
  if (!SUFFIX_FIRST.has(a)) return null;
  const b = toks[j + 1]?.lower;
  if (b && SUFFIX_CUES[a + ' ' + b]) return SUFFIX_CUES[a + ' ' + b];
  if (a === 'plus' || a === 'odd') return SUFFIX_CUES[a];
  return null;
}

function isYearLike(n: Num, toks: Tok[]): boolean {
  if (n.wordy || n.scale !== 1 || n.currency || n.percent || n.i1 - n.i0 !== 1) return false;
  const s = toks[n.i0].text;
  return /^\d{4}$/.test(s) && n.value >= 1500 && n.value <= 2100;
}

function isMonthTok(t: Tok | undefined): boolean {
  return !!t && MONTHS.has(t.lower) && isCapitalized(t);
}

// Words that can open a number phrase; every other word token is skipped without further tests.
const NUMBER_STARTS = new Set([
  ...Object.keys(SMALL), ...Object.keys(TENS), ...Object.keys(PLURAL_SCALES), 'a', 'an', 'several', 'few', 'tens', 'scores',
]);

/** Cheap test: can token t start a quantity (digit, currency sign, number word)? */
function mayStartNumber(t: Tok): boolean {
  const c = t.code0();
  if (c >= 48 && c <= 57) return true;
  if (t.text in CURRENCY_SYMBOLS || units.dollarPrefixes[t.text] || (c >= 65 && c <= 90 && units.currencyCodes[t.text.slice(0, 3)])) return true;
  if (NUMBER_STARTS.has(t.lower)) return true;
  if (c >= 97 && c <= 122 && MEASURE_VALUE.test(t.text)) return true;
  const dash = t.lower.indexOf('-');
  return dash > 0 && (t.lower.slice(0, dash) in SMALL || t.lower.slice(0, dash) in TENS);
}

type Verdict = { kind: 'keep' } | { kind: 'skip'; type: string | null };

/** Decide whether a single parsed number is a quantity or a date/time/identifier/pronoun. */
function judge(toks: Tok[], n: Num, cue: Cue | null, firstContent: number): Verdict {
  const prev = prevWord(toks, n.i0);
  const next = toks[n.i1];
  const first = toks[n.i0];
  if (!n.wordy && !n.currency) {
    if (isMonthTok(prev) && n.value <= 31 && Number.isInteger(n.value)) return { kind: 'skip', type: 'DATE' };
    if (isMonthTok(next) && n.value <= 31 && Number.isInteger(n.value) && !n.percent && !n.unit) return { kind: 'skip', type: 'DATE' };
    if (next && TIME_TAILS.has(next.lower) && !n.percent) return { kind: 'skip', type: 'TIME' };
    if (isYearLike(n, toks)) {
      // A bare four-digit number in 1500..2100 is a year unless it visibly counts something ("2000 soldiers").
      const after = toks[n.i1];
      const plural = !!after && isWordTok(after) && !isCapitalized(after) && /s$/.test(after.lower) && after.lower.length > 3 && !FUNCTION_WORDS.has(after.lower);
      if (plural && (cue || !(prev && YEAR_PREPS.has(prev.lower)))) return { kind: 'keep' };
      return { kind: 'skip', type: 'DATE' };
    }
  }
  if (prev && !n.currency && !cue) {
    const pl = prev.lower.replace(/\.$/, '');
    // "a number 5", and "Phone number 637,430" in a table (identifiers carry no digit grouping), count.
    const counted = pl === 'number' && (toks[n.i0 - 2]?.lower === 'a' || /\d,\d{3}/.test(first.text));
    if (ID_HEADS.has(pl) && (pl !== 'no' || toks[n.i0 - 1]?.text === '.' || prev.text === 'No') && !counted) {
      return { kind: 'skip', type: 'ID' };
    }
    const prevIdx = toks.indexOf(prev, Math.max(0, n.i0 - 3));
    // "iPhone 14", "eBay 2": a mixed-case name.
    if (/^\p{Ll}+\p{Lu}/u.test(prev.text)) return { kind: 'skip', type: 'ID' };
    // "Labour 26.1 percent" in a list of results: a name owns a share; an identifier carries no percent
    // sign and no scale word ("and Bolsonaro 51.07 million").
    if (isCapitalized(prev) && prevIdx > firstContent && !n.percent && n.scale < 1e6 && !CAP_OK_BEFORE_NUMBER.has(pl) && !/['’]s$/.test(prev.text) && !MONTHS.has(pl) && !WEEKDAYS.has(pl)) {
      return { kind: 'skip', type: 'ID' };
    }
  }
  // "10 Downing Street", "221 Baker Street": a house number before a street name.
  if (!n.wordy && !n.currency && isCapitalized(next)) {
    for (let k = n.i1; k < Math.min(toks.length, n.i1 + 4) && isCapitalized(toks[k]); k++) if (ADDRESS_WORDS.has(toks[k].lower)) return { kind: 'skip', type: 'ADDRESS' };
  }
  if (n.wordy && !n.vague) {
    const w = first.lower;
    if (w === 'one' && n.i1 - n.i0 === 1) {
      // "One diplomat said", "one official described": an indefinite speaker, not a count.
      if (next && ROLE_NOUNS.has(next.lower) && SPEECH_AFTER_ONE.has(toks[n.i1 + 1]?.lower ?? '')) return { kind: 'skip', type: null };
      if (!next || !isWordTok(next) || ONE_NOT_FOLLOWED.has(next.lower)) return { kind: 'skip', type: null };
      if (prev && ONE_NOT_PRECEDED.has(prev.lower)) return { kind: 'skip', type: null };
    }
    // "the two leaders" refers back; "three of the seven goals" counts the whole.
    const partOf = prev?.lower === 'the' && toks[n.i0 - 2]?.lower === 'of' && !!toks[n.i0 - 3] && (/^\d/.test(toks[n.i0 - 3].text) || !Number.isNaN(wordValue(toks[n.i0 - 3].lower)));
    // "for the three months to December": a duration, not a reference back.
    const duration = !!next && TIME_UNITS.has(UNIT_WORDS[next.lower] ?? '');
    if (n.value <= 10 && prev && ANAPHORIC_DETS.has(prev.lower) && !cue && !partOf && !duration) return { kind: 'skip', type: null };
  }
  return { kind: 'keep' };
}

// Token hashes of the words that can open a number phrase or name a month, checked before any string is cut.
const NUMBER_WORD = LEXICON.define([...Object.keys(SMALL), ...Object.keys(TENS), ...Object.keys(PLURAL_SCALES), 'several', 'few', 'tens', 'scores']);
const MONTH_WORD = LEXICON.define(MONTHS);
const ARTICLE = LEXICON.define(['a', 'an']);
const SCALE_AFTER_ARTICLE = LEXICON.define(['dozen', 'hundred', 'thousand', 'million', 'billion']);
const CURRENCY_CODES = new Set([...Object.keys(CURRENCY_SYMBOLS)].map((c) => c.charCodeAt(0)));

/**
 * Indices of tokens where a quantity, currency sign or month may start (empty: nothing for the scanner).
 * `flags` is LEXICON.flagsOf(toks).
 */
export function quantityCandidates(toks: Tok[], flags: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const f = flags[i];
    const t = toks[i];
    const c = t.code0();
    if ((c >= 48 && c <= 57) || CURRENCY_CODES.has(c) || f & (NUMBER_WORD | MONTH_WORD)) out.push(i);
    else if (f & ARTICLE && i + 1 < toks.length && flags[i + 1] & SCALE_AFTER_ARTICLE) out.push(i);
    // "twenty-five", "five-day": a number word before a hyphen.
    else if (t.headHash !== t.hash && LEXICON.flagsOfHash(t.headHash) & NUMBER_WORD) out.push(i);
    // "magnitude-6.4": a word, a hyphen and a digit.
    else if (t.headHash !== t.hash && c >= 97 && c <= 122 && MEASURE_VALUE.test(t.text)) out.push(i);
    // "USD10m", "US$4bn", "EUR 2bn": an ISO code or a dollar prefix before the amount.
    else if (c >= 65 && c <= 90 && t.end - t.start <= 9 && (units.currencyCodes[t.text.slice(0, 3)] || units.dollarPrefixes[t.text])) out.push(i);
  }
  return out;
}

/**
 * Quantities in sentence `s` (tokens `toks`, offsets relative to `s`); `base` shifts offsets into the document.
 * `candidates` are the token indices from quantityCandidates(toks), when the caller already has them.
 */
export function extractQuantities(s: string, toks: Tok[], base: number, candidates: number[] = quantityCandidates(toks, LEXICON.flagsOf(toks))): QuantityScan {
  const quantities: Quantity[] = [];
  const excluded: MarkedSpan[] = [];
  let firstContent = 0;
  while (firstContent < toks.length && OPEN_QUOTES.has(toks[firstContent].text)) firstContent++;
  // Visit only tokens where a number, currency sign, number word or month can start.
  const cx: ScanCtx = { s, toks, base, quantities, excluded, firstContent };
  let next = 0;
  for (const ti of candidates) if (ti >= next) next = scanAt(cx, ti);
  return { quantities, excluded };
}

interface ScanCtx {
  s: string;
  toks: Tok[];
  base: number;
  quantities: Quantity[];
  excluded: MarkedSpan[];
  firstContent: number;
}

/** Examine token i; returns the index of the first token not consumed. */
function scanAt(cx: ScanCtx, i: number): number {
  const { s, toks, base, quantities, excluded, firstContent } = cx;

  const t = toks[i];
  if (!mayStartNumber(t)) {
    // Month names are dates even without a number ("in November").
    if (isMonthTok(t) && (t.lower !== 'may' || MONTH_PREPS.has(prevWord(toks, i)?.lower ?? ''))) markSpan(excluded, s, toks, base, i, i + 1, 'DATE');
    return i + 1;
  }
  // Ranges in one token: "10,000-12,000", "$2.1bn-2.4bn", "5-10km" (a year span, a score or a span of days is
  // not a quantity). A unit or scale written once after the second number belongs to both.
  const cur = currencyAt(toks, i);
  const ri = cur && toks[cur.at] && toks[cur.at].start === t.end ? cur.at : i;
  const rt = toks[ri];
  if (rt && HYPHEN_RANGE.test(rt.text)) {
    const [pa, pb] = rt.text.split(/[-–]/);
    const ga = rangePart(pa, !!cur);
    const gb = rangePart(pb, !!cur);
    if (ga && gb) {
      const plain = ga.scale === 1 && gb.scale === 1 && !ga.unit && !gb.unit && !cur;
      const years = plain && yearish(ga.value, pa) && (yearish(gb.value, pb) || pb.length === 2);
      const days = plain && Number.isInteger(ga.value) && Number.isInteger(gb.value) && gb.value <= 31 && (isMonthTok(toks[ri + 1]) || isMonthTok(prevWord(toks, i)));
      let lo = ga.value * (ga.scale > 1 ? ga.scale : gb.scale);
      let hi = gb.value * gb.scale;
      if (lo < hi && !years && !days) {
        const n: Num = { value: lo, i0: i, i1: ri + 1, scale: 1, wordy: false, unit: gb.unit ?? ga.unit, currency: cur?.unit, code: cur?.code };
        const sc = toks[n.i1] && toks[n.i1].lower in SCALES ? SCALES[toks[n.i1].lower] : 1;
        if (sc > 1) {
          lo *= sc;
          hi *= sc;
          n.i1++;
        }
        takePercent(toks, n);
        const before = cueBefore(toks, i);
        const ua = n.unit || n.currency ? { unit: n.unit ?? n.currency ?? null, next: n.i1 } : unitAfter(toks, n.i1);
        pushQ(quantities, s, toks, base, n.i0, n.i1, {
          low: round(lo), high: round(hi), approximate: before?.cue.approx ?? false, bound: 'range', unit: ua.unit, code: n.code, per: rateAfter(toks, ua.next),
        });
        return n.i1;
      }
      markSpan(excluded, s, toks, base, i, ri + 1, days || years || isMonthTok(prevWord(toks, i)) ? 'DATE' : 'OTHER');
      return ri + 1;
    }
  }
  // "a magnitude-6.4 quake", "a level-3 alert": a measure name joined to its value.
  if (MEASURE_VALUE.test(t.text)) {
    const [name, num] = t.lower.split('-');
    const v = strictValue(num);
    if (!Number.isNaN(v)) {
      if (ID_HEADS.has(name)) {
        markSpan(excluded, s, toks, base, i, i + 1, 'ID');
        return i + 1;
      }
      pushQ(quantities, s, toks, base, i, i + 1, { low: v, high: v, approximate: false, bound: 'exact', unit: UNIT_WORDS[name] ?? name });
      return i + 1;
    }
  }

  const A = parseNumber(toks, i) ?? parseVague(toks, i);
  if (!A) {
    return i + 1;
  }
  takePercent(toks, A);
  const before = cueBefore(toks, A.i0);
  let cue: Cue | null = before?.cue ?? null;
  if (cue && !cue.bound && !cue.approx) cue = null; // "an additional", "another": not cues
  // "has gone up to 288", "climbed up to 40": where a count moved to, not a ceiling.
  if (cue && before && toks[before.start].lower === 'up' && (CHANGE_VERBS.has(toks[before.start - 1]?.lower ?? '') || MOTION_VERBS.has(toks[before.start - 1]?.lower ?? ''))) cue = null;

  // Ranges: "between X and Y", "X to Y", "X-Y" written apart, "two or three".
  const conn = toks[A.i1];
  const lead = (before ? prevWord(toks, before.start) : prevWord(toks, A.i0))?.lower;
  const between = lead === 'between';
  // "rose from 3.1% to 3.4%" and "cut by 0.25 to 4.5%" describe a change: two values, not a range.
  const fromChange = lead === 'by' || (lead === 'from' && changeVerbBefore(toks, A.i0));
  let B: Num | null = null;
  if (conn && !A.vague && !fromChange) {
    const c = conn.lower;
    if ((between && c === 'and') || (!between && (c === 'to' || c === '-' || c === '–' || c === '—' || (c === 'or' && A.wordy && A.value < 100)))) {
      B = parseNumber(toks, A.i1 + 1);
      if (B) takePercent(toks, B);
    }
  }
  if (B && !B.vague) {
    let lo = A.value;
    const hi = B.value;
    if (A.scale === 1 && B.scale > 1 && lo < 1000 && lo * B.scale <= hi) lo = round(lo * B.scale);
    const unitsClash = (A.percent && !B.percent) || (!A.percent && B.percent && !!A.unit) || (!!A.currency !== !!B.currency && !!A.currency);
    const bothYears = isYearLike(A, toks) && isYearLike(B, toks);
    // "14 to 16 June": a span of days.
    const days = !A.wordy && !B.wordy && Number.isInteger(A.value) && Number.isInteger(B.value) && B.value <= 31 && isMonthTok(toks[B.i1]);
    if (days) {
      markSpan(excluded, s, toks, base, A.i0, B.i1 + 1, 'DATE');
      return B.i1 + 1;
    }
    if (lo < hi && !unitsClash && !bothYears && !isMonthTok(prevWord(toks, A.i0))) {
      const cueB = cueAfter(toks, B.i1);
      const unitInfo = B.unit ?? A.unit ?? B.currency ?? A.currency;
      const { unit } = unitInfo ? { unit: unitInfo } : unitAfter(toks, B.i1);
      pushQ(quantities, s, toks, base, A.i0, B.i1, {
        low: lo, high: hi, approximate: !!(cue?.approx || cueB?.approx), bound: 'range', unit: unit ?? null, code: B.code ?? A.code, per: rateAfter(toks, B.i1),
      });
      return B.i1;
    }
    if (bothYears) {
      markSpan(excluded, s, toks, base, A.i0, B.i1, 'DATE');
      return B.i1;
    }
  }

  const verdict = judge(toks, A, cue, firstContent);
  if (verdict.kind === 'skip') {
    let end = A.i1;
    // "March 3 to 5", "May 3-4": the second day belongs to the date too.
    if (verdict.type === 'DATE' && conn && (conn.lower === 'to' || conn.lower === 'and' || conn.text === '-' || conn.text === '–')) {
      const d = toks[A.i1 + 1];
      if (d && /^\d{1,2}$/.test(d.text) && Number(d.text) <= 31) end = A.i1 + 2;
    }
    if (verdict.type) markSpan(excluded, s, toks, base, A.i0, end, verdict.type);
    return end;
  }
  // "71 cents a share": a currency's hundredth is read as the currency ($0.71), its word part of the amount.
  const subunit = !A.unit && !A.currency && !A.percent && !A.vague ? units.currencySubunits[toks[A.i1]?.lower ?? ''] : undefined;
  if (subunit) {
    A.value = round(A.value / subunit.per);
    A.currency = subunit.unit;
    A.code = subunit.code;
    A.i1++;
  }
  let ua = A.unit ? { unit: A.unit, next: A.i1 } : A.currency ? { unit: A.currency, next: A.i1 } : unitAfter(toks, A.i1);
  let resume = A.i1;
  const nx = toks[A.i1];
  if (nx && ((nx.lower === 'out' && toks[A.i1 + 1]?.lower === 'of') || nx.lower === 'in')) {
    // A ratio: "nine out of 10", "one in five adults". The denominator is part of the unit, not a quantity.
    const at = nx.lower === 'in' ? A.i1 + 1 : A.i1 + 2;
    const D = parseNumber(toks, at);
    if (D && !isYearLike(D, toks) && D.value > A.value) {
      ua = { unit: s.slice(nx.start, toks[D.i1 - 1].end).toLowerCase(), next: D.i1 };
      resume = D.i1;
    }
  }
  const pw = prevWord(toks, A.i0);
  if (pw?.lower === 'magnitude') ua = { unit: 'magnitude', next: ua.next };
  // "Ayse Demir, 54, said": an age after a name.
  if (!ua.unit && pw?.text === ',' && isCapitalized(toks[A.i0 - 2]) && Number.isInteger(A.value) && A.value > 0 && A.value < 120 && (!nx || nx.text === ',' || nx.text === '.')) {
    ua = { unit: 'years', next: ua.next };
  }
  // "two weeks ago" is a point in time, not an amount.
  if (ua.unit && TIME_UNITS.has(ua.unit) && toks[ua.next]?.lower === 'ago') {
    markSpan(excluded, s, toks, base, A.i0, ua.next + 1, 'DATE');
    return ua.next + 1;
  }
  const post = A.suffixBound ?? cueAfter(toks, A.i1) ?? cueAfter(toks, ua.next);
  // "over" is a preposition, not a bound, in "over three days" and "drones over eight regions".
  if (cue && before && toks[before.start].lower === 'over' && before.start === A.i0 - 1) {
    const pv = toks[before.start - 1];
    const spatial = (!!pv && isPluralNoun(pv) && !!ua.unit && ua.next > A.i1) || (!!ua.unit && AREA_NOUNS.has(ua.unit));
    if ((ua.unit && TIME_UNITS.has(ua.unit)) || spatial) cue = null;
  }
  let bound: QuantityBound = cue?.bound ?? post?.bound ?? 'exact';
  let high: number | null = A.value;
  // A vague amount ("thousands") implies only the least it can mean.
  if (A.vague) {
    high = null;
    bound = 'at-least';
  }
  // "rose from $5m to 7m": the second figure of a change keeps the unit written with the first.
  let code = A.code;
  if (pw?.lower === 'to' && quantities.length && !A.currency && !A.percent) {
    const last = quantities[quantities.length - 1];
    const before = toks[A.i0 - 2];
    const money = last.canonicalUnit?.dimension === 'currency';
    const g = A.i1 - A.i0 === 1 && money ? parseGlued(toks[A.i0].text, true) : null;
    if (before && last.end === base + before.end && last.unit && last.canonicalUnit?.dimension !== 'ratio' && (!ua.unit || g)) {
      ua = { unit: last.unit, next: ua.next };
      if (money) code = last.canonicalUnit?.name;
      // "$5m to 7m": the "m" is millions of the same currency, not metres.
      if (g) A.value = round(g.value * g.scale);
    }
  }
  const approx = !!(cue?.approx || post?.approx);
  pushQ(quantities, s, toks, base, A.i0, A.i1, { low: A.value, high: high === null ? null : A.value, approximate: approx, bound, unit: ua.unit, vague: !!A.vague, code, per: rateAfter(toks, ua.next) });
  return resume;
}

function yearish(x: number, str: string): boolean {
  return str.length === 4 && x >= 1500 && x <= 2100 && /^\d{4}$/.test(str);
}

function changeVerbBefore(toks: Tok[], i0: number): boolean {
  for (let k = i0 - 2; k >= Math.max(0, i0 - 6); k--) if (CHANGE_VERBS.has(toks[k].lower)) return true;
  return false;
}

const MONTH_PREPS = time.monthPrepositions;

function markSpan(out: MarkedSpan[], s: string, toks: Tok[], base: number, i0: number, i1: number, type: string): void {
  const st = toks[i0].start;
  const en = toks[i1 - 1].end;
  out.push({ start: base + st, end: base + en, text: s.slice(st, en), type });
}

interface Found {
  low: number;
  /** Null for a vague amount. */
  high: number | null;
  approximate: boolean;
  bound: QuantityBound;
  unit: string | null;
  vague?: boolean;
  /** ISO currency code written with the amount. */
  code?: string;
  /** Denominator word of a rate ("barrel" in "$70 per barrel"). */
  per?: string;
}

function pushQ(out: Quantity[], s: string, toks: Tok[], base: number, i0: number, i1: number, f: Found): void {
  const st = toks[i0].start;
  const en = toks[i1 - 1].end;
  const q: Quantity = { text: s.slice(st, en), start: base + st, end: base + en, low: f.low, high: f.high, approximate: f.approximate, bound: f.bound, unit: f.unit, vague: !!f.vague };
  const canonical = canonicalUnit(f.unit, f.code, f.per);
  if (canonical) q.canonicalUnit = canonical;
  out.push(q);
}

// "$2.1bn-2.4bn", "10,000-12,000", "5-10km": two numbers joined by a hyphen in one token, each with an optional suffix.
const HYPHEN_RANGE = /^\d[\d,.]*[a-zA-Z]*[-–]\d[\d,.]*[a-zA-Z]*$/;
// "magnitude-6.4": a lower-case measure name joined to its value.
const MEASURE_VALUE = /^\p{Ll}{3,}-\d[\d,]*(?:\.\d+)?$/u;

/** One side of a hyphenated range: plain digits or digits with a glued scale or unit. */
function rangePart(p: string, currency: boolean): { value: number; scale: number; unit?: string } | null {
  const v = strictValue(p);
  if (!Number.isNaN(v)) return { value: v, scale: 1 };
  return parseGlued(p, currency);
}

/** The denominator of a rate after an amount: "per barrel", "a year", "each month"; undefined when there is none. */
function rateAfter(toks: Tok[], j: number): string | undefined {
  const w = toks[j]?.lower;
  if (!w || !units.rateWords.has(w)) return undefined;
  const n = toks[j + 1];
  if (!n || !isWordTok(n) || /\d/.test(n.text)) return undefined;
  const nl = n.lower;
  if (w === 'per') return nl === 'cent' ? undefined : nl;
  // "a year", "an hour", "each month": only units and time words, not "a barrel of oil" after a count.
  return UNIT_WORDS[nl] && !units.currencyWords[nl] ? nl : undefined;
}
