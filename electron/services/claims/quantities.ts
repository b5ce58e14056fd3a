// Quantity extraction over one sentence: digits and number words, ranges, approximation and bound cues,
// units or counted nouns, vague amounts; dates, years, times and identifiers are recognised and left out.
import type { Quantity, QuantityBound } from '../../../shared/types/claims.ts';
import { type Tok, MONTHS, WEEKDAYS, FUNCTION_WORDS, IRREGULAR_PAST, isCapitalized, isWordTok, OPEN_QUOTES, dict, LEXICON } from './tokens.ts';

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

const SMALL: Record<string, number> = dict({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
});
const TENS: Record<string, number> = dict({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const SCALES: Record<string, number> = dict({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  bn: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12,
});
const PLURAL_SCALES: Record<string, number> = dict({
  dozens: 12, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
});
const CURRENCY_SYMBOLS: Record<string, string> = dict({ $: 'dollars', '€': 'euros', '£': 'pounds', '¥': 'yen', '₴': 'hryvnias', '₽': 'rubles', '₹': 'rupees' });


// Bound and approximation cues written before the number, matched on lower-cased word sequences.
interface Cue {
  bound?: QuantityBound;
  approx?: boolean;
}
const PREFIX_CUES: Record<string, Cue> = dict({
  'at least': { bound: 'at-least' }, 'more than': { bound: 'at-least' }, over: { bound: 'at-least' },
  'upwards of': { bound: 'at-least' }, 'upward of': { bound: 'at-least' }, 'in excess of': { bound: 'at-least' },
  'no fewer than': { bound: 'at-least' }, 'no less than': { bound: 'at-least' }, 'a minimum of': { bound: 'at-least' },
  'greater than': { bound: 'at-least' }, 'higher than': { bound: 'at-least' }, above: { bound: 'at-least' },
  exceeding: { bound: 'at-least' }, 'north of': { bound: 'at-least' }, 'well over': { bound: 'at-least' },
  'just over': { bound: 'at-least', approx: true }, 'slightly more than': { bound: 'at-least', approx: true },
  'as many as': { bound: 'at-most' }, 'as much as': { bound: 'at-most' }, 'as high as': { bound: 'at-most' },
  'up to': { bound: 'at-most' }, 'at most': { bound: 'at-most' }, 'no more than': { bound: 'at-most' },
  'not more than': { bound: 'at-most' }, 'fewer than': { bound: 'at-most' }, 'less than': { bound: 'at-most' },
  under: { bound: 'at-most' }, below: { bound: 'at-most' }, 'nowhere near': { bound: 'at-most' },
  'a maximum of': { bound: 'at-most' }, 'not even': { bound: 'at-most' },
  'just under': { bound: 'at-most', approx: true }, 'slightly less than': { bound: 'at-most', approx: true },
  'just shy of': { bound: 'at-most', approx: true },
  around: { approx: true }, about: { approx: true }, some: { approx: true }, roughly: { approx: true },
  nearly: { approx: true }, almost: { approx: true }, approximately: { approx: true }, approx: { approx: true },
  circa: { approx: true }, 'an estimated': { approx: true }, estimated: { approx: true }, 'estimated at': { approx: true },
  'close to': { approx: true }, 'closer to': { approx: true }, '~': { approx: true }, 'an approximate': { approx: true },
  'in the region of': { approx: true }, 'on the order of': { approx: true }, 'the equivalent of': {},
  'somewhere around': { approx: true }, 'more or less': { approx: true }, near: { approx: true },
  'roughly around': { approx: true }, 'an additional': {}, 'a further': {}, another: {},
});
// Words after the number: "10 or more", "40-odd", "5,000-plus".
const SUFFIX_CUES: Record<string, Cue> = dict({
  'or more': { bound: 'at-least' }, 'or higher': { bound: 'at-least' }, 'or older': { bound: 'at-least' },
  'and older': { bound: 'at-least' }, 'and over': { bound: 'at-least' }, 'or above': { bound: 'at-least' },
  'and above': { bound: 'at-least' }, 'and up': { bound: 'at-least' }, plus: { bound: 'at-least' },
  'or fewer': { bound: 'at-most' }, 'or less': { bound: 'at-most' }, 'or younger': { bound: 'at-most' },
  'and under': { bound: 'at-most' }, 'or so': { approx: true }, odd: { approx: true },
});

// Units that may follow a number directly; time units are normalised to the plural.
const UNIT_WORDS: Record<string, string> = dict({
  percent: 'percent', 'per cent': 'percent', pct: 'percent',
  second: 'seconds', seconds: 'seconds', minute: 'minutes', minutes: 'minutes', hour: 'hours', hours: 'hours',
  hrs: 'hours', day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months',
  year: 'years', years: 'years', decade: 'decades', decades: 'decades', century: 'centuries', centuries: 'centuries',
  mile: 'miles', miles: 'miles', km: 'km', kilometer: 'kilometers', kilometers: 'kilometers', kilometre: 'kilometres',
  kilometres: 'kilometres', meter: 'meters', meters: 'meters', metre: 'metres', metres: 'metres', m: 'metres',
  foot: 'feet', feet: 'feet', ft: 'feet', inch: 'inches', inches: 'inches', yard: 'yards', yards: 'yards',
  cm: 'cm', mm: 'mm', kg: 'kg', kilogram: 'kilograms', kilograms: 'kilograms', gram: 'grams', grams: 'grams',
  ton: 'tons', tons: 'tons', tonne: 'tonnes', tonnes: 'tonnes', lb: 'pounds', lbs: 'pounds', pound: 'pounds',
  liter: 'liters', liters: 'liters', litre: 'litres', litres: 'litres', gallon: 'gallons', gallons: 'gallons',
  barrel: 'barrels', barrels: 'barrels', acre: 'acres', acres: 'acres', hectare: 'hectares', hectares: 'hectares',
  ha: 'hectares', degree: 'degrees', degrees: 'degrees', mph: 'mph', kph: 'km/h', kmh: 'km/h',
  point: 'points', points: 'points', dollar: 'dollars', dollars: 'dollars', euro: 'euros', euros: 'euros',
  yuan: 'yuan', yen: 'yen', ruble: 'rubles', rubles: 'rubles', rouble: 'roubles', roubles: 'roubles',
  rupee: 'rupees', rupees: 'rupees', peso: 'pesos', pesos: 'pesos', hryvnia: 'hryvnias', hryvnias: 'hryvnias',
  c: 'degrees celsius', f: 'degrees fahrenheit', gw: 'gigawatts', mw: 'megawatts', kw: 'kilowatts',
  kwh: 'kilowatt-hours', mwh: 'megawatt-hours', gwh: 'gigawatt-hours', twh: 'terawatt-hours', t: 'tonnes',
});
const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries']);
// "<number><suffix>" written as one token: "3bn", "10km", "1.5C".
const GLUED = /^(\d+(?:\.\d+)?)(bn|mn|tn|m|k|km|kg|mph|kph|kmh|mm|cm|ft|lbs?|C|F|GW|MW|kW|kWh|MWh|GWh|TWh|ha|t)$/;
const STRICT_NUM = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const TIME_TAILS = new Set(['a.m', 'p.m', 'am', 'pm', 'gmt', 'utc', 'et', 'est', 'edt', 'ct', 'cst', 'pt', 'pst', 'pdt', 'cet', 'cest', 'bst', 'eet', "o'clock", 'hrs.']);
// Nouns that turn a following number into a name or reference ("Resolution 2231", "Flight 17", "Category 4").
const ID_HEADS = new Set([
  'no', 'nos', 'number', '#', 'article', 'articles', 'section', 'chapter', 'resolution', 'flight', 'route', 'highway',
  'interstate', 'line', 'room', 'page', 'pages', 'paragraph', 'item', 'case', 'docket', 'bill', 'proposition', 'prop',
  'amendment', 'level', 'category', 'stage', 'phase', 'gate', 'terminal', 'platform', 'unit', 'block', 'ward', 'district',
  'precinct', 'apartment', 'suite', 'vol', 'volume', 'issue', 'episode', 'season', 'part', 'table', 'figure', 'fig',
  'exhibit', 'appendix', 'rule', 'title', 'division', 'lot', 'code', 'version', 'model', 'tier', 'zone', 'building',
  'bus', 'train', 'channel', 'pier', 'runway', 'row', 'size', 'type', 'form', 'question', 'clause', 'protocol', 'annex',
  'schedule', 'act', 'grade', 'class', 'track', 'exit', 'junction', 'id', 'ref', 'reference', 'report', 'order',
]);
// Capitalised words that may stand right before a number without making it an identifier.
const CAP_OK_BEFORE_NUMBER = new Set([
  'the', 'a', 'an', 'all', 'another', 'only', 'just', 'those', 'these', 'its', 'their', 'his', 'her', 'our', 'some',
  'around', 'about', 'nearly', 'almost', 'over', 'roughly', 'approximately', 'up', 'at', 'more', 'fewer', 'less',
  'as', 'under', 'below', 'above', 'between', 'from', 'to', 'and', 'or', 'with', 'by', 'of', 'in', 'on',
  'for', 'since', 'after', 'before', 'during', 'than', 'estimated', 'until', 'within',
]);
const YEAR_PREPS = new Set(['in', 'since', 'by', 'until', 'till', 'from', 'of', 'before', 'after', 'during', 'through', 'to', 'between', 'and', 'or', 'early', 'late', 'mid', 'around', 'circa', 'fiscal', 'the', 'year', 'summer', 'winter', 'spring', 'autumn', 'fall', ',']);
const ANAPHORIC_DETS = new Set(['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'both']);
const ONE_NOT_FOLLOWED = new Set([
  'of', 'another', 'way', 'day', 'point', 'time', 'hand', 'thing', 'side', 'or', 'and', 'more', 'less', 'who', 'that',
  'which', 'in', 'on', 'at', 'by', 'for', 'to', 'is', 'was', 'has', 'had', 'will', 'would', 'can', 'could', 'may',
  'might', 'should', 'must', 'does', 'did', 'knows', 'said', 'says', 'too', 'else', 'such', 'with', 'from',
]);
const ONE_NOT_PRECEDED = new Set(['the', 'no', 'any', 'every', 'each', 'this', 'that', 'which', 'a', 'someone', 'anyone', 'everyone', 'only', 'as']);
const ROLE_NOUNS = new Set([
  'official', 'diplomat', 'source', 'analyst', 'expert', 'resident', 'witness', 'observer', 'lawmaker', 'aide',
  'adviser', 'advisor', 'insider', 'investor', 'economist', 'commander', 'soldier', 'officer', 'member', 'participant',
  'person', 'man', 'woman', 'voter', 'critic', 'scientist', 'researcher', 'doctor', 'executive', 'trader', 'banker',
]);
const SPEECH_AFTER_ONE = new Set(['said', 'says', 'told', 'tells', 'added', 'described', 'warned', 'noted', 'explained', 'wrote', 'argued', 'insisted', 'claimed', 'recalled', 'asked', 'suggested', 'confirmed', 'put', 'called', 'who', ',']);
// Nouns of places and areas: "over eight regions" is spatial, not a lower bound.
const AREA_NOUNS = new Set(['regions', 'areas', 'districts', 'provinces', 'countries', 'cities', 'towns', 'villages', 'states', 'territories', 'continents', 'oblasts', 'counties', 'neighbourhoods', 'neighborhoods', 'sites', 'locations', 'islands']);
const CHANGE_VERBS = new Set([
  'rose', 'rise', 'rises', 'rising', 'fell', 'fall', 'falls', 'falling', 'increased', 'increase', 'increases',
  'decreased', 'decrease', 'climbed', 'climb', 'dropped', 'drop', 'grew', 'grow', 'jumped', 'declined', 'slipped',
  'surged', 'plunged', 'soared', 'up', 'down', 'raised', 'lowered', 'cut', 'went', 'edged', 'ticked', 'revised',
  'changed', 'shrank', 'expanded', 'narrowed', 'widened', 'doubled', 'tripled', 'slid', 'eased', 'accelerated',
  'slowed', 'moved', 'swelled', 'dipped', 'tumbled', 'spiked', 'reduced', 'boosted', 'hiked', 'lifted',
]);
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
  if (t.text in CURRENCY_SYMBOLS && toks[i + 1] && /^\d/.test(toks[i + 1].text)) {
    currency = CURRENCY_SYMBOLS[t.text];
    j = i + 1;
  } else if ((t.text === 'US' || t.text === 'A' || t.text === 'C' || t.text === 'HK') && toks[i + 1]?.text === '$' && toks[i + 2] && /^\d/.test(toks[i + 2].text)) {
    currency = 'dollars';
    j = i + 2;
  }
  const tok = toks[j];
  const lw = tok.lower;

  // Digits, possibly glued to a scale or unit suffix.
  let v = strictValue(tok.text);
  let unit: string | undefined;
  let scale = 1;
  let k = j + 1;
  if (Number.isNaN(v)) {
    const g = GLUED.exec(tok.text);
    if (g) {
      v = Number(g[1]);
      const suf = g[2];
      const sl = suf.toLowerCase();
      if (sl === 'bn' || sl === 'mn' || sl === 'tn') scale = SCALES[sl];
      else if (sl === 'm' || sl === 'k') {
        // "$5m" is money; a bare "100m" is a length; a bare "5k" is too ambiguous.
        if (currency) scale = sl === 'm' ? 1e6 : 1e3;
        else if (sl === 'm') unit = 'metres';
        else return null;
      } else if (suf === 'C' || suf === 'F') unit = UNIT_WORDS[sl];
      else if (sl === 'c' || sl === 'f') return null;
      else unit = UNIT_WORDS[sl] ?? sl;
    }
  }
  if (!Number.isNaN(v)) {
    const next = toks[k]?.lower;
    if (next && next in SCALES) {
      scale *= SCALES[next];
      k++;
      if (toks[k] && (toks[k].lower === 'million' || toks[k].lower === 'billion' || toks[k].lower === 'thousand')) {
        scale *= SCALES[toks[k].lower];
        k++;
      }
    }
    return { value: round(v * scale), i0: i, i1: k, scale, wordy: false, unit, currency };
  }
  if (currency) return null;

  // Hyphenated forms: "10,000-12,000" is handled as a range by the caller; here "24-hour", "12-year-old", "twenty-five".
  if (/[-‐‑–]/.test(tok.text) && /^[\p{L}\p{N}]/u.test(tok.text)) {
    const parts = tok.lower.split(/[-‐‑–]/);
    const head = STRICT_NUM.test(parts[0]) ? Number(parts[0].replace(/,/g, '')) : wordValue(parts[0]);
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
      const tail = parts.length === 2 || (parts.length === 3 && ['old', 'long', 'wide', 'high', 'deep', 'tall'].includes(parts[2]));
      if (tail && /^\p{Ll}{2,}$/u.test(parts[1])) {
        const u = UNIT_WORDS[parts[1]] ?? parts[1];
        return { value: head, i0: i, i1: i + 1, scale: 1, wordy: Number.isNaN(Number(parts[0].replace(/,/g, ''))), unit: u };
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

/** Vague amounts: "several hundred", "a few thousand", "tens of thousands", "hundreds", "dozens". */
function parseVague(toks: Tok[], i: number): Num | null {
  const w = toks[i].lower;
  const n1 = toks[i + 1]?.lower;
  const n2 = toks[i + 2]?.lower;
  if ((w === 'several' || w === 'few') && n1 && (n1 === 'hundred' || n1 === 'thousand' || n1 === 'million' || n1 === 'billion' || n1 === 'dozen')) {
    const s = n1 === 'dozen' ? 12 : SCALES[n1];
    const start = w === 'few' && toks[i - 1]?.lower === 'a' ? i - 1 : i;
    if (w === 'few' && start === i) return null;
    const [lo, hi] = w === 'several' ? [3, 9] : [2, 5];
    return { value: lo * s, i0: start, i1: i + 2, scale: s, wordy: true, vague: [lo * s, hi * s] };
  }
  if ((w === 'tens' || w === 'hundreds') && n1 === 'of' && n2 && n2 in PLURAL_SCALES && n2 !== 'dozens' && n2 !== 'hundreds') {
    const s = PLURAL_SCALES[n2] * (w === 'tens' ? 10 : 100);
    return { value: 2 * s, i0: i, i1: i + 3, scale: s, wordy: true, vague: [2 * s, 9 * s] };
  }
  if (w in PLURAL_SCALES) {
    const s = PLURAL_SCALES[w];
    return { value: 2 * s, i0: i, i1: i + 1, scale: s, wordy: true, vague: [2 * s, 9 * s] };
  }
  if (w === 'scores' && n1 === 'of') return { value: 40, i0: i, i1: i + 1, scale: 20, wordy: true, vague: [40, 180] };
  if (w === 'tens' && n1 === 'of') return { value: 20, i0: i, i1: i + 1, scale: 10, wordy: true, vague: [20, 90] };
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

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'cattle', 'sheep', 'fish', 'deer', 'aircraft', 'crew', 'livestock', 'clergy', 'militia', 'youth', 'data', 'media', 'feet', 'teeth', 'mice', 'geese']);
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
  if (t.text in CURRENCY_SYMBOLS || t.text === 'US' || t.text === 'HK' || (t.text.length === 1 && (t.text === 'A' || t.text === 'C'))) return true;
  if (NUMBER_STARTS.has(t.lower)) return true;
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
    if (ID_HEADS.has(pl) && (pl !== 'no' || toks[n.i0 - 1]?.text === '.' || prev.text === 'No') && (pl !== 'number' || toks[n.i0 - 2]?.lower !== 'a')) {
      return { kind: 'skip', type: 'ID' };
    }
    const prevIdx = toks.indexOf(prev, Math.max(0, n.i0 - 3));
    if (isCapitalized(prev) && prevIdx > firstContent && !CAP_OK_BEFORE_NUMBER.has(pl) && !/['’]s$/.test(prev.text) && !MONTHS.has(pl) && !WEEKDAYS.has(pl)) {
      return { kind: 'skip', type: 'ID' };
    }
  }
  if (n.wordy && !n.vague) {
    const w = first.lower;
    if (w === 'one' && n.i1 - n.i0 === 1) {
      // "One diplomat said", "one official described": an indefinite speaker, not a count.
      if (next && ROLE_NOUNS.has(next.lower) && SPEECH_AFTER_ONE.has(toks[n.i1 + 1]?.lower ?? '')) return { kind: 'skip', type: null };
      if (!next || !isWordTok(next) || ONE_NOT_FOLLOWED.has(next.lower)) return { kind: 'skip', type: null };
      if (prev && ONE_NOT_PRECEDED.has(prev.lower)) return { kind: 'skip', type: null };
    }
    if (n.value <= 10 && prev && ANAPHORIC_DETS.has(prev.lower) && !cue) return { kind: 'skip', type: null };
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
  // Hyphenated digit ranges in one token: "10,000-12,000" (a year span or a score is not a quantity).
  if (/^\d[\d,.]*[-–]\d[\d,.]*$/.test(t.text)) {
    const parts = t.text.split(/[-–]/);
    const a = strictValue(parts[0]);
    const b = strictValue(parts[1]);
    if (!Number.isNaN(a) && !Number.isNaN(b) && a < b && !(yearish(a, parts[0]) && (yearish(b, parts[1]) || parts[1].length === 2)) && !isMonthTok(prevWord(toks, i))) {
      const n: Num = { value: a, i0: i, i1: i + 1, scale: 1, wordy: false };
      let hi = b;
      let lo = a;
      const sc = toks[i + 1] && toks[i + 1].lower in SCALES ? SCALES[toks[i + 1].lower] : 1;
      if (sc > 1) {
        lo *= sc;
        hi *= sc;
        n.i1++;
      }
      takePercent(toks, n);
      const before = cueBefore(toks, i);
      const { unit } = n.unit ? { unit: n.unit } : unitAfter(toks, n.i1);
      pushQ(quantities, s, toks, base, n.i0, n.i1, round(lo), round(hi), before?.cue.approx ?? false, 'range', unit, false);
      return n.i1;
    }
    if (!Number.isNaN(a) && !Number.isNaN(b)) markSpan(excluded, s, toks, base, i, i + 1, isMonthTok(prevWord(toks, i)) || yearish(a, parts[0]) ? 'DATE' : 'OTHER');
    return i + 1;
  }

  const A = parseNumber(toks, i) ?? parseVague(toks, i);
  if (!A) {
    return i + 1;
  }
  takePercent(toks, A);
  const before = cueBefore(toks, A.i0);
  let cue: Cue | null = before?.cue ?? null;
  if (cue && !cue.bound && !cue.approx) cue = null; // "an additional", "another": not cues

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
    if (lo < hi && !unitsClash && !bothYears && !isMonthTok(prevWord(toks, A.i0))) {
      const cueB = cueAfter(toks, B.i1);
      const unitInfo = B.unit ?? A.unit ?? B.currency ?? A.currency;
      const { unit } = unitInfo ? { unit: unitInfo } : unitAfter(toks, B.i1);
      pushQ(quantities, s, toks, base, A.i0, B.i1, lo, hi, !!(cue?.approx || cueB?.approx), 'range', unit ?? null, false);
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
  let lo = A.value;
  let hi = A.value;
  if (A.vague) {
    [lo, hi] = A.vague;
    if (bound !== 'exact') bound = 'exact';
  }
  const approx = !!(cue?.approx || post?.approx);
  pushQ(quantities, s, toks, base, A.i0, A.i1, lo, hi, approx, bound, ua.unit, !!A.vague);
  return resume;
}

function yearish(x: number, str: string): boolean {
  return str.length === 4 && x >= 1500 && x <= 2100 && /^\d{4}$/.test(str);
}

function changeVerbBefore(toks: Tok[], i0: number): boolean {
  for (let k = i0 - 2; k >= Math.max(0, i0 - 6); k--) if (CHANGE_VERBS.has(toks[k].lower)) return true;
  return false;
}

const MONTH_PREPS = new Set(['in', 'since', 'until', 'by', 'of', 'early', 'late', 'mid', 'last', 'next', 'this']);

function markSpan(out: MarkedSpan[], s: string, toks: Tok[], base: number, i0: number, i1: number, type: string): void {
  const st = toks[i0].start;
  const en = toks[i1 - 1].end;
  out.push({ start: base + st, end: base + en, text: s.slice(st, en), type });
}

function pushQ(
  out: Quantity[], s: string, toks: Tok[], base: number, i0: number, i1: number,
  low: number, high: number, approximate: boolean, bound: QuantityBound, unit: string | null, vague: boolean,
): void {
  const st = toks[i0].start;
  const en = toks[i1 - 1].end;
  out.push({ text: s.slice(st, en), start: base + st, end: base + en, low, high, approximate, bound, unit, vague });
}
