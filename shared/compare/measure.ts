// What one figure measures, read from its sentence's structure for any subject: its dimension (count,
// money, percent, duration...), the counted thing (head of the quantity's noun phrase), the event or state
// that qualifies it in any grammatical form ("killed 230", "230 were killed", "the death toll rose to
// 312"), its scope (place, year, rate, estimate or count) and its role (increment, denial, change, earlier).
import type { FigureLike } from '../figures/index.ts';
import { conceptOf, CUE, CUES, DENIAL_WORDS, escapeRegExp, LEX, lemma, placeOf, unitBase, type PhraseSet } from './lexicon.ts';
import { numbers } from '../lexicon/index.ts';

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

export interface Measure {
  dimension: string;
  /** For units of measure (days, mph): the dimension's base unit when the unit scales ("s", "m"), else the unit's lemma. */
  unitKey: string | null;
  /** Factor from the unit written to `unitKey` ("km" → 1,000), or null when the figure has no scaling unit. */
  unitScale: number | null;
  /** Lemma of the counted noun, or "person" for people of any description. */
  head: string | null;
  headText: string | null;
  /** Lemmas of the other nouns of the noun phrase ("card" in "credit card numbers"). */
  modifiers: string[];
  /** The qualifying event or state: a concept ("death") or the word's lemma. */
  event: string | null;
  eventText: string | null;
  /** True when the event is a lexicon concept, false for a verb taken as written. */
  conceptual: boolean;
  /** Countries named in the figure's noun phrase or clause (ISO codes). */
  places: string[];
  /**
   * Who or what the figure is about when the text names it: a row label ("National: 38 percent"), a
   * named subject ("Labour has 602,816 votes"), a place below country level ("in Sindhupalchowk").
   */
  subject: string | null;
  /**
   * The kind of area the clause points back to without naming it ("in his county", "The county now
   * attributes"), as a place noun's lemma, when no subject is named: the area last named before it.
   */
  areaRef: string | null;
  /** A year named in the figure's clause: another year's figure is another event. */
  year: number | null;
  /**
   * The month or quarter the figure covers as the clause names it: "month 7" ("in July", "July's gain"),
   * "quarter 2" ("second-quarter", "Q2"), "relative -1" ("last month", counted from the report's month) or
   * "relative-quarter 0" ("the current quarter").
   */
  period: string | null;
  rate: string | null;
  increment: boolean;
  denied: boolean;
  change: boolean;
  earlier: boolean;
  estimate: boolean;
  /** An official count or a figure of record ("the official toll", "the government's count"). */
  official: boolean;
  /** What was expected or forecast ("analysts had expected 2.5 million"), not what happened. */
  expected: boolean;
  /** Said of an opinion poll or a projection ("Datafolha's last poll had him on 50%"), not of the count. */
  poll: boolean;
  /** The round of a contest the sentence names nearest the figure (1 "first round", 2 "runoff"), or null. */
  stage: number | null;
  /** For a share: the span its change is measured over ("year", "month", "year-to-date"), when the clause says. */
  window: string | null;
  /** A change cue governs the figure itself ("rose to 1,419", "revised down to 8,000", "from 64 to 2,975"). */
  moved: boolean;
  /** The figure is the base a change is measured from ("70%, up from the 50%"): the earlier value of the figure before it. */
  base: boolean;
  /** A noun before "of" names what the figure is ("a city of 7.48 million", "a population of 120,000"). */
  namedByNoun: boolean;
  /** A figure of an earlier period the text names ("a year earlier it had added 4 million"). */
  prior: boolean;
  /** A figure of another event the text points back to ("the 200,000 deaths of that earlier disaster"). */
  otherEvent: boolean;
  /** The bar another count clears ("400 of which exceeded magnitude 3"): no reading of anything. */
  threshold: boolean;
  /** A participle naming a kind of the thing counted ("encrypted passport numbers"). */
  kind: string | null;
  question: boolean;
  /** A span that only dates a record ("the highest for 45 years", "a 15-year high"). */
  recordSpan: boolean;
  /** Blocking key: figures with different keys never share a group. Null when nothing says what it counts. */
  key: string | null;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*[\p{L}\p{M}]\.?|[\p{L}\p{M}]\.?|\d+(?:[.,]\d+)*|[$€£¥%°]|[^\s\p{L}\p{M}\d]/gu;

// A sentence with several figures is read once for all of them.
let lastText = '';
let lastWords: Word[] = [];

export function words(text: string): Word[] {
  if (text === lastText) return lastWords;
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let t = m[0];
    // Keep "U.S." whole but let a sentence's final full stop go.
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t)) t = t.slice(0, -1);
    out.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, isWord: /[\p{L}\d]/u.test(t[0]) });
  }
  [lastText, lastWords] = [text, out];
  return out;
}

/** The longest phrase of `set` that starts at word i, with its length in words. */
function phraseAt<T>(ws: Word[], i: number, set: PhraseSet<T>): { value: T; length: number } | null {
  // Built up word by word: this runs for every word of every clause, so no slicing or joining.
  let phrase = '';
  let found: { value: T; length: number } | null = null;
  const last = Math.min(set.longest, ws.length - i);
  for (let n = 1; n <= last; n++) {
    phrase = n === 1 ? ws[i].lower : `${phrase} ${ws[i + n - 1].lower}`;
    const value = set.get(phrase);
    if (value !== undefined) found = { value, length: n };
  }
  return found;
}

/** The cue families of every phrase starting at word i, in one pass. */
function cuesAt(ws: Word[], i: number): number {
  let phrase = '';
  let flags = 0;
  const last = Math.min(CUES.longest, ws.length - i);
  for (let n = 1; n <= last; n++) {
    phrase = n === 1 ? ws[i].lower : `${phrase} ${ws[i + n - 1].lower}`;
    flags |= CUES.map.get(phrase) ?? 0;
  }
  return flags;
}

/** Whether a sentence says anywhere in it that something moved or was revised ("The figures rose again later"). */
export function tellsChange(sentence: string): boolean {
  const ws = words(sentence);
  return ws.some((w, i) => w.isWord && (cuesAt(ws, i) & (CUE.change | CUE.earlier)) !== 0);
}

/** The longest phrase of `set` that ends at word i. */
function phraseEndingAt<T>(ws: Word[], i: number, set: PhraseSet<T>): { value: T; length: number } | null {
  let phrase = '';
  let found: { value: T; length: number } | null = null;
  const last = Math.min(set.longest, i + 1);
  for (let n = 1; n <= last; n++) {
    phrase = n === 1 ? ws[i].lower : `${ws[i - n + 1].lower} ${phrase}`;
    const value = set.get(phrase);
    if (value !== undefined) found = { value, length: n };
  }
  return found;
}

// Parentheses do not end a clause: "(26.85%)" and "(down 2 from election night)" belong to it.
const CLAUSE_BREAK = new Set([';', ':', '?', '!', '—', '–']);
const PREPOSITIONS = LEX.functionWords.prepositions;
/** Bound and approximation cues that sit between a verb and its number ("killing more than 900"). */
const NUMBER_CUES = LEX.functionWords.numberCues;
/** A four-digit year of the last two centuries, as a word: "2011". */
const YEAR = /^(?:1[89]|20)\d\d$/;
const isVerbForm = (w: string) => ((/(?:ed|ing)$/.test(w) || (/en$/.test(w) && !/teen$/.test(w))) && w.length > 4 && !PREPOSITIONS.has(w)) || LEX.irregularParticiples.has(w);
const CONJUNCTIONS = LEX.functionWords.conjunctions;
const SCALE_WORDS = numbers.scales;

/** A figure that is the whole of another's part: "of the country's roughly 220 million", "of the 1,200 passengers". */
function isPartitiveWhole(ws: Word[], q: Span): boolean {
  if (glued(ws, q.last)) return false;
  let b = q.first - 1;
  while (b >= 0 && leadsWhole(ws[b])) b--;
  if (b < 2 || !LEX.functionWords.definiteDeterminers.has(ws[b].lower) || ws[b - 1].lower !== 'of') return false;
  let n = b - 2;
  while (n >= 0 && SCALE_WORDS[ws[n].lower] !== undefined) n--;
  return n >= 0 && /^\d/.test(ws[n].text);
}

/** Whether a sentence speaks of an opinion poll ("the exit poll projected 13 seats"), not of polls closing or "than pollsters predicted". */
function namesPoll(ws: Word[], q: Span): boolean {
  return ws.some((w, i) => {
    // A poll governs the figures after it, and one after the figure only in the figure's own clause:
    // "114,000 jobs added, against the 175,000 that a poll of economists had predicted".
    if (i > q.last && ws.slice(q.last + 1, i).some((x) => !x.isWord)) return false;
    const two = i + 1 < ws.length ? `${w.lower} ${ws[i + 1].lower}` : '';
    const hit = LEX.pollWords.has(two) ? 2 : LEX.pollWords.has(w.lower) ? 1 : 0;
    if (!hit) return false;
    const after = ws[i + hit]?.lower ?? '';
    const compared = ws.slice(Math.max(0, i - 3), i).some((x) => x.lower === 'than');
    return !LEX.pollingPlaceVerbs.has(after) && !compared;
  });
}

/**
 * The span a share's change is measured over, as its clause says nearest the figure: "102.5% higher than
 * a year earlier" (year), "6.6% in February alone, a monthly rise" (month), "up 13.1% since the beginning
 * of the year" (year-to-date); a rate ("4% a month") is its own window. Null when the clause says none.
 */
function windowOf(sentence: string, ws: Word[], q: Span, clause: Span, rate: string | null): string | null {
  if (rate && LEX.changeWindows.some((w) => w.window === rate)) return rate;
  const [from, to] = [ws[clause.first].start, ws[clause.last].end];
  const [figureStart, figureEnd] = [ws[q.first].start, ws[q.last].end];
  const text = sentence.slice(from, to).toLowerCase();
  // Lower case of a few letters ("İ") is longer than the letter: offsets would no longer match.
  if (text.length !== to - from) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const { window, phrases } of LEX.changeWindows) {
    for (const phrase of phrases) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        const [start, end] = [from + at, from + at + phrase.length];
        const whole = !/[\p{L}\d]/u.test(sentence[start - 1] ?? ' ') && !/[\p{L}\d]/u.test(sentence[end] ?? ' ');
        if (!whole || (start < figureEnd && end > figureStart)) continue;
        const distance = start >= figureEnd ? start - figureEnd : figureStart - end;
        if (distance < bestDistance) [best, bestDistance] = [window, distance];
      }
    }
  }
  return best;
}

/** A cheap first look for any poll noun, before a text is read word by word. */
const POLL_HINT = new RegExp(`\\b(?:${[...LEX.pollNouns].map(escapeRegExp).join('|')})\\b`, 'i');

/** The round of a contest named at word i ("first round", "Sunday's runoff"), if any. */
function stageAt(ws: Word[], i: number): number | undefined {
  const two = i + 1 < ws.length ? `${ws[i].lower} ${ws[i + 1].lower}` : '';
  return LEX.contestStages.get(two) ?? LEX.contestStages.get(possessive(ws[i].lower));
}

/** The one round of a contest a text names ("Lula wins Brazil's runoff"), or null when it names none or several. */
export function stageIn(text: string): number | null {
  const ws = words(text);
  const named = new Set<number>();
  ws.forEach((_, i) => {
    const stage = stageAt(ws, i);
    if (stage !== undefined) named.add(stage);
  });
  return named.size === 1 ? [...named][0] : null;
}

/**
 * Names a text gives to pollsters ("Pollster Datafolha", "Datafolha's third poll", "a Quaest poll"):
 * a sentence naming one speaks of its poll even without the word ("Ipec had Lula on 51%").
 */
export function pollstersIn(text: string): Set<string> {
  const found = new Set<string>();
  // Most texts name no poll: they are not read word by word.
  if (!POLL_HINT.test(text)) return found;
  const ws = words(text);
  ws.forEach((w, i) => {
    if (!LEX.pollNouns.has(w.lower)) return;
    // "pollster Datafolha": the name after the noun.
    const add = (name: string) => {
      if (!LEX.stopwords.has(name) && !LEX.calendarWords.has(name) && !LEX.dayNames.has(name) && !placeOf(name)) found.add(name);
    };
    const next = ws[i + 1];
    if (/^pollsters?$/.test(w.lower) && next && isName(next)) add(possessive(next.lower));
    // "Bolsonaro's poll numbers": a standing in the polls names no pollster.
    if (LEX.pollStandings.has(next?.lower ?? '')) return;
    // "Datafolha's third poll", "a Quaest poll": a name that owns the poll, or one after "a", up to two
    // lower-case words before it ("the Lok Sabha polls" are the election).
    for (let b = i - 1; b >= Math.max(0, i - 3); b--) {
      if (isName(ws[b])) {
        const owns = /['’]s$/.test(ws[b].text) || /^an?$/.test(ws[b - 1]?.lower ?? '');
        if (owns && !LEX.pollWords.has(`${ws[b].lower} ${ws[b + 1]?.lower ?? ''}`)) add(possessive(ws[b].lower));
        break;
      }
      if (!ws[b].isWord || isCapital(ws[b]) || /^\d/.test(ws[b].text)) break;
    }
  });
  return found;
}

/** The round of a contest named nearest the figure in its sentence ("in the first round", "Sunday's runoff"). */
function stageOf(ws: Word[], q: Span): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  ws.forEach((_, i) => {
    const stage = stageAt(ws, i);
    if (stage === undefined) return;
    const distance = i > q.last ? i - q.last : q.first - i;
    if (distance < bestDistance) [best, bestDistance] = [stage, distance];
  });
  return best;
}

/** A word between "of the" and the whole's figure: a possessive ("the country's") or a cue ("roughly", "more than"). */
function leadsWhole(w: Word): boolean {
  return /['’]s$/.test(w.text) || (NUMBER_CUES.has(w.lower) && !CONJUNCTIONS.has(w.lower) && !LEX.functionWords.coordinators.has(w.lower) && !['of', 'the', 'by'].includes(w.lower));
}

/** A number glued to the letters after it ("MAX 9s", "F-16s") names a model, not a count. */
function glued(ws: Word[], k: number): boolean {
  const next = ws[k + 1];
  return !!next && next.start === ws[k].end && /^\p{L}/u.test(next.text) && SCALE_WORDS[next.lower] === undefined;
}
/** Words that link a unit named before a number to it: "magnitude of", "magnitude at", "magnitude-7.8". */
const UNIT_LINKS = LEX.functionWords.unitLinks;
const isCapital = (w: Word) => /^\p{Lu}/u.test(w.text);

/**
 * A passive participle that follows a figure within its clause, past its noun, auxiliaries and adverbs
 * ("of the dead have now been publicly identified"): a verb outside the concepts, after a form of "be".
 */
function passiveAfter(ws: Word[], from: number, last: number): Word | null {
  let passive = false;
  for (let f = from; f <= Math.min(last, from + 8); f++) {
    const w = ws[f];
    if (!w.isWord || /^\d/.test(w.text) || CONJUNCTIONS.has(w.lower)) return null;
    if (LEX.functionWords.passiveAuxiliaries.has(w.lower)) {
      passive = true;
      continue;
    }
    // "is expected to rise", "are feared to be children": a view of the figure, not something done to the counted.
    if (passive && LEX.functionWords.viewParticiples.has(w.lower)) return null;
    if (passive && isVerbForm(w.lower) && !w.lower.endsWith('ing')) {
      // "were brought to Bhubaneswar" is done to the counted; "was revised to 275" moves a figure.
      const moves = ((CUES.map.get(w.lower) ?? 0) & CUE.change) !== 0 && /^(?:to|from)$/.test(ws[f + 1]?.lower ?? '') && /^\d/.test(ws[f + 2]?.text ?? '');
      const said = conceptOf(w.lower) !== null || moves || LEX.reportingVerbs.has(w.lower);
      return said ? null : w;
    }
    if (passive && !w.lower.endsWith('ly') && !LEX.verbCompanions.has(w.lower)) return null;
  }
  return null;
}

interface Span {
  first: number;
  last: number;
}

/** A verb that says something moved ("rose", "slowed", "raised"). */
const isChangeVerb = (w: Word) => ((CUES.map.get(w.lower) ?? 0) & CUE.change) !== 0 || LEX.functionWords.movementVerbs.has(w.lower);

/**
 * The noun phrase a figure's clause says moved to it or stood at it: "The unemployment rate climbed to
 * 4.3%" gives "unemployment" (a word that only says it is a rate or a share is dropped), and so does the
 * object a verb of change moved ("raised its benchmark rate to 5%", "lifting Bank Rate to 5.5%"). A place
 * phrase between subject and verb is stepped over ("Consumer price inflation in the UK slowed to 7.9%"),
 * and a place named in the phrase is no part of it ("UK inflation"). Null when the words before the
 * figure are no verb of change or state after a plain noun phrase.
 */
function movedSubject(ws: Word[], q: Span, clause: Span): { head: string; modifiers: string[]; text: string } | null {
  let b = q.first - 1;
  while (b >= clause.first && (NUMBER_CUES.has(ws[b].lower) || LEX.functionWords.amountPrepositions.has(ws[b].lower) || /^(?:to|by|at)$/.test(ws[b].lower))) b--;
  const linked = b < q.first - 1 && /^(?:to|at)$/.test(ws[b + 1]?.lower ?? '');
  const movesOrStands = (w: Word | undefined) => !!w?.isWord && (isChangeVerb(w) || LEX.functionWords.stateVerbs.has(w.lower));
  // "dropped more steeply than expected, to 6.2 per cent": an aside on how it moved stands before the figure.
  // "lifted interest rates by more than expected, to 5%": so does one on by how much, after the object.
  if (linked && ws[b]?.text === ',') {
    for (let v = b - 1; v >= Math.max(clause.first, b - 6) && ws[v].isWord; v--) {
      if (movesOrStands(ws[v])) b = v;
      else if (ws[v].lower === 'by') b = v - 1;
      else continue;
      break;
    }
  }
  // "edged down to 4.1%": any verb with a direction is a change.
  const directed = b > clause.first && LEX.functionWords.changeDirections.has(ws[b].lower) && isVerbForm(ws[b - 1].lower);
  if (directed) b--;
  const plain = (w: Word) => w.isWord && !movesOrStands(w) && !/^\d/.test(w.text) && !LEX.functionWords.determiners.has(w.lower) && !PREPOSITIONS.has(w.lower) && !LEX.stopwords.has(w.lower) && !/['’]s$/.test(w.text) && !isVerbForm(w.lower);
  // A relative clause may carry the subject past the clause's usual reach; never past a break.
  let floor = clause.first;
  const phraseBefore = (from: number): { words: Word[]; stop: number } => {
    const found: Word[] = [];
    let at = from;
    for (; at >= floor && found.length < 3 && plain(ws[at]); at--) found.unshift(ws[at]);
    return { words: found, stop: at };
  };
  let words: Word[];
  let object = false;
  if (directed || movesOrStands(ws[b])) {
    b--;
    while (b >= clause.first && ws[b].isWord && (LEX.verbCompanions.has(ws[b].lower) || /ly$/.test(ws[b].lower))) b--;
    // "The core rate, which leaves out food and energy, dropped": a relative clause between subject and verb.
    if (ws[b]?.text === ',') {
      for (let r = b - 2; r >= Math.max(0, b - 14) && !CLAUSE_BREAK.has(ws[r].text) && ws[r].text !== '.'; r--) {
        if (ws[r].text !== ',' || !LEX.clauseRelatives.has(ws[r + 1]?.lower ?? '')) continue;
        b = r - 1;
        floor = Math.min(floor, Math.max(0, r - 4));
        while (floor > 0 && floor < clause.first && CLAUSE_BREAK.has(ws[floor - 1].text)) floor++;
        break;
      }
    }
    let found = phraseBefore(b);
    // "Inflation in the capital rose to 3.2%": a place phrase stands between the subject and its verb.
    let stop = found.stop;
    if (stop >= clause.first && LEX.functionWords.determiners.has(ws[stop].lower)) stop--;
    if (stop >= clause.first && LEX.locatives.has(ws[stop].lower)) {
      found = phraseBefore(stop - 1);
      if (!found.words.length) return null;
    }
    words = found.words;
  } else if (linked) {
    const found = phraseBefore(b);
    let v = found.stop;
    while (v >= clause.first && LEX.functionWords.determiners.has(ws[v].lower)) v--;
    if (!found.words.length || !movesOrStands(ws[v])) return null;
    words = found.words;
    object = true;
  } else return null;
  const kept = words.filter((w) => !placeOf(w.lower));
  const content = kept.map((w) => lemma(w.lower)).filter((w) => !LEX.genericHeads.has(w) && !LEX.functionWords.rateNouns.has(w));
  // A name other than a place ("Netflix shares rose") is whose the figure is, not what it measures; a
  // moved object may be a term of art ("Bank Rate").
  if (!content.length || (!object && kept.some((w) => isCapital(w) && w !== ws[floor]))) return null;
  return { head: content.at(-1)!, modifiers: content.slice(0, -1), text: kept.map((w) => w.text).join(' ') };
}

function quantityWords(ws: Word[], start: number, end: number): Span | null {
  let first = -1;
  let last = -1;
  ws.forEach((w, i) => {
    if (w.end > start && w.start < end) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : { first, last };
}

function clauseBounds(ws: Word[], q: Span): Span {
  let first = q.first;
  while (first > 0 && !CLAUSE_BREAK.has(ws[first - 1].text) && q.first - first < 14) first--;
  let last = q.last;
  while (last < ws.length - 1 && !CLAUSE_BREAK.has(ws[last + 1].text) && ws[last + 1].text !== '.' && last - q.last < 16) last++;
  return { first, last };
}

function dimensionOf(ws: Word[], q: Span, unit: string | null, quantityText: string): { dimension: string; unitKey: string | null; unitWords: number } {
  if (/[$€£¥]|\b(?:usd|eur|gbp|us\$)/i.test(quantityText)) return { dimension: 'money', unitKey: 'currency', unitWords: 0 };
  if (/%/.test(quantityText)) return { dimension: 'percent', unitKey: 'percent', unitWords: 0 };
  // A rate unit the engine read whole ("km/h") outranks its first word ("km").
  const whole = unit && /\//.test(unit) ? LEX.dimensions.get(unit.toLowerCase()) : undefined;
  if (whole) return { dimension: whole, unitKey: unit!.toLowerCase(), unitWords: ws[q.last + 2]?.text === '/' ? 3 : 1 };
  const after = phraseAt(ws, q.last + 1, LEX.dimensions);
  if (after) return { dimension: after.value, unitKey: lemma(ws.slice(q.last + 1, q.last + 1 + after.length).map((w) => w.lower).join(' ')), unitWords: after.length };
  // Words inside the quantity itself ("25 million dollars", "six-week"), or the engine's unit.
  // "28°C" is one word of the quantity: its unit is what follows the digits.
  const pieces = quantityText.toLowerCase().split(/[\s-]+/).map((p) => p.replace(/^[\d.,]+(?=\D)/, ''));
  for (const piece of [...pieces, unit?.toLowerCase() ?? '', ...(unit?.toLowerCase().split(/\s+/) ?? [])]) {
    const dim = LEX.dimensions.get(piece) ?? LEX.dimensions.get(lemma(piece));
    if (dim && !/^\d/.test(piece)) return { dimension: dim, unitKey: lemma(piece), unitWords: 0 };
  }
  // "one in seven residents", "1 in 4 voters": a proportion, not a count of seven.
  if (q.first > 1 && LEX.proportionOpeners.has(`${ws[q.first - 2].lower} ${ws[q.first - 1].lower}`)) return { dimension: 'proportion', unitKey: null, unitWords: 0 };
  // A unit word just before the number ("magnitude 6.4", "Category 4"), or before a link to it: "a
  // magnitude of 7.8", "a magnitude-7.8 quake", "put its magnitude at 6.8", "revised the magnitude to 9.0".
  let unitBefore = q.first - 1;
  while (unitBefore > 0 && q.first - unitBefore <= 3 && (UNIT_LINKS.has(ws[unitBefore].lower) || NUMBER_CUES.has(ws[unitBefore].lower))) unitBefore--;
  const before = unitBefore >= 0 ? LEX.dimensions.get(ws[unitBefore].lower) : undefined;
  if (before === 'magnitude' || before === 'ordinal-rank') return { dimension: before, unitKey: ws[unitBefore].lower, unitWords: 0 };
  return { dimension: 'count', unitKey: null, unitWords: 0 };
}

export interface MeasureOptions {
  /** Offsets of the quantity within `sentence`. */
  start: number;
  end: number;
  /** The quantity as written and the engine's unit for it. */
  quantityText: string;
  unit: string | null;
}

/** Reads what the figure at `start..end` of `sentence` measures. */
export function measureOf(sentence: string, o: MeasureOptions): Measure {
  const ws = words(sentence);
  const q = quantityWords(ws, o.start, o.end) ?? { first: 0, last: 0 };
  const clause = clauseBounds(ws, q);
  const read = dimensionOf(ws, q, o.unit, o.quantityText);
  // "two children, aged 4 and 10", "the 7-year-old daughter": a person's age, no count or span of time.
  const { dimension, unitKey: writtenUnit, unitWords } = isAge(ws, q) ? { dimension: 'age', unitKey: null, unitWords: 0 } : read;
  // Units of one dimension compare once expressed in its base unit: "125 km" and "78 miles", "60 days" and "3 months".
  const base = writtenUnit && LEX.scaledDimensions.has(dimension) ? unitBase(writtenUnit) : null;
  const m: Measure = {
    dimension,
    unitKey: base?.base ?? writtenUnit,
    unitScale: base?.factor ?? null,
    head: null,
    headText: null,
    modifiers: [],
    event: null,
    eventText: null,
    conceptual: false,
    places: [],
    subject: null,
    areaRef: null,
    year: null,
    period: null,
    rate: null,
    increment: false,
    denied: false,
    change: false,
    earlier: false,
    estimate: false,
    official: false,
    expected: false,
    poll: false,
    stage: null,
    window: null,
    prior: false,
    moved: false,
    base: false,
    namedByNoun: false,
    otherEvent: false,
    threshold: false,
    kind: null,
    question: /\?\s*["”’]?\s*$/.test(sentence.trim()),
    recordSpan: dimension === 'duration' && isRecordSpan(ws, q),
    key: null,
  };

  // The noun phrase after the number: "2.4 million more U.S. consumers", "8,000 damaged homes".
  let i = q.last + 1 + unitWords;
  if (dimension === 'money' && ws[i]?.lower === 'worth' && ws[i + 1]?.lower === 'of') i++;
  if ((dimension === 'money' || dimension === 'percent' || dimension === 'duration') && ws[i] && LEX.functionWords.amountPrepositions.has(ws[i].lower)) {
    i++; // "$4.5bn of losses", "44% of the population", "$90 billion in damage"
  }
  while (ws[i] && /^["“'‘]$/.test(ws[i].text)) i++;
  if (dimension === 'count' && ws[i]?.lower === 'of' && LEX.functionWords.definiteDeterminers.has(ws[i + 1]?.lower ?? '')) {
    i += 2;
    while (ws[i] && ws[i + 1] && /['’]s$/.test(ws[i].text) === false && ws[i + 1].text === '’') i++;
    // "33 million of the country's roughly 220 million people": a part is counted in its whole's noun.
    for (let k = i; k <= clause.last && k < i + 5 && ws[k].isWord; k++) {
      if (!/^\d/.test(ws[k].text)) {
        if (!leadsWhole(ws[k])) break;
        continue;
      }
      if (glued(ws, k)) break;
      for (i = k + 1; ws[i] && SCALE_WORDS[ws[i].lower] !== undefined; i++);
      break;
    }
  }
  const np: Word[] = [];
  for (; i <= clause.last && np.length < 5; i++) {
    const w = ws[i];
    if (!w.isWord || /^\d/.test(w.text)) break;
    if (LEX.increments.has(w.lower) && !np.length) {
      m.increment = true;
      continue;
    }
    // "in total deposits": "total" qualifies the noun after it; alone ("a total", "3,412 total") it names nothing.
    if (LEX.genericHeads.has(w.lower) && !np.length) {
      const next = ws[i + 1];
      if (w.lower === 'total' && next?.isWord && !PREPOSITIONS.has(next.lower) && !LEX.stopwords.has(next.lower) && !LEX.auxiliaries.has(next.lower)) continue;
      break;
    }
    if (LEX.functionWords.determiners.has(w.lower) && !np.length) continue;
    // "160.9% year-on-year", "211.4% annual inflation": the span a rate covers names nothing counted.
    if ((dimension === 'percent' || dimension === 'percentage-point') && LEX.windowWords.has(w.lower)) {
      if (np.length) break;
      continue;
    }
    // "3.5 million marchers nationwide", "3,861 flights worldwide": the whole area, which scopes nothing.
    if (LEX.functionWords.scopeAdverbs.has(w.lower)) break;
    // "9.8 million current and former customers": two words that qualify one noun, joined.
    const [next, after] = [ws[i + 1], ws[i + 2]];
    const qualifiesOne = (x: Word | undefined) => !!x?.isWord && !isVerbForm(x.lower) && !PREPOSITIONS.has(x.lower) && !LEX.auxiliaries.has(x.lower) && !LEX.stopwords.has(x.lower);
    // Not two nouns: "40 soldiers and police officers" are soldiers and officers.
    const qualifier = np.length === 1 && lemma(np[0].lower) === np[0].lower && !LEX.personHeads.has(np[0].lower) && !conceptOf(np[0].lower);
    if (qualifier && LEX.functionWords.coordinators.has(w.lower) && qualifiesOne(next) && qualifiesOne(after) && i + 2 <= clause.last) continue;
    // "3.5% in September": a month or a weekday dates the figure; it is not what the figure counts.
    // ("40% this year" keeps its period: it tells that fall from the day's.)
    if (PREPOSITIONS.has(w.lower) || LEX.auxiliaries.has(w.lower) || (isCapital(w) && LEX.calendarWords.has(w.lower))) break;
    // Examples of the counted thing end its noun phrase: "12,400 login details such as passwords".
    if (np.length && LEX.functionWords.exampleOpeners.has(w.lower)) break;
    const rate = phraseAt(ws, i, LEX.rates);
    if (rate) break;
    // A past participle after the first noun is the clause's verb ("homes collapsed"); so is one straight
    // after the number with no noun to follow ("the 11,000 sent in November").
    if (np.length && isVerbForm(w.lower) && !isCapital(w)) break;
    if (!np.length && isVerbForm(w.lower) && (!ws[i + 1]?.isWord || PREPOSITIONS.has(ws[i + 1].lower) || LEX.auxiliaries.has(ws[i + 1].lower))) break;
    np.push(w);
  }
  // Only a phrase after its figure names whose figure it is; a label before it may name anything.
  const followsFigure = np.length > 0;
  // A figure that ends a headline or a table row ("Email address 12,086") is named by the words before it:
  // a short line, or a line of any length that is no sentence (a row label ends in no full stop).
  const rowLabel = !/[.!?]["”’)]?$/.test(sentence.trim());
  if (!np.length && q.last >= ws.length - 2 && (ws.filter((w) => w.isWord).length <= 9 || (rowLabel && q.last === ws.length - 1))) {
    let from = q.first - 1;
    while (from >= 0 && NUMBER_CUES.has(ws[from].lower)) from--; // "kills at least 304": the cue is no noun
    for (let b = from; b >= 0 && np.length < 4; b--) {
      if (!ws[b].isWord || LEX.auxiliaries.has(ws[b].lower) || PREPOSITIONS.has(ws[b].lower) || isVerbForm(ws[b].lower) || LEX.functionWords.changeDirections.has(ws[b].lower)) break;
      np.unshift(ws[b]);
    }
    for (const w of np) if (LEX.stopwords.has(w.lower) || /^total$/i.test(w.text)) np.splice(np.indexOf(w), 1);
  }
  const placeWords = new Set<number>();
  let npName: string | null = null;
  // Set when the counted noun itself names the concept ("soldiers", "deaths"); a verb after it then says
  // what happened to them ("soldiers were killed", "soldiers deserted") and takes over.
  let headIsEvent = false;
  for (let k = 0; k < np.length; k++) {
    const two = k + 1 < np.length ? placeOf(`${np[k].lower} ${np[k + 1].lower}`) : null;
    const one = placeOf(np[k].lower) ?? placeOf(np[k].lower.replace(/\.$/, ''));
    if (two) {
      m.places.push(two);
      placeWords.add(k).add(k + 1);
      k++;
    } else if (one && (isCapital(np[k]) || np[k].text.includes('.'))) {
      m.places.push(one);
      placeWords.add(k);
    }
  }
  if (np.length) {
    const headIndex = np.length - 1;
    const head = np[headIndex];
    const headLower = head.lower;
    if (placeWords.has(headIndex) || LEX.personHeads.has(headLower) || LEX.personHeads.has(lemma(headLower))) {
      m.head = 'person';
    } else if (!LEX.stopwords.has(headLower)) {
      m.head = lemma(headLower);
    }
    m.headText = np.map((w) => w.text).join(' ');
    // "six Lee County deaths", "600 Delta flights": a name inside the phrase, before its noun, is whose they are.
    const named = np.slice(0, headIndex).filter((w, k) => !placeWords.has(k) && isName(w) && w !== ws[0] && !LEX.calendarWords.has(w.lower) && !conceptOf(w.lower));
    // Not in a headline, where every word is capitalised.
    const lettered = ws.filter((w) => w.isWord && /^\p{L}/u.test(w.text));
    const titled = lettered.filter(isCapital).length * 2 > lettered.length;
    if (followsFigure && !titled && named.length && named.every((w, n) => n === 0 || np.indexOf(w) === np.indexOf(named[n - 1]) + 1)) npName = named.map((w) => possessive(w.lower)).join(' ');
    for (let k = 0; k < headIndex; k++) {
      if (placeWords.has(k)) continue;
      const concept = conceptOf(np[k].lower);
      if (concept && !m.event) {
        m.event = concept;
        m.eventText = np[k].text;
      } else if (!LEX.stopwords.has(np[k].lower) && (!isVerbForm(np[k].lower) || np[k].lower.endsWith('ing')) && !isCapital(np[k])) m.modifiers.push(lemma(np[k].lower));
      else if (isVerbForm(np[k].lower) && !np[k].lower.endsWith('ing') && !m.event) {
        m.event = lemma(np[k].lower);
        m.eventText = np[k].text;
        // A participle outside the concepts names a kind of the thing counted: "encrypted" and
        // "unencrypted passport numbers" (kept out of the key: "cancelled flights" are "flights cancelled").
        if (!isCapital(np[k]) || np[k] === ws[0]) m.kind = np[k].lower;
      }
    }
    const headConcept = conceptOf(headLower);
    if (headConcept && !m.event) {
      m.event = headConcept;
      m.eventText = head.text;
      headIsEvent = true;
      if (m.head !== 'person') m.head = null;
    }
  }

  // Set when a participle straight after a bare figure says what it counts ("102 accounted for").
  let ownVerb = false;
  // After the noun phrase: "were killed", "have been affected", "without power", "a day".
  let j = i;
  while (j <= clause.last && ws[j] && (LEX.auxiliaries.has(ws[j].lower) || LEX.reportingVerbs.has(ws[j].lower) || ws[j].lower === 'to' || /^[,"“”'‘’]$/.test(ws[j].text))) j++;
  if (j <= clause.last && ws[j]) {
    const rate = phraseAt(ws, j, LEX.rates) ?? phraseAt(ws, i, LEX.rates);
    if (rate) m.rate = rate.value;
    let phrase = /^\d/.test(ws[j].text) ? null : phraseAt(ws, j, LEX.concepts);
    if (phrase && !fitsDimension(phrase.value, m.dimension)) phrase = null;
    // Further on, only within this figure's own part of the clause: "killed 1,941 people and injured
    // 9,900", "2,189 dead, 12,268 injured" and "climbs to 1,941 as Grace soaks the homeless" each end it.
    const endsPart = (w: Word) => !w.isWord || /^\d/.test(w.text) || CONJUNCTIONS.has(w.lower) || w.lower === 'as';
    const scanFrom = np.length && !endsPart(ws[j]) ? j + 1 : clause.last + 1;
    for (let f = scanFrom; !phrase && f <= Math.min(clause.last, j + 5) && !endsPart(ws[f]); f++) {
      const found = phraseAt(ws, f, LEX.concepts);
      // "saved 40 people from drowning": what they were kept from is not what befell them.
      if (found && fitsDimension(found.value, m.dimension) && ws[f - 1]?.lower !== 'from') {
        phrase = found;
        j = f;
      }
    }
    // "102 accounted for", "the 11,000 sent in November": a participle straight after the figure says what it counts.
    // Not a cue ("$6.52 billion expected"), which says how the figure is held, not what it counts.
    // Past a comma the verb is the clause's, not the figure's: "carrying 750 people, capsized" counts those carried.
    const verbAfter = isVerbForm(ws[j].lower) && !ws.slice(i, j).some((w) => w.text === ',') && (np.length || (j === q.last + 1 + unitWords && !cuesAt(ws, j))) && !LEX.reportingVerbs.has(ws[j].lower);
    if ((!m.event || headIsEvent) && phrase && (phrase.value !== m.event)) {
      if (headIsEvent && m.head === null) m.head = lemma(np[np.length - 1].lower);
      m.event = phrase.value;
      m.eventText = ws.slice(j, j + phrase.length).map((w) => w.text).join(' ');
    } else if (!m.event && !phrase && verbAfter) {
      // Only an item of a list ("1 dead, 99 missing, 102 accounted for"); "the 11,000 sent" may borrow
      // its meaning from the figure before it.
      ownVerb = !np.length && ws[q.first - 1]?.text === ',';
      // A verb outside the lexicon does not override a counted noun that names its concept: "soldiers
      // crossed" still counts soldiers; "soldiers deserted" (a concept) does not.
      m.event = lemma(ws[j].lower);
      m.eventText = ws[j].text;
    }
  }
  // "1.7 million people joined Sunday's rally": joining a gathering, or people said to be at one, is its attendance.
  if (m.event === null ? m.head === 'person' : LEX.gatherings.joining.has(m.event)) {
    for (let f = q.last + 1; f <= Math.min(clause.last, q.last + 8); f++) {
      // Lower case: "March" after "between January and" is a month.
      if (!ws[f].isWord || isCapital(ws[f]) || !LEX.gatherings.nouns.has(lemma(ws[f].lower))) continue;
      [m.event, m.eventText] = [LEX.gatherings.concept, ws[f].text];
      break;
    }
  }
  for (let k = q.last + 1; k <= Math.min(clause.last, q.last + 4); k++) {
    const rate = phraseAt(ws, k, LEX.rates);
    if (rate && !m.rate) m.rate = rate.value;
  }

  // Before the number: "killing more than 900", "the death toll rose to 312", "a population of 120,000".
  let k = q.first - 1;
  while (k >= clause.first && (NUMBER_CUES.has(ws[k].lower) || LEX.intensifiers.has(ws[k].lower))) {
    if (LEX.increments.has(ws[k].lower) && ws[k + 1]?.lower !== 'than') m.increment = true;
    k--;
  }
  if (k >= clause.first && ws[k].lower === 'by' && k - 1 >= clause.first && LEX.incrementVerbsBy.has(ws[k - 1].lower)) m.increment = true;
  for (let b = q.first - 1; b >= Math.max(clause.first, q.first - 4); b--) {
    if (ws[b].lower === 'by' && b - 1 >= 0 && (LEX.incrementVerbsBy.has(ws[b - 1].lower) || LEX.incrementVerbsBy.has(ws[b - 2]?.lower ?? '') || ws[b - 1].lower === 'estimate')) m.increment = true;
  }
  // "a population of about 120,000", "a nation of 28 million": the noun before "of" names the measure,
  // before any concept further back in the clause ("8 million affected in a nation of 28 million").
  const ofAt = ws.slice(k + 1, q.first).findIndex((w) => w.lower === 'of');
  // A concept named so ("a loss of 2 million paid subscribers") outweighs a participle inside the noun
  // phrase, which then only names a kind of the thing counted.
  const participleEvent = m.event !== null && m.kind !== null && m.event === lemma(m.kind) && !m.conceptual;
  const ofConcept = k >= clause.first && ofAt >= 0 && !!conceptOf(ws[k].lower);
  if (participleEvent && ofConcept) [m.event, m.eventText] = [null, null];
  if (!m.event && (!m.head || ofConcept) && k >= clause.first && ofAt >= 0 && ws[k].isWord && !LEX.stopwords.has(ws[k].lower) && !isVerbForm(ws[k].lower) && !PREPOSITIONS.has(ws[k].lower)) {
    const concept = conceptOf(ws[k].lower);
    if (concept || !LEX.genericHeads.has(ws[k].lower)) {
      m.event = concept ?? lemma(ws[k].lower);
      m.eventText = ws[k].text;
      m.namedByNoun = true;
    }
  }
  // A share or rate with nothing said of it takes the subject that moved to it before any concept further
  // off ("UK interest rates raised to 5% as the Bank fights price rises" is a rate, not a price).
  const share = m.dimension === 'percent' || m.dimension === 'percentage-point';
  const shareSubject = share && !m.event && !m.head ? movedSubject(ws, q, clause) : null;
  // A subject that names a concept ("the death rate climbed to 70%") is that concept's share, as when the
  // concept is found some other way.
  const subjectConcept = shareSubject ? conceptOf(shareSubject.head) : null;
  if (shareSubject && subjectConcept) [m.event, m.eventText] = [subjectConcept, shareSubject.text];
  else if (shareSubject) [m.head, m.headText, m.modifiers] = [shareSubject.head, shareSubject.text, shareSubject.modifiers];
  if (!m.event && !shareSubject) {
    for (let b = k; b >= clause.first && q.first - b <= 10; b--) {
      const w = ws[b];
      if (!w.isWord) continue;
      // A concept phrase may end in a word read as part of the amount: "home to at least 120,000".
      const endingHere = phraseEndingAt(ws, b, LEX.concepts);
      const endingAfter = !endingHere && b === k && k + 1 < q.first ? phraseEndingAt(ws, k + 1, LEX.concepts) : null;
      const found = endingHere ?? endingAfter;
      const concept = found && fitsDimension(found.value, m.dimension) ? found : null;
      const end = endingAfter ? k + 1 : b;
      // "adding to the 11,000", "rose to 34": a verb of change before "to" marks the figure as a total.
      if (concept && isChangeTo(ws, end, concept.value)) {
        m.change = true;
        continue;
      }
      if (concept) {
        m.event = concept.value;
        m.eventText = ws.slice(end - concept.length + 1, end + 1).map((x) => x.text).join(' ');
        break;
      }
      // The verb right before its object: "affecting 143 million", "evacuated 1,200".
      if (b === k && isVerbForm(w.lower) && !((CUES.map.get(w.lower) ?? 0) & CUE.change) && !LEX.reportingVerbs.has(w.lower)) {
        m.event = lemma(w.lower);
        m.eventText = w.text;
        break;
      }
    }
  }
  // "the number of missing", "a population of": the noun before "of" names the measure.
  if (!m.head && !m.event && k >= clause.first + 1 && ws[k].lower === 'of') {
    const noun = ws[k - 1];
    if (noun.isWord && !LEX.stopwords.has(noun.lower)) {
      m.event = conceptOf(noun.lower) ?? lemma(noun.lower);
      m.eventText = noun.text;
    }
  }

  // "The cargo ... was estimated to be worth about $3.5 billion", "None of the cargo, worth $100 million",
  // "a stake valued at $2 billion": an amount is the value of the thing named before the link.
  if (!m.head && (!m.event || LEX.functionWords.valueLinks.has(m.event)) && k > clause.first && LEX.functionWords.valueLinks.has(ws[k].lower)) {
    [m.event, m.eventText] = [null, null];
    for (let b = k - 1; b >= clause.first; b--) {
      const w = ws[b];
      const skipped = !w.isWord || w.lower === 'to' || LEX.auxiliaries.has(w.lower) || LEX.stopwords.has(w.lower) || PREPOSITIONS.has(w.lower) || NUMBER_CUES.has(w.lower) || isVerbForm(w.lower) || (b > 0 && isCapital(w));
      if (skipped) continue;
      // The object of a preposition qualifies the thing ("the cargo aboard the ship"); "of" names it ("none of the cargo").
      let p = b - 1;
      while (p > clause.first && LEX.functionWords.determiners.has(ws[p].lower)) p--;
      if (p >= clause.first && PREPOSITIONS.has(ws[p].lower) && ws[p].lower !== 'of') {
        b = p;
        continue;
      }
      m.head = lemma(w.lower);
      m.headText = w.text;
      break;
    }
  }

  // Still nothing: the nearest concept anywhere in the clause ("the 2,975 number ... for the excess deaths").
  const bareVerb = m.event !== null && !m.head && !m.namedByNoun && !ownVerb && conceptOf(m.eventText ?? '') !== m.event;
  if ((!m.event && !m.head) || bareVerb) {
    let best = Infinity;
    const [from, to] = bareVerb ? [0, ws.length - 1] : [clause.first, clause.last];
    for (let c = from; c <= to; c++) {
      if (c >= q.first && c <= q.last) continue;
      const found = phraseAt(ws, c, LEX.concepts);
      const distance = c < q.first ? q.first - c : c - q.last;
      // Verbs of change ("adding to the 11,000 sent") say how a count moved, not what it counts.
      if (found && ((bareVerb && (found.value === 'gain' || found.value === 'loss')) || isChangeTo(ws, c + found.length - 1, found.value))) continue;
      if (found && distance < best) {
        best = distance;
        m.event = found.value;
        m.eventText = ws.slice(c, c + found.length).map((x) => x.text).join(' ');
      }
    }
  }

  // "in 2011, when a plan ... cost it 800,000 subscribers": the year a when-clause hangs from dates the
  // figures of that clause however long it runs, with no other figure between.
  // Only inside the when-clause: in "Since 2011, when it split its services, it has added 150 million"
  // the figure follows the clause, and is not of that year.
  // A reading inside the clause ("when a magnitude 7.3 earthquake ... killed more than 220") is no figure in between.
  const reading = (c: number) => /^\d/.test(ws[c].text) && LEX.dimensions.get(ws[c - 1]?.lower ?? '') === 'magnitude';
  for (let c = q.first - 1; c >= 1 && (!/^\d/.test(ws[c].text) || reading(c)) && ws[c].text !== '.' && ws[c].text !== ','; c--) {
    if (ws[c].lower === 'when' && ws[c - 1].text === ',' && YEAR.test(ws[c - 2]?.text ?? '')) {
      m.year = Number(ws[c - 2].text);
      break;
    }
  }

  m.period = periodOf(ws, q, clause);
  const scope = scopeOf(ws, q, clause, m.head === 'person' || m.event === 'attendance', m.event && LEX.harmConcepts.has(m.event) ? null : m.eventText, share);
  for (const place of scope.places) if (!m.places.includes(place)) m.places.push(place);
  // A name inside the phrase scopes people and harm done ("six Lee County deaths", "1.3 million Delta
  // customers"); before a thing it is as often a kind of it ("8.5 million Windows devices").
  const ofPeople = m.head === 'person' || headIsEvent;
  m.subject = scope.subject ?? (m.places.length || !ofPeople ? null : npName);
  if (!m.subject && !m.places.length) {
    const ref = areaBackReference(ws, q, clause);
    if (ref) {
      // "Lee County Sheriff Carmine Marceno said 54 people had died in his county": named earlier in the sentence.
      const named = lastAreaNamed(ws, ref.at, ref.noun);
      if (named) m.subject = named;
      else m.areaRef = ref.noun;
    }
  }

  // Scope, role and basis read over the whole clause.
  let yearDistance = Infinity;
  // Where in the clause a study, survey or model is named.
  const estimateCues: number[] = [];
  // A cue close before the figure governs it: within eight words of its own part of the clause, with no
  // other number, comma or conjunction between ("now gives the quake a magnitude of 7.8", "warned of a
  // further loss of 2 million"; not "had expected a loss, but Netflix added 2 million").
  // A measurement behind a counted noun is not what the cue moves: in "raised the death toll from
  // Saturday's magnitude-7.2 earthquake" the toll rose, not the magnitude.
  const measurement = isMeasurement(m.dimension);
  const governs = (c: number) =>
    c >= clause.first &&
    c < q.first &&
    q.first - c <= 8 &&
    !ws.slice(c + 1, q.first).some((x) => /^[\d,]/.test(x.text) || LEX.functionWords.coordinators.has(x.lower) || (measurement && x.isWord && conceptOf(x.lower) !== null));
  for (let c = clause.first; c <= clause.last; c++) {
    const w = ws[c];
    if (YEAR.test(w.text) && !(c >= q.first && c <= q.last)) {
      const prev = ws[c - 1]?.lower ?? '';
      // "since 2015" or "by 2030" frame a period; "in 2005" or "the 2005 storm" name another event. In
      // "82.2% in 2020 and 79.8% in 2017" each figure has its own: the nearest with no figure between.
      const between = c > q.last ? ws.slice(q.last + 1, c) : ws.slice(c + 1, q.first);
      // "January 2010, when a quake killed 200,000", "the 2010 disaster, which killed 300,000": a relative
      // clause belongs to its year.
      const whenClause = c < q.first && ws.slice(c + 1, c + 4).some((x, n) => x.text === ',' && LEX.functionWords.relativePronouns.has(ws[c + 2 + n]?.lower ?? ''));
      const own = whenClause || !between.some((x) => /^\d/.test(x.text) && !YEAR.test(x.text));
      const distance = c > q.last ? c - q.last - 0.5 : q.first - c; // "68.8% in 2017": the year after wins a tie
      // "since December 2020" frames a span as "since 2020" does.
      const framed = LEX.functionWords.periodPrepositions.has(prev) || (LEX.monthNumbers.has(prev) && LEX.functionWords.periodPrepositions.has(ws[c - 2]?.lower ?? ''));
      if (own && !framed && distance < yearDistance) {
        m.year = Number(w.text);
        yearDistance = distance;
      }
    }
    const cues = cuesAt(ws, c);
    if (cues & CUE.denial && c < q.first) m.denied = true;
    if (cues & CUE.change) m.change = true;
    if (governs(c) && cues & (CUE.change | CUE.earlier)) m.moved = true;
    if (cues & CUE.earlier && c < q.first) m.earlier = true;
    // The past perfect around a figure ("the ministry had confirmed only 114", "the 304 it had announced
    // the evening before") tells a state before the report.
    // Only when "had" governs the figure itself: reported speech ("police said the storm had killed 12")
    // and a relative clause ("which had warned of floods") tell nothing of an earlier state.
    // After a measurement the verb is its noun's: "the magnitude-7.2 earthquake had killed 1,941".
    const nearAfter = c > q.last && c <= q.last + 3 && !measurement && !ws.slice(q.last + 1, c).some((x) => !x.isWord || /^\d/.test(x.text));
    const governsFigure = c < q.first && q.first - c <= 4 && ws.slice(c + 2, q.first).every((x) => NUMBER_CUES.has(x.lower));
    const reported = ws.slice(Math.max(clause.first, c - 4), c).some((x) => LEX.reportingVerbs.has(x.lower) || LEX.functionWords.relativePronouns.has(x.lower));
    if ((governsFigure || nearAfter) && !reported && w.lower === 'had' && ws[c + 1] && isVerbForm(ws[c + 1].lower) && !(cuesAt(ws, c + 1) & CUE.change)) m.earlier = true;
    // A capitalised word inside a sentence is part of a name: "the U.S. Geological Survey said" cites no survey.
    if (cues & CUE.estimate && !(c > 0 && isCapital(w))) {
      m.estimate = true;
      estimateCues.push(c);
    }
    // "higher than expected" compares with a forecast; it does not give one.
    // A forecast only when the cue governs the figure ("had forecast 2.5 million"), not "as expected" or
    // "higher than expected"; an earlier period only for the figure it dates ("a year earlier it had added
    // 4 million"), not for a change measured from it ("climbed to $7.3 billion from the prior quarter").
    if (cues & CUE.expectation && governs(c) && !LEX.functionWords.comparisonBases.has(ws[c - 1]?.lower ?? '')) m.expected = true;
    // "the $6.52 billion analysts had forecast", "versus $6.52 billion expected": the figure is the object
    // of the forecast that follows it, with nothing between but who made it.
    // Who forecast is then no noun of the figure ("analysts" is not what $6.52 billion counts).
    if (cues & CUE.expectation && c > q.last && c - q.last <= 7 && isForecastBy(ws.slice(q.last + 1, c)) && !LEX.functionWords.comparisonBases.has(ws[c - 1]?.lower ?? '')) {
      m.expected = true;
      if (m.headText && ws.slice(q.last + 1, c).some((x) => m.headText!.split(' ').includes(x.text))) [m.head, m.headText, m.modifiers] = [null, null, []];
    }
    const baseOfChange = LEX.functionWords.comparisonBases.has(ws[c - 1]?.lower ?? '') || ws[c - 1]?.lower === 'the' && LEX.functionWords.comparisonBases.has(ws[c - 2]?.lower ?? '');
    if (cues & CUE.prior && !baseOfChange && ws[q.first - 1]?.lower !== 'to') m.prior = true;
    // "the roughly 200,000 deaths in that earlier disaster", "In the previous quake, 8,000 died": another
    // event's figure, when the reference governs it. "2,500 people, far more than the previous quake"
    // compares this event's figure with it.
    const pointsBack = LEX.functionWords.definiteDeterminers.has(w.lower) || w.lower === 'that';
    if (pointsBack && LEX.priorEventModifiers.has(ws[c + 1]?.lower ?? '') && LEX.eventNouns.has(ws[c + 2]?.lower ?? '')) {
      const between = c > q.last ? ws.slice(q.last + 1, c) : ws.slice(c + 3, q.first);
      const apart = between.some((x) => x.text === ',' || (c > q.last && x.lower === 'than'));
      const governs = c > q.last ? !apart && between.some((x) => LEX.functionWords.eventLinks.has(x.lower)) : !apart || (c - 1 === clause.first && PREPOSITIONS.has(ws[c - 1].lower));
      if (governs) m.otherEvent = true;
    }
    if (c > q.last && cues & CUE.excess) {
      m.estimate = true;
      m.increment = false;
    }
  }
  // "the official toll", "the government's count": a count of record, whatever study the sentence cites.
  for (let b = Math.max(clause.first, q.first - 5); b <= Math.min(clause.last, q.last + np.length + 1); b++) {
    if (LEX.official.has(ws[b].lower)) {
      m.estimate = false;
      m.official = true;
    }
  }
  // "from 64 to nearly 3,000": the first figure of a from-to pair is the earlier value. A study named
  // after the new value ("... to nearly 3,000 following the release of a study") made that value; the
  // earlier one was no estimate.
  if (q.first > 0 && ws[q.first - 1].lower === 'from' && ws.slice(q.last + 1, q.last + 4).some((w) => w.lower === 'to')) {
    m.earlier = true;
    m.change = true;
    m.moved = true;
    const to = ws.findIndex((w, i) => i > q.last && w.lower === 'to');
    const newValue = ws.findIndex((w, i) => i > to && /^\d/.test(w.text));
    if (newValue > 0 && estimateCues.every((c) => c > newValue)) m.estimate = false;
  }
  // "up from the 50%", "down from 17%": the base of a change is an earlier value of the figure before it.
  let from = q.first - 1;
  while (from > 0 && LEX.functionWords.definiteDeterminers.has(ws[from].lower)) from--;
  // So is "from" after a figure the clause moved to: "slowed to 6.8 per cent from 7.4 per cent", "eased to
  // 6.7 per cent in August, from 6.8 per cent in July".
  // Not "evacuated up to 3,000 people from 12 villages": only a verb of change moves to a figure.
  const afterMove = () => {
    const moved = ws.findIndex((w, t) => t >= clause.first && t < from && isChangeVerb(w));
    return moved >= 0 && ws.slice(moved + 1, from).some((w, n) => w.lower === 'to' && ws[moved + n]?.lower !== 'up' && /^\d/.test(ws[moved + n + 2]?.text ?? ''));
  };
  if (from > 0 && ws[from].lower === 'from' && (LEX.functionWords.changeDirections.has(ws[from - 1].lower) || afterMove())) {
    m.base = true;
    m.earlier = true;
    m.change = true;
    m.moved = true;
  }
  // "Only three of the dead have been publicly identified", "700 of the bodies have been buried": what was
  // then done to those counted is the measure, a part of the toll, not the toll.
  if (m.event && LEX.subsetConcepts.has(m.event)) {
    // "released the names of 55 victims": the names are counted, not the dead.
    let b = q.first - 1;
    while (b > 0 && ws[b].lower !== 'of' && NUMBER_CUES.has(ws[b].lower)) b--;
    const owner = ws[b]?.lower === 'of' ? ws[b - 1] : undefined;
    if (owner?.isWord && !isCapital(owner) && !LEX.stopwords.has(owner.lower) && !LEX.genericHeads.has(owner.lower) && !conceptOf(owner.lower) && !isVerbForm(owner.lower)) {
      [m.event, m.eventText, m.head, m.headText, m.namedByNoun] = [lemma(owner.lower), owner.text, null, null, true];
    }
  }
  // "Of them, 793 have been discharged": with no noun and no concept, what was done to them is the measure.
  if ((m.event && LEX.subsetConcepts.has(m.event)) || (!m.event && !m.head)) {
    const done = passiveAfter(ws, q.last + 1, clause.last);
    // The counted were named ("the dead"): the figure borrows no meaning from the one before it.
    if (done) [m.event, m.eventText, m.head, m.headText, m.namedByNoun] = [lemma(done.lower), done.text, null, null, true];
  }
  // "1,404 of them are in a critical condition", "about 1,400 of the injured in a serious condition": a
  // part of those counted before, measured by the state said of it, not the whole.
  const state = partState(ws, q, clause);
  if (state && !m.namedByNoun) [m.event, m.eventText, m.head, m.headText, m.namedByNoun] = [lemma(state.lower), state.text, null, null, true];
  // "45 deaths more than Tuesday's count": the difference between two counts, not a count.
  // (A noun comes between: "2,500 people, far more than the last quake" compares, after a comma.)
  for (let k = q.last + 2; k <= Math.min(clause.last - 1, q.last + 4) && ws[k - 1].isWord && !PREPOSITIONS.has(ws[k - 1].lower); k++) {
    // "2,946 deaths more than a week after the quake" is a time, not a difference.
    const than = ws[k + 2];
    const sinceTime = !than || /^an?$/.test(than.lower) || LEX.spanWords.includes(lemma(than.lower)) || LEX.calendarWords.has(than.lower);
    if (LEX.functionWords.differenceWords.has(ws[k].lower) && ws[k + 1]?.lower === 'than' && !sinceTime) {
      m.increment = true;
      break;
    }
  }
  // "The unemployment rate climbed to 4.3%", "Unemployment jumped to 4.3%": a share or rate the clause's
  // subject moved to, or stood at, is that subject's.
  // A span of time after the figure ("3.5% last month") dates it; the subject still names it.
  const dated = !!m.head && LEX.dimensions.get(m.head) === 'duration';
  if (share && (!m.head || dated) && (!m.event || m.event === lemma(ws[q.first - 2]?.lower ?? ''))) {
    const subject = movedSubject(ws, q, clause);
    if (subject) [m.head, m.headText, m.modifiers, m.event, m.eventText] = [subject.head, subject.text, subject.modifiers, null, null];
  }
  // "deliveries climbed 38% to 1.81 million", "production grew to 1.85 million vehicles": an amount the
  // clause's subject moved to is that subject's, when the subject names a concept.
  if (!share && !m.event && m.dimension !== 'age') {
    const subject = movedSubject(ws, q, clause);
    const concept = subject ? conceptOf(subject.head) : null;
    if (subject && concept && fitsDimension(concept, m.dimension)) [m.event, m.eventText] = [concept, subject.text];
  }
  // A verb of change ("Ebola toll passes 5,000") or the unit of a rate ("10,000 a week") names no thing counted.
  const headWord = m.headText?.toLowerCase().split(/\s+/).at(-1) ?? '';
  if (m.head && (((CUES.map.get(headWord) ?? 0) & CUE.change) || m.head === m.rate)) [m.head, m.headText] = [null, null];
  if (m.head) m.head = LEX.headSynonyms.get(m.head) ?? m.head;
  m.conceptual = m.event !== null && conceptOf(m.eventText ?? '') === m.event;
  m.threshold = isThreshold(ws, q, clause, m.dimension);
  // "Among the dead are 416 children", "384 of them children", "Children account for 536 of the dead":
  // a group of those counted is a part of the count, keyed by its group.
  const part = m.dimension === 'count' ? subgroupOf(ws, q, clause) : null;
  if (part && (part.whole ?? m.event)) {
    // The figure's own harm wins: "Among the casualties, 24 Britons were killed" counts deaths.
    const own = m.event && LEX.harmConcepts.has(m.event) && part.whole !== m.event && ws.slice(q.last + 1, clause.last + 1).some((w) => conceptOf(w.lower) === m.event);
    if (!own) [m.event, m.eventText] = [part.whole ?? m.event, part.whole ?? m.eventText];
    if (part.group) [m.head, m.conceptual] = [part.group, true];
    if (part.place) m.places = [part.place];
  }
  // The whole a part is counted in ("33 million of the country's roughly 220 million people have been
  // affected") is not what befell the part: it is counted by its noun alone.
  if (m.dimension === 'count' && isPartitiveWhole(ws, q)) [m.event, m.eventText] = [null, null];
  if (m.dimension === 'percent' || m.dimension === 'percentage-point') m.window = windowOf(sentence, ws, q, clause, m.rate);
  m.poll = namesPoll(ws, q);
  m.stage = stageOf(ws, q);
  // However it was found, a concept this dimension cannot measure says nothing of the figure.
  if (m.event && !fitsDimension(m.event, m.dimension)) [m.event, m.eventText] = [null, null];
  m.key = keyOf(m);
  return m;
}

/**
 * The group of people a figure counts when it breaks a count down: "Among the dead are 416 children" (the
 * group after the figure, an inclusion before it), "384 of them children", "35 of the dead are Tunisians"
 * and "Egyptians make up at least 323 of the dead". A nationality is a place (`place`), any other group a
 * kind (`group`); `whole` is the concept of the count it is part of, when the sentence names one.
 */
function subgroupOf(ws: Word[], q: Span, clause: Span): { group: string | null; place: string | null; whole: string | null } | null {
  const read = (w: Word | undefined, whole: string | null) => {
    if (!w?.isWord) return null;
    if (LEX.subgroupNouns.has(w.lower)) return { group: lemma(w.lower), place: null, whole };
    const next = ws[ws.indexOf(w) + 1];
    const place = isCapital(w) ? ((next && isCapital(next) ? placeOf(`${w.lower} ${next.lower}`) : null) ?? placeOf(w.lower)) : null;
    return place ? { group: null, place, whole } : null;
  };
  // The nearest concept before the figure in its sentence: what "them" stands for.
  const conceptBefore = () => {
    for (let b = q.first - 1; b >= 0; b--) {
      const found = phraseEndingAt(ws, b, LEX.concepts);
      if (found) return found.value;
    }
    return null;
  };
  const after = ws[q.last + 1];
  // "Of the 158 victims, 132 were South Koreans and 26 were foreigners", "at least four were teenagers":
  // a figure that opens its clause and is said to be a group is that part of those counted before.
  let opening = q.first;
  while (opening > clause.first && ws[opening - 1].text !== ',' && !LEX.functionWords.coordinators.has(ws[opening - 1].lower)) opening--;
  const opensClause = ws.slice(opening, q.first).every((w) => NUMBER_CUES.has(w.lower) || LEX.functionWords.coordinators.has(w.lower));
  if (opensClause && after && LEX.auxiliaries.has(after.lower)) {
    const found = read(ws[q.last + 2], conceptBefore());
    if (found?.whole) return found;
  }
  if (LEX.subgroupNouns.has(after?.lower ?? '') || (after && isCapital(after))) {
    if (ws.slice(clause.first, q.first).some((w) => LEX.inclusionCues.has(w.lower))) return read(after, conceptBefore());
  }
  if (after?.lower !== 'of') return null;
  if (LEX.functionWords.partitivePronouns.has(ws[q.last + 2]?.lower ?? '')) return read(ws[q.last + 3], conceptBefore());
  // "of the dead": the whole is named right after the figure.
  const of = ws[q.last + 2]?.lower === 'the' ? q.last + 3 : q.last + 2;
  const whole = phraseAt(ws, of, LEX.concepts);
  if (!whole) return null;
  // "35 of the dead are Tunisians".
  const be = ws[of + whole.length];
  if (be && LEX.auxiliaries.has(be.lower)) {
    const found = read(ws[of + whole.length + 1], whole.value);
    if (found) return found;
  }
  // "Egyptians make up at least 323 of the dead", "Children account for 536 of the dead".
  let v = q.first - 1;
  while (v > 0 && NUMBER_CUES.has(ws[v].lower) && !LEX.shareVerbs.has(ws[v - 1].lower)) v--;
  if (/^(?:for|up)$/.test(ws[v]?.lower ?? '') && LEX.shareVerbs.has(ws[v - 1]?.lower ?? '')) return read(ws[v - 2], whole.value);
  return null;
}

/** Whether a figure of this dimension can measure the concept: "the cargo aboard" is never a sum of money. */
function fitsDimension(concept: string, dimension: string): boolean {
  return LEX.dimensionConcepts.get(concept)?.includes(dimension) ?? true;
}

/**
 * The state said of a part of those counted before ("1,404 of them are in a critical condition", "about
 * 1,400 of the injured in a serious condition", "two of them children"): a concept the lexicon knows
 * ("out of control") or the last word of the phrase after the partitive; null when the figure is no such
 * part or a name follows (a place: "80,000 of them in Paris").
 */
function partState(ws: Word[], q: Span, clause: Span): { lower: string; text: string } | null {
  if (ws[q.last + 1]?.lower !== 'of') return null;
  let i = q.last + 2;
  // "of them", "of whom", "of the injured"; not "of which", a threshold's ("400 of which exceeded magnitude 3").
  if (LEX.functionWords.partitivePronouns.has(ws[i]?.lower ?? '') && ws[i].lower !== 'which') i++;
  else if (LEX.functionWords.definiteDeterminers.has(ws[i]?.lower ?? '') && ws[i + 1]?.isWord && conceptOf(ws[i + 1].lower)) i += 2;
  else return null;
  // A state is said with a verb or a noun ("are in a critical condition", "need food aid", "passport
  // numbers"), or as "in a ... condition"; a phrase led by another preposition says why, when or where
  // ("120 of them for looting", "200 of them in the past week").
  while (i <= clause.last && ws[i].isWord && (LEX.auxiliaries.has(ws[i].lower) || LEX.verbCompanions.has(ws[i].lower))) i++;
  // "82 of them were listed as out of control": the state it is filed under.
  if (LEX.partCopulas.has(ws[i]?.lower ?? '') && ws[i + 1]?.lower === 'as') i += 2;
  // A state the lexicon knows, whatever word leads it ("out of control").
  // Not a verb that may say anything of them ("3 of them carrying knives").
  const known = phraseAt(ws, i, LEX.concepts);
  if (known && (known.length > 1 || !isVerbForm(ws[i].lower))) return { lower: known.value, text: ws.slice(i, i + known.length).map((w) => w.text).join(' ') };
  const stated = LEX.locatives.has(ws[i]?.lower ?? '') && /^an?$/.test(ws[i + 1]?.lower ?? '');
  if (PREPOSITIONS.has(ws[i]?.lower ?? '') && !stated) return null;
  let last: Word | null = null;
  for (; i <= clause.last && ws[i].isWord && !/^\d/.test(ws[i].text); i++) {
    const w = ws[i];
    if (isCapital(w)) return null;
    if (PREPOSITIONS.has(w.lower) || LEX.functionWords.determiners.has(w.lower)) {
      if (last) break;
      continue;
    }
    if (LEX.stopwords.has(w.lower) || LEX.reportingVerbs.has(w.lower)) break;
    last = w;
  }
  // "800,000 of them in the capital": a place is where the part is, no state of it.
  return last && (isPlaceNoun(last) || last.lower === LEX.capitalNoun || placeOf(last.lower) || LEX.spanWords.includes(lemma(last.lower))) ? null : last;
}

/** Whether a span only dates a record: "the highest for 45 years", "its lowest in a decade", "a 15-year high". */
function isRecordSpan(ws: Word[], q: Span): boolean {
  let a = q.last + 1;
  if (ws[a]?.text === '-') a++;
  const unit = ws[a]?.lower ?? '';
  const joined = unit.split('-');
  if (joined.length > 1 && LEX.recordSpans.extremes.has(joined.at(-1)!)) return true;
  if (LEX.recordSpans.extremes.has(ws[a + 1]?.lower ?? '')) return true;
  for (let b = q.first - 1; b >= Math.max(0, q.first - 5) && ws[b].isWord; b--) if (LEX.recordSpans.superlatives.has(ws[b].lower)) return true;
  return false;
}

/**
 * Whether a figure is a person's age: after "aged" (through a list: "aged 4 and 10"), or written as
 * "7-year-old" or "54 years old".
 */
function isAge(ws: Word[], q: Span): boolean {
  let b = q.first - 1;
  while (b >= 0 && (/^\d/.test(ws[b].text) || ws[b].text === ',' || LEX.functionWords.coordinators.has(ws[b].lower) || LEX.ageWords.spanLinks.has(ws[b].lower))) b--;
  if (b >= 0 && LEX.ageWords.before.has(ws[b].lower)) return true;
  let a = q.last + 1;
  if (ws[a]?.text === '-') a++;
  if (LEX.ageWords.after.has(ws[a]?.lower ?? '')) return true;
  return LEX.ageWords.spans.has(ws[a]?.lower ?? '') && ws[a + 1]?.lower === 'old';
}

/** Whether the words between a figure and a forecast verb after it only name who forecast ("analysts had", "economists polled by Reuters had"). */
function isForecastBy(between: Word[]): boolean {
  // Nor a coordinated clause or a preposition other than the pollster's "by" ("$7.19 billion against consensus estimates").
  return between.every((w) => w.isWord && !/^\d/.test(w.text) && !CONJUNCTIONS.has(w.lower) && (!PREPOSITIONS.has(w.lower) || w.lower === 'by') && !LEX.reportingVerbs.has(w.lower) && !LEX.functionWords.relativePronouns.has(w.lower) && (LEX.auxiliaries.has(w.lower) || LEX.verbCompanions.has(w.lower) || !isVerbForm(w.lower) || /ed$/.test(w.lower)));
}

/**
 * The month or quarter a figure covers, as its clause names it: "114,000 jobs in July", "July's gain",
 * "the July report", "first-quarter revenue", "Q2", "last month", "that month's gain" (the month named
 * before it in the sentence). A month with a day beside it ("on July 19") is a date, and after "since" or
 * "through" it frames a span. As for years, the nearest name with no other figure between wins.
 */
function periodOf(ws: Word[], q: Span, clause: Span): string | null {
  const isDay = (w: Word | undefined) => !!w && /^\d{1,2}$/.test(w.text);
  // The digit of "Q2" is part of a name, not a figure.
  const isQuarterDigit = (i: number) => ws[i - 1]?.lower === LEX.quarterLetter && ws[i - 1].end === ws[i].start;
  const monthAt = (i: number): number | null => {
    const w = ws[i];
    const name = possessive(w.lower);
    const month = LEX.monthNumbers.get(name);
    if (!month || !isCapital(w) || isDay(ws[i - 1]) || isDay(ws[i + 1])) return null;
    const prev = ws[i - 1];
    const next = ws[i + 1];
    // "July's gain", not "Theresa May's government".
    if (name !== w.lower) return prev && isCapital(prev) ? null : month;
    if (prev && LEX.periodMarkers.has(prev.lower)) return month;
    // "the July report", "July payrolls": a month before a noun of reported figures, not "March organisers".
    const opens = !prev || !prev.isWord || LEX.functionWords.determiners.has(prev.lower);
    return opens && !!next && LEX.periodNouns.has(lemma(next.lower)) ? month : null;
  };
  let best: string | null = null;
  let bestDistance = Infinity;
  const consider = (first: number, last: number, period: string) => {
    const between = first > q.last ? ws.slice(q.last + 1, first) : ws.slice(last + 1, q.first);
    const offset = first > q.last ? q.last + 1 : last + 1;
    // Another figure, or a coordinated verb ("lost 200,000 in the first quarter and expects to lose 2 million"), between.
    if (between.some((x, n) => (/^\d/.test(x.text) && !YEAR.test(x.text) && !isQuarterDigit(offset + n)) || LEX.functionWords.coordinators.has(x.lower))) return;
    const distance = first > q.last ? first - q.last - 0.5 : q.first - last;
    if (distance < bestDistance) [best, bestDistance] = [period, distance];
  };
  for (let c = clause.first; c <= clause.last; c++) {
    if (c >= q.first && c <= q.last) continue;
    const w = ws[c];
    if (!w.isWord) continue;
    const month = monthAt(c);
    if (month) {
      consider(c, c, `month ${month}`);
      continue;
    }
    if (w.lower === LEX.quarterLetter && /^[1-4]$/.test(ws[c + 1]?.text ?? '') && isQuarterDigit(c + 1)) {
      consider(c, c + 1, `quarter ${ws[c + 1].text}`);
      continue;
    }
    const [ordinal, joined] = w.lower.split('-');
    const quarter = LEX.quarterOrdinals.get(ordinal);
    // Not "a quarter point", "a quarter-percentage-point rise".
    const pointAfter = LEX.dimensions.get(ws[joined ? c + 1 : c + 2]?.lower ?? '') === 'percentage-point' || /^(?:point|percentage)/.test(ws[joined ? c + 1 : c + 2]?.lower ?? '');
    if (quarter && !pointAfter && (joined ? LEX.quarterWords.has(joined) : LEX.quarterWords.has(lemma(ws[c + 1]?.lower ?? '')))) {
      consider(c, joined ? c : c + 1, `quarter ${quarter}`);
      continue;
    }
    // "the April-June quarter": the quarter its months make.
    const span = w.lower.split('-').map((name) => LEX.monthNumbers.get(name));
    if (span.length === 2 && span[0] && span[1] && LEX.quarterWords.has(lemma(ws[c + 1]?.lower ?? ''))) {
      consider(c, c + 1, `quarter ${Math.ceil(span[0] / 3)}`);
      continue;
    }
    const relative = phraseAt(ws, c, LEX.relativeMonths);
    if (relative) {
      consider(c, c + relative.length - 1, `relative ${relative.value}`);
      continue;
    }
    const relativeQuarter = phraseAt(ws, c, LEX.relativeQuarters);
    if (relativeQuarter) {
      consider(c, c + relativeQuarter.length - 1, `relative-quarter ${relativeQuarter.value}`);
      continue;
    }
    const back = phraseAt(ws, c, LEX.monthBackReferences);
    if (back) {
      for (let b = c - 1; b >= 0; b--) {
        const named = monthAt(b);
        if (named) {
          consider(c, c + back.length - 1, `month ${named}`);
          break;
        }
      }
    }
  }
  return best;
}

/**
 * A reading named as the bar another count clears ("about 400 of which exceeded magnitude 3", "12
 * tremors above magnitude 5") is a threshold, not a reading of anything.
 */
function isThreshold(ws: Word[], q: Span, clause: Span, dimension: string): boolean {
  if (!isMeasurement(dimension)) return false;
  let b = q.first - 1;
  while (b > clause.first && (LEX.dimensions.get(ws[b].lower) === dimension || LEX.functionWords.unitLinks.has(ws[b].lower))) b--;
  if (b < clause.first || !LEX.functionWords.thresholds.has(ws[b].lower)) return false;
  // The count that clears it: a number with its own noun or "of which", not a year, a day or another reading.
  for (let i = clause.first; i < b; i++) {
    if (!/^\d/.test(ws[i].text) || YEAR.test(ws[i].text)) continue;
    const next = ws[i + 1];
    if (!next?.isWord || LEX.calendarWords.has(next.lower) || LEX.dimensions.has(next.lower) || NUMBER_CUES.has(next.lower) && next.lower !== 'of') continue;
    if (next.lower === 'of' ? LEX.functionWords.relativePronouns.has(ws[i + 2]?.lower ?? '') || LEX.functionWords.partitivePronouns.has(ws[i + 2]?.lower ?? '') : true) return true;
  }
  return false;
}

/** A verb of gain or loss followed by "to" ("adding to", "lost to"): it moves a total, it is not the event. */
const isChangeTo = (ws: Word[], i: number, concept: string) => (concept === 'gain' || concept === 'loss') && ws[i + 1]?.lower === 'to';

const isName = (w: Word) => isCapital(w) && !NUMBER_CUES.has(w.lower) && !LEX.stopwords.has(w.lower) && !LEX.auxiliaries.has(w.lower) && !PREPOSITIONS.has(w.lower) && !LEX.reportingVerbs.has(w.lower);

/** A run of capitalised words ending at or starting from index i, as one lower-case name. */
function nameAt(ws: Word[], i: number, direction: 1 | -1): string | null {
  const run: string[] = [];
  // A capitalised common word inside a run is part of the name ("New Zealand First", "NZ First"),
  // except as the sentence's first word, which is capitalised anyway.
  const inName = (k: number) => isName(ws[k]) || (run.length > 0 && k > 0 && isCapital(ws[k]) && ws[k].isWord && !LEX.functionWords.determiners.has(ws[k].lower));
  for (let k = i; k >= 0 && k < ws.length && inName(k) && run.length < 4; k += direction) run.push(ws[k].lower);
  if (!run.length) return null;
  return (direction === 1 ? run : run.reverse()).join(' ');
}

const isPlaceNoun = (w: Word | undefined) => !!w && w.isWord && LEX.placeNouns.has(lemma(w.lower));
const possessive = (text: string) => text.replace(/['’]s$/, '');

/**
 * One side of a divided area, named by who holds it: "the Russian-controlled side", "Russian-held Nova
 * Kakhovka", "areas under Ukrainian control". Its figures are that country's, apart from the other side's,
 * so the name returned is the holder's (a country the place list knows); the area itself may be unnamed.
 */
function sideAt(ws: Word[], i: number): { name: string; last: number } | null {
  let k = ws[i]?.lower === 'the' ? i + 1 : i;
  const holderOf = (w: Word | undefined) => (w && isCapital(w) && placeOf(w.lower) ? w.lower : null);
  // "Russian-held", "Ukrainian-controlled": a country's word joined to a participle of holding.
  const joined = ws[k]?.lower.match(/^(.+)-([a-z]+)$/u);
  if (joined && isCapital(ws[k]) && LEX.controlParticiples.has(joined[2]) && placeOf(joined[1])) {
    // A named town ("Russian-held Oleshky") is its own area; only an unnamed one ("side", "areas") is the holder's.
    if (ws[k + 1] && isName(ws[k + 1])) return null;
    let last = k;
    while (ws[last + 1] && (LEX.sideNouns.has(lemma(ws[last + 1].lower)) || isPlaceNoun(ws[last + 1]))) last++;
    return { name: joined[1], last };
  }
  // "areas under Ukrainian control", "under Russian occupation".
  if (LEX.sideNouns.has(lemma(ws[k]?.lower ?? '')) && ws[k + 1]?.lower === 'under') k++;
  if (ws[k]?.lower === 'under') {
    const at = ws[k + 1]?.lower === 'the' ? k + 2 : k + 1;
    const holder = holderOf(ws[at]);
    if (holder && LEX.controlNouns.has(ws[at + 1]?.lower ?? '')) return { name: holder, last: at + 1 };
  }
  return null;
}

/**
 * A named area starting at word i, with the index of its last word: a run of capitalised words and
 * its place noun ("Kathmandu district", "Sierra Leone") or a described one ("the eastern region").
 * "The country" alone names nothing: it is whichever country the story is about.
 */
function areaAt(ws: Word[], i: number): { name: string; last: number } | null {
  const side = sideAt(ws, i);
  if (side) return side;
  // "western Cuba": a word of direction before a name leaves it that place.
  if (ws[i] && !isCapital(ws[i]) && LEX.compassWords.has(ws[i].lower) && ws[i + 1] && isName(ws[i + 1]) && placeOf(ws[i + 1].lower)) return areaAt(ws, i + 1);
  const k = ws[i]?.lower === 'the' ? i + 1 : i;
  // "the city of Suzu", "the province of Gilan": the name after the kind of place.
  if (k > i && ws[k] && isPlaceNoun(ws[k]) && !isCapital(ws[k]) && ws[k + 1]?.lower === 'of' && ws[k + 2] && isName(ws[k + 2])) {
    const named = areaAt(ws, k + 2);
    if (named) return named;
  }
  // "in other countries", "in the remaining provinces": the areas apart from those the story counts.
  if (LEX.otherAreaOpeners.has(ws[k]?.lower ?? '') && ws[k + 1]?.isWord && (isPlaceNoun(ws[k + 1]) || LEX.otherAreaNouns.has(lemma(ws[k + 1].lower)))) {
    return { name: `${ws[k].lower} ${lemma(ws[k + 1].lower)}`, last: k + 1 };
  }
  let j = k;
  const run: string[] = [];
  // A capitalised common word opens a name when a name follows: "New Zealand First", "United Nations".
  const opensName = (w: Word, next: Word | undefined) => isCapital(w) && !!next && isName(next) && !LEX.functionWords.determiners.has(w.lower);
  // A month is no area, nor a span of months ("the April-June quarter").
  const isCalendar = (w: Word) => possessive(w.lower).split('-').some((part) => LEX.calendarWords.has(part));
  while (ws[j] && (isName(ws[j]) || (run.length === 0 && opensName(ws[j], ws[j + 1]))) && !isCalendar(ws[j]) && run.length < 4) {
    run.push(possessive(ws[j].lower));
    if (/['’]s$/.test(ws[j].text)) break;
    j++;
  }
  if (run.length) {
    let last = k + run.length - 1;
    while ((isPlaceNoun(ws[last + 1]) || LEX.namedPlaceNouns.has(lemma(ws[last + 1]?.lower ?? ''))) && !/['’]s$/.test(ws[last].text)) last++;
    return { name: run.join(' '), last };
  }
  if (k === i) return null;
  // "in the capital": the capital of the story's country, which Compare knows by the story.
  // Not "the capital markets": the noun must end its phrase.
  const next = ws[k + 1];
  const endsPhrase = !next?.isWord || PREPOSITIONS.has(next.lower) || CONJUNCTIONS.has(next.lower) || LEX.auxiliaries.has(next.lower) || isVerbForm(next.lower) || LEX.reportingVerbs.has(next.lower);
  if (ws[k]?.lower === LEX.capitalNoun && endsPhrase) return { name: LEX.capitalNoun, last: k };
  for (let n = 1; n <= 2; n++) {
    const w = ws[k + n];
    if (!w?.isWord || !ws[k + n - 1].isWord || LEX.stopwords.has(ws[k + n - 1].lower) || /^\d/.test(ws[k + n - 1].text)) return null;
    // Many areas ("the country's towns and cities") are the whole, not one area of it.
    if (isPlaceNoun(w)) return lemma(possessive(w.lower)) === possessive(w.lower) ? { name: ws.slice(k, k + n + 1).map((x) => possessive(x.lower)).join(' '), last: k + n } : null;
  }
  return null;
}

/**
 * An area the figure's clause points back to by its kind alone: "died in his county" after the figure,
 * or "The county now attributes 53 deaths" as the clause's subject. Not "the county of Kerry" nor "the
 * county's roads", which name or own something else.
 */
function areaBackReference(ws: Word[], q: Span, clause: Span): { noun: string; at: number } | null {
  for (let c = clause.first; c < clause.last; c++) {
    if (c >= q.first && c <= q.last) continue;
    const [det, noun, next] = [ws[c], ws[c + 1], ws[c + 2]];
    if (!LEX.functionWords.areaBackReferences.has(det.lower) || !isPlaceNoun(noun) || /['’]s$/.test(noun.text)) continue;
    if (next?.isWord && (next.lower === 'of' || isCapital(next))) continue;
    const locative = c > q.last && LEX.locatives.has(ws[c - 1]?.lower ?? '');
    const subject = c < q.first && (c === clause.first || !ws[c - 1].isWord) && isFiniteVerb(ws[nextVerb(ws, c + 2, q.first)]);
    if (locative || subject) return { noun: lemma(noun.lower), at: c };
  }
  return null;
}

/** The last name before word i that ends in the given place noun ("Lee County"), lower case, or null. */
function lastAreaNamed(ws: Word[], before: number, noun: string): string | null {
  for (let c = before - 1; c > 0; c--) {
    if (!isCapital(ws[c]) || lemma(possessive(ws[c].lower)) !== noun || !isName(ws[c - 1])) continue;
    let s = c - 1;
    while (s > 0 && isName(ws[s - 1]) && c - s < 3) s--;
    return ws.slice(s, c + 1).map((w) => possessive(w.lower)).join(' ');
  }
  return null;
}

/** Whether the words between a possessive and its figure are that figure's count and its verb ("death count drops to"). */
function ownsTheCount(between: Word[]): boolean {
  // The count is the possessive's own noun, within its first three words ("Lee County's Ian death count"),
  // with no one speaking in between ("CNN's tally puts the toll at", "DeSantis's office said the toll").
  const count = between.slice(0, 3).findIndex((x) => LEX.genericHeads.has(x.lower));
  const speaks = between.some((x) => LEX.reportingVerbs.has(x.lower) || LEX.official.has(x.lower) || LEX.organisationHeads.has(lemma(x.lower)) || LEX.personTitles.has(x.lower));
  return count >= 0 && between.length <= 8 && !speaks && !between.some((x) => !x.isWord || /['’]s$/.test(x.text));
}

/** A list of areas from word i: "Guinea, Liberia and Sierra Leone". */
function areasFrom(ws: Word[], i: number, limit: number): { names: string[]; last: number } {
  const names: string[] = [];
  const lasts: number[] = [];
  let k = i;
  let joined = false;
  for (;;) {
    const area = areaAt(ws, k);
    if (!area || area.last > limit) break;
    names.push(area.name);
    lasts.push(area.last);
    k = area.last + 1;
    if (ws[k]?.text === ',' && LEX.functionWords.coordinators.has(ws[k + 1]?.lower ?? '')) [k, joined] = [k + 2, true];
    else if (LEX.functionWords.coordinators.has(ws[k]?.lower ?? '')) [k, joined] = [k + 1, true];
    else if (ws[k]?.text === ',') k++;
    else break;
  }
  // Commas alone make no list: "in Haiti, the Civil Protection agency said" names one place.
  if (!joined && names.length > 1) return { names: names.slice(0, 1), last: lasts[0] };
  return { names, last: lasts.at(-1) ?? i - 1 };
}

/** Whether a verb is the very word that says what was done to the counted ("cancelled 1,100 flights"). */
const isDeedOf = (w: Word | undefined, eventText: string | null) => !!w && !!eventText && w.lower === eventText.toLowerCase();
/** The first word from i on that is not one of those standing between a subject and its verb. */
function nextVerb(ws: Word[], i: number, before: number): number {
  while (ws[i] && i + 1 < before && isBetweenSubjectAndVerb(ws[i])) i++;
  return i;
}
/** Words that may stand between a subject and its verb ("Liberia has now recorded"). */
const isBetweenSubjectAndVerb = (w: Word) => LEX.verbCompanions.has(w.lower);
const isFiniteVerb = (w: Word | undefined) => !!w && w.isWord && !isCapital(w) && (isVerbForm(w.lower) || LEX.possessionVerbs.has(w.lower) || (/[^s]s$/.test(w.lower) && !LEX.stopwords.has(w.lower) && !PREPOSITIONS.has(w.lower)));

/**
 * Where or whom a figure is about, when the text says: countries (ISO codes) and a named subject below
 * or beside them. Read from a row label ("National: 38 percent"), a locative phrase ("in Kathmandu
 * district", "across Nepal, India and Tibet", "On Mount Everest, ..."), a possessive ("Nepal's own
 * count"), or the clause's subject ("Liberia has suffered the most deaths, 3,587", "the eastern region
 * reports 53 dead", "Labour has 602,816 votes"). A source is not a scope: "Equifax said" names who
 * speaks, so names other than places count as subjects only before a verb of holding.
 */
function scopeOf(ws: Word[], q: Span, clause: Span, countsPeople: boolean, eventText: string | null = null, share = false): { places: string[]; subject: string | null } {
  const places: string[] = [];
  const subjects: string[] = [];
  // What was found so far: joint subjects in a stable order.
  const scope = () => ({ places, subject: subjects.length ? subjects.sort().join('+') : null });
  const take = (names: string[]) => {
    for (const name of names) {
      const place = placeOf(name);
      if (place) {
        if (!places.includes(place)) places.push(place);
      } else if (!LEX.concepts.has(name) && !LEX.genericHeads.has(name) && !subjects.includes(name)) subjects.push(name);
    }
  };
  // A row label: "National: 38.06 percent, 48 seats" (the figures follow the colon at once).
  const colon = ws.findIndex((w, i) => w.text === ':' && i < q.first && i <= 6);
  if (colon > 0 && /^\d/.test(ws[colon + 1]?.text ?? '') && !ws.slice(0, colon).some((w) => /^\d/.test(w.text))) {
    // Capitalised words are the name even when common ("NZ First"); a leading "The" is not.
    const label = ws.slice(0, colon).filter((w, n) => w.isWord && (!LEX.stopwords.has(w.lower) || (isCapital(w) && n > 0))).map((w) => w.lower).join(' ');
    // A label that says something happened ("Turnout fell away: 757,000 on 7 February") names no row.
    const said = ws.slice(0, colon).some((w) => !isCapital(w) && (((CUES.map.get(w.lower) ?? 0) & CUE.change) !== 0 || isVerbForm(w.lower)));
    const place = placeOf(label);
    if (place) return { places: places.includes(place) ? places : [...places, place], subject: null };
    // "Minister: 457 arrests": a headline that names its speaker first.
    if (LEX.personTitles.has(lemma(label.split(' ').at(-1) ?? ''))) return { places, subject: null };
    if (label && label.split(' ').length <= 4 && !LEX.concepts.has(label) && !said) return { places, subject: label };
  }
  const figureBetween = (from: number, to: number) => ws.slice(from, to).some((w) => /^\d/.test(w.text));
  for (let c = clause.first; c <= clause.last; c++) {
    if (c >= q.first && c <= q.last) continue;
    const w = ws[c];
    const own = c > q.last ? !figureBetween(q.last + 1, c) : !figureBetween(c, q.first);
    if (!own) continue;
    // "4,447 deaths, almost all of them in Guinea, ...": where a share of the figure lies, not its scope.
    // But "80,000 of them in Paris": the figure itself is the share, and the place is its own.
    const figureIsShare = ws[q.last + 1]?.lower === 'of' && LEX.functionWords.partitivePronouns.has(ws[q.last + 2]?.lower ?? '');
    const partitive = c > q.last && !figureIsShare && ws.slice(Math.max(q.last + 1, c - 3), c).some((x, n, xs) => x.lower === 'of' && LEX.functionWords.partitivePronouns.has(xs[n + 1]?.lower ?? ''));
    if (partitive) continue;
    // "Tuesday's count of 2,901, and all of the new deaths were recorded in Al Haouz": a place after a
    // comma and a conjunction is the next clause's.
    if (c > q.last && ws.slice(q.last + 1, c).some((x, n, xs) => x.text === ',' && LEX.functionWords.coordinators.has(xs[n + 1]?.lower ?? '') && !/^\d/.test(xs[n + 2]?.text ?? ''))) continue;
    // "in Kathmandu district", "across Nepal, India and Tibet"; "On Mount Everest, 18 people...".
    const opening = c === clause.first || (c === clause.first + 1 && !ws[clause.first].isWord);
    // Before the figure, a locative frames it only within its own part of the sentence ("Police in Nepal
    // raised the toll to 1,341"), or as the sentence's opening ("On Mount Everest, 18 people...").
    // A locative right after another figure is that figure's ("72 people in India and 25 in Nepal").
    const trailsOther = c < q.first && figureBetween(Math.max(clause.first, c - 4), c);
    // So does the place of the official who reports it: "the top official in Gorkha, said 223 people...".
    const commas = ws.slice(c, q.first).filter((x) => x.text === ',').length;
    const lastComma = ws.slice(0, q.first).map((x) => x.text).lastIndexOf(',');
    const reporter = commas === 1 && lastComma > c && LEX.reportingVerbs.has(ws[lastComma + 1]?.lower ?? '');
    // "Ian tore through western Cuba, killing two people": a participle's clause is set in its main one's place.
    // Not a verb of saying ("spoke in Kyiv, saying 12 had died"): where one speaks is not what one speaks of.
    const participle = ws[lastComma + 1]?.lower ?? '';
    const saying = [participle, participle.replace(/ing$/, ''), participle.replace(/ing$/, 'e'), participle.replace(/ing$/, 's'), participle.replace(/ing$/, 'es')].some((form) => LEX.reportingVerbs.has(form));
    const participial = commas === 1 && c < lastComma && /ing$/.test(participle) && isVerbForm(participle) && !saying;
    const framed = c > q.last || opening || (!trailsOther && (commas === 0 || reporter || participial));
    // "the Egyptian toll had climbed to 672", "the number of Indian dead", "the number of Jordanians who
    // died": a nationality that qualifies what is counted is the count's place.
    // Only a harm's count or the figure's own concept: "an Indian army team found 18 bodies" places no bodies.
    const qualifiesCount = () => {
      const next = conceptOf(ws[c + 1]?.lower ?? '');
      return (!!next && (LEX.harmConcepts.has(next) || (!!eventText && conceptOf(eventText) === next))) || (ws[c - 1]?.lower === 'of' && LEX.genericHeads.has(ws[c - 2]?.lower ?? ''));
    };
    if (c < q.first && isCapital(w) && c > clause.first && !/['’]s$/.test(w.text) && qualifiesCount()) {
      const place = placeOf(w.lower);
      if (place && !places.includes(place)) places.push(place);
      if (place) continue;
    }
    // "on the Russian-controlled side", "under Ukrainian control": a side of a divided area.
    const side = framed && LEX.sideLocatives.has(w.lower) ? sideAt(ws, w.lower === 'under' ? c : c + 1) : null;
    if (side) {
      take([side.name]);
      c = side.last;
      continue;
    }
    // "Iran Human Rights, based in Oslo": where the source sits is no place of its figures.
    if (LEX.seatParticiples.has(ws[c - 1]?.lower ?? '') && LEX.locatives.has(w.lower)) {
      c = areasFrom(ws, c + 1, clause.last).last;
      continue;
    }
    if (framed && (LEX.locatives.has(w.lower) || (opening && LEX.functionWords.openingLocatives.has(w.lower)))) {
      const { names, last } = areasFrom(ws, c + 1, clause.last);
      take(names);
      if (names.length) c = last;
      continue;
    }
    // "Nepal's own count of the dead", "India's home secretary reported 72 deaths"; "Labour's 34 seats".
    // Only a possessive of the count itself: "Russia's army is forming a unit of 3,000" is not Russia's figure.
    // A country's officials reporting ("India's home secretary reported 72 deaths") give its figure.
    const ofTheCount = ws.slice(c + 1, c + 7).some((x, n) => c + 1 + n >= q.first || LEX.genericHeads.has(x.lower) || LEX.official.has(x.lower) || LEX.reportingVerbs.has(x.lower));
    // "Saturday's magnitude-7.2 earthquake", "March's 3.5%": a day or month dates the figure; it owns nothing.
    const dated = LEX.dayNames.has(possessive(w.lower));
    if (c < q.first && /['’]s$/.test(w.text) && isCapital(w) && ofTheCount && !dated) {
      const place = placeOf(possessive(w.lower));
      if (place && !places.includes(place)) places.push(place);
      // An area's own count, however far its verb carries it: "Lee County's death count drops to 53"
      // (not a counter's: "CNN's tally puts the toll at 300" says who counted).
      else if (!place && (c >= q.first - 2 || (isPlaceNoun(w) && ownsTheCount(ws.slice(c + 1, q.first))))) {
        take([nameAt(ws, c, -1) ?? possessive(w.lower)].map(possessive));
        // "to Bolsonaro's 43.2%": the name that owns the very figure is its only subject.
        if (c === q.first - 1) return scope();
      }
    }
  }
  // "In Britain, Health Secretary Sajid Javid said the count of cases had doubled to 20": the place that
  // opens the sentence sets every clause of it, however long, that names no place of its own.
  if (!places.length && !subjects.length && clause.first > 0 && (LEX.locatives.has(ws[0]?.lower ?? '') || LEX.functionWords.openingLocatives.has(ws[0]?.lower ?? ''))) {
    const { names, last } = areasFrom(ws, 1, Math.max(1, clause.first));
    // Where one speaks from ("In London, the ONS said inflation slowed to 7.9%") is no scope of what one
    // says, unless it is the country the words are about.
    const spoken = ws.slice(last + 1, q.first).some((x) => LEX.reportingVerbs.has(x.lower));
    if (names.length && ws[last + 1]?.text === ',' && !figureBetween(0, q.first) && (!spoken || names.every((n) => placeOf(n)))) take(names);
  }
  // "hard-hit Lee County, where at least five people had died": a where-clause is set in the area it follows.
  for (let c = q.first - 1; c > clause.first + 1 && ws[c].text !== ','; c--) {
    if (ws[c].lower !== 'where' || ws[c - 1].text !== ',') continue;
    // The longest name that ends before the comma: "Lee County", not "County".
    for (let s = Math.max(clause.first, c - 6); s <= c - 2; s++) {
      const area = areaAt(ws, s);
      if (area?.last === c - 2) {
        take([area.name]);
        return scope();
      }
    }
    break;
  }
  // A list of rows in one sentence: "The Greens have 10.78% and 14 seats, ACT 9.00% and 11 seats": the
  // name that opens the figure's own segment, straight before a figure, is its subject.
  let segment = q.first - 1;
  while (segment > clause.first && ws[segment].text !== ',') segment--;
  if (ws[segment]?.text === ',' && segment < q.first) {
    const opener = areaAt(ws, segment + 1);
    if (opener && opener.last < q.first && /^\d/.test(ws[opener.last + 1]?.text ?? '') && opener.last + 1 < q.first && !LEX.concepts.has(opener.name)) {
      take([opener.name]);
      return scope();
    }
  }
  // A name right before the figure, as in elliptical lists: "National won 48, Labour 34, the western
  // region 421"; also across a relative clause: "and Guinea, where the outbreak began, 904".
  let named = q.first;
  if (ws[q.first - 1]?.text === ',') {
    for (let c = q.first - 2; c > clause.first && !/^\d/.test(ws[c].text); c--) {
      if (ws[c].text === ',' && LEX.functionWords.relativePronouns.has(ws[c + 1]?.lower ?? '')) {
        named = c;
        break;
      }
    }
  }
  // "47.79 percent for the opposition's Kemal Kilicdaroglu": the name a share is given for ("$69 billion
  // for Activision" is a price paid, no share).
  if (ws[q.last + 1]?.lower === 'for' && share) {
    let f = q.last + 2;
    // "for the opposition's Kemal Kilicdaroglu", "12.3% for the Greens".
    if (ws[f]?.lower === 'the' && /['’]s$/.test(ws[f + 1]?.text ?? '')) f += 2;
    else if (ws[f]?.lower === 'the' && isCapital(ws[f + 1] ?? ws[f])) f += 1;
    const area = isCapital(ws[f] ?? ws[0]) ? areaAt(ws, f) : null;
    if (area && ws[f] && !LEX.calendarWords.has(ws[f].lower)) {
      take([area.name]);
      return scope();
    }
  }
  // "and in Taroudant, which has 980": a relative clause that holds the figure is its antecedent's.
  if (ws[q.first - 2]?.lower === 'which' && ws[q.first - 3]?.text === ',' && LEX.possessionVerbs.has(ws[q.first - 1]?.lower ?? '')) {
    for (let c = q.first - 4; c >= Math.max(clause.first, q.first - 8); c--) {
      const area = areaAt(ws, c);
      if (area?.last === q.first - 4 && isCapital(ws[c])) {
        take([area.name]);
        return scope();
      }
    }
  }
  // "followed by Spain with 313, Germany with 263", "put Erdogan on 52.3 percent": a name with its figure.
  // Only a share sits "on" a name ("convicted Trump on 34 counts" is no figure of Trump's), and a share
  // "of ballots counted" is the count's progress, no name's figure.
  const link = ws[q.first - 1]?.lower ?? '';
  const withLink = named === q.first && LEX.functionWords.holderLinks.has(link) && (link === 'with' || share) && ws[q.last + 1]?.lower !== 'of';
  if (withLink) named = q.first - 1;
  // The whole name before a link ("Kemal Kilicdaroglu on 47.7 percent"), not its last word.
  const starts = Array.from({ length: named - Math.max(clause.first, named - 4) }, (_, n) => named - 1 - n);
  if (withLink) starts.reverse();
  for (const c of starts) {
    const area = areaAt(ws, c);
    const listed = ws[c - 1]?.text === ',' || CONJUNCTIONS.has(ws[c - 1]?.lower ?? '') || isCapital(ws[named - 1]) || (withLink && (ws[c - 1]?.lower === 'by' || !isCapital(ws[c - 1] ?? ws[c])));
    if (area?.last === named - 1 && listed && !/['’]s$/.test(ws[area.last].text) && !LEX.concepts.has(area.name)) {
      // "National and ACT on 59 seats combined": names joined by "and" hold the figure jointly.
      if (withLink && LEX.functionWords.coordinators.has(ws[c - 1]?.lower ?? '')) {
        let before: { name: string; last: number } | null = null;
        for (let b = c - 2; b >= Math.max(clause.first, c - 5) && isCapital(ws[b]) && !PREPOSITIONS.has(ws[b].lower) && !LEX.stopwords.has(ws[b].lower); b--) {
          const found = areaAt(ws, b);
          if (found?.last === c - 2) before = found;
        }
        if (before) {
          take([`${before.name}+${area.name}`].flatMap((joint) => joint.split('+').every((n) => placeOf(n)) ? joint.split('+') : [joint]));
          return scope();
        }
      }
      take([area.name]);
      return scope();
    }
  }
  // The clause's subject nearest before the figure, with its verb.
  for (let c = q.first - 1; c >= clause.first; c--) {
    const prev = ws[c - 1];
    // The object of a preposition ("of Liberia", "in the region") is no subject; after a conjunction
    // ("while Liberia has") a new clause starts.
    const governed = (w: Word | undefined) => !!w && PREPOSITIONS.has(w.lower) && !CONJUNCTIONS.has(w.lower);
    const joiner = prev?.lower === 'the' ? ws[c - 2] : prev;
    const beforeJoiner = ws[ws.indexOf(joiner as Word) - 1];
    const coordinatedTail = !!joiner && LEX.functionWords.coordinators.has(joiner.lower) && !!beforeJoiner && isName(beforeJoiner);
    if (prev && (governed(prev) || isName(prev) || coordinatedTail || (prev.lower === 'the' && governed(ws[c - 2])))) continue;
    // "Delta said it cancelled 7,000 flights": the pronoun after a verb of saying is the speaker, the doer.
    if (LEX.functionWords.subjectPronouns.has(ws[c].lower) && LEX.reportingVerbs.has(prev?.lower ?? '') && isDeedOf(ws[nextVerb(ws, c + 1, q.first)], eventText)) {
      let s = c - 2;
      while (s > clause.first && isName(ws[s - 1])) s--;
      const speaker = areaAt(ws, s);
      if (speaker && speaker.last === c - 2 && isCapital(ws[s]) && !placeOf(speaker.name) && !LEX.organisationHeads.has(lemma(ws[speaker.last].lower))) {
        take([speaker.name]);
        break;
      }
    }
    const single = areaAt(ws, c);
    if (!single || single.last >= q.first) continue;
    // "the southern province, the capital included, accounts for": an aside, not the subject.
    if (isVerbForm(ws[single.last + 1]?.lower ?? '') && ws[single.last + 2]?.text === ',') continue;
    // "National and ACT together hold 61 seats": a coordinated subject holds the figure jointly.
    const listed = areasFrom(ws, c, q.first - 1);
    const coordinated = listed.names.length > 1 && ws.slice(c, listed.last).some((x) => x.lower === 'and');
    const area = coordinated ? { name: listed.names.join('+'), last: listed.last } : single;
    let v = area.last + 1;
    // An apposition between subject and verb: "the central region, Kathmandu included, accounts for".
    if (ws[v]?.text === ',') {
      const close = ws.slice(v + 1, v + 9).findIndex((x) => x.text === ',');
      if (close >= 0) v += close + 2;
    }
    while (ws[v] && v + 1 < q.first && isBetweenSubjectAndVerb(ws[v]) && (isBetweenSubjectAndVerb(ws[v + 1]) || isFiniteVerb(ws[v + 1]))) v++;
    if (!isFiniteVerb(ws[v]) || v >= q.first) continue;
    const place = coordinated ? null : placeOf(area.name);
    // A place, or an area its words describe ("Gorkha district", "the eastern region"), reports or
    // holds its own figures; any other name only holds them ("Labour has"), since "Equifax said" is a source.
    const lastWord = ws[area.last];
    // So does a named one ("Charlotte County recorded 24 deaths"), though when it only speaks ("Maui County
    // said 80 deaths") it is the counter of record, maybe of the whole story.
    const described = (!isCapital(lastWord) && (isPlaceNoun(lastWord) || (LEX.namedPlaceNouns.has(lemma(lastWord.lower)) && isCapital(ws[area.last - 1]))))
      || (isPlaceNoun(lastWord) && area.last > c && isCapital(ws[area.last - 1]) && !LEX.reportingVerbs.has(ws[v].lower));
    // "Labour claimed 30 seats" holds them; "the union claimed 3.5 million marchers" only says so.
    const holds = LEX.possessionVerbs.has(ws[v].lower) && !(countsPeople && LEX.reportingVerbs.has(ws[v].lower));
    // "Delta cancelled 1,100 flights": a named doer of the figure's own deed scopes it (Delta's flights,
    // not the industry's); the story's own name is told apart later, where the story is known.
    // An institution that does such deeds as its office ("Police detained 457") is the usual counter, no scope.
    // Nor is a sentence's opening gerund ("Rebuilding Lahaina will cost") a name.
    // A plural word that opens the sentence is a common noun ("Airlines cancelled 2,100 flights"), no name.
    const commonOpener = c === area.last && (c === clause.first || !ws[c - 1]?.isWord) && lemma(ws[c].lower) !== ws[c].lower && (/(?:ers|ors|ists|ines|ies)$/.test(ws[c].lower) || LEX.personHeads.has(ws[c].lower));
    const does = isDeedOf(ws[v], eventText) && isCapital(ws[c]) && !isVerbForm(ws[c].lower) && !commonOpener && !LEX.organisationHeads.has(lemma(ws[area.last].lower));
    // "National falls to 48 seats": a name that itself moved to the figure holds it ("Saldo raised the toll
    // to 18" moved another thing, and says who counted).
    let after = v + 1;
    if (LEX.functionWords.changeDirections.has(ws[after]?.lower ?? '')) after++;
    const moved = ((CUES.map.get(ws[v].lower) ?? 0) & CUE.change) !== 0 && ws[after]?.lower === 'to' && isCapital(ws[c]) && !commonOpener && !LEX.organisationHeads.has(lemma(ws[area.last].lower));
    if (place || described || holds || does || moved) {
      if (coordinated && listed.names.every((n) => placeOf(n))) take(listed.names);
      else take([area.name]);
      break;
    }
  }
  return scope();
}

/** The countries a passage names (ISO codes), by their names, codes and demonyms. */
export function placesIn(text: string): string[] {
  const ws = words(text);
  const found: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!isCapital(ws[i])) continue;
    const two = ws[i + 1] ? placeOf(`${possessive(ws[i].lower)} ${possessive(ws[i + 1].lower)}`) : null;
    const place = two ?? placeOf(possessive(ws[i].lower));
    if (place && !found.includes(place)) found.push(place);
    if (two) i++;
  }
  return found;
}

/**
 * Whether a figure is cited only to be disputed ("nowhere near 3,000", "denied that 3,000 died"). A
 * denial cue stands before its figure, so a sentence with none there is read no further: exports ask
 * this of every claim.
 */
export function isDeniedFigure(sentence: string, figure: MeasureOptions): boolean {
  if (!DENIAL_WORDS.test(sentence.slice(0, figure.start))) return false;
  return measureOf(sentence, figure).denied;
}

/** The blocking key: figures that could measure the same thing share it. */
export function keyOf(m: Measure): string | null {
  // Ages say who someone is, and a record's span ("the highest for 45 years") how rare a figure is;
  // neither is a figure sources report on.
  if (m.dimension === 'age' || m.recordSpan) return null;
  // A verb outside the lexicon ("fought", "deployed") varies between outlets; a specific counted noun
  // ("firefighters") says more. Concepts ("killed", "evacuated") refine any head.
  const specificHead = m.head && m.head !== 'person' ? m.head : null;
  const event = m.event && (m.conceptual || !specificHead) ? m.event : null;
  const what = event ?? specificHead;
  // The turnout of a gathering is one measure whatever noun an outlet adds ("marchers", "protest pension reform").
  const occasion = !!event && LEX.occasionConcepts.has(event);
  const thing = occasion ? '' : specificHead && event ? `|${[...m.modifiers, specificHead].join(' ')}` : specificHead ? `|${m.modifiers.join(' ')}` : '';
  const role = `${m.rate ? `|per ${m.rate}` : ''}${m.increment ? '|added' : ''}`;
  switch (m.dimension) {
    case 'count':
      // People with no event said of them ("3.4 million people"): a head count, such as a population.
      if (!what) return m.head === 'person' ? `count|people${role}` : null;
      return `count|${what}${thing}${role}`;
    case 'money':
      return `${m.dimension}|${what ?? ''}${thing}${role}`;
    case 'percent':
    case 'percentage-point':
      // A share of nothing named ("rose to 25% from 15%") may be of anything the story measures.
      if (!what) return null;
      return `${m.dimension}|${what}${thing}${role}`;
    default:
      // A magnitude is of its noun ("aftershock"), whatever the clause says happened: "the magnitude-7.2
      // quake that killed 2,207" still gives the quake's magnitude. Other measurements keep their event
      // ("3 days of rain", "10 days without power").
      // A general name of the event ("quake", "earthquake") is the story's own event, however an outlet words it.
      if (m.dimension === 'magnitude') {
        const of = specificHead && specificHead !== m.unitKey && specificHead !== m.dimension && !LEX.eventNouns.has(specificHead) ? specificHead : '';
        return `${m.dimension}|${m.unitKey ?? ''}|${of}${role}`;
      }
      return `${m.dimension}|${m.unitKey ?? ''}|${what ?? ''}${role}`;
  }
}

/** A reading of a measurement (a magnitude, a distance, a temperature), as against a count or an amount: the dimensions `keyOf` keys by unit. */
export function isMeasurement(dimension: string): boolean {
  return !['count', 'money', 'percent', 'percentage-point'].includes(dimension);
}

/** A short label made from the text: "people killed", "homes damaged", "population". */
export function labelOf(m: Measure): string {
  // The unit or the rate is no name for the thing counted: "a day" in "$4 million a day", "percent".
  const unitOnly = (text: string | null) => !!text && (text.toLowerCase() === m.rate || LEX.dimensions.get(text.toLowerCase()) === m.dimension);
  const head = unitOnly(m.headText) ? null : m.headText;
  const parts: string[] = [];
  // A phrase that leads into its figure reads before the noun: "home to people", not "people home to".
  const leading = !!m.eventText && LEX.functionWords.prepositions.has(m.eventText.toLowerCase().split(/\s+/).at(-1) ?? '');
  if (head && m.eventText && head.toLowerCase() !== m.eventText.toLowerCase()) parts.push(...(leading ? [m.eventText, head] : [head, m.eventText]));
  else parts.push(head ?? m.eventText ?? m.dimension);
  if (m.dimension === 'percent') {
    if (parts[0] === m.dimension) parts[0] = 'share';
    else parts.unshift('share of');
  }
  if (m.dimension === 'money' && !head) parts.unshift('amount of');
  if (m.rate) parts.push(`per ${m.rate}`);
  if (m.increment) parts.push('(added)');
  // Each word once: "jobs" said by the noun and the verb ("Twitter jobs" cut as "jobs") is one word.
  const seen = new Set<string>();
  const label = parts
    .join(' ')
    .split(/\s+/)
    .filter((w) => {
      const key = lemma(w);
      if (!key || LEX.functionWords.prepositions.has(key)) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .join(' ')
    .trim();
  return label.toLowerCase().replace(/\b(u\.s\.|uk|us)\b/g, (x) => x.toUpperCase());
}

/** A quantity of a sentence as a figure: its bounds, and whether the sentence disputes it ("nowhere near 3,000"). */
export function figureIn(sentence: string, sentenceStart: number, q: { text: string; start: number; low: number; high: number | null; approximate: boolean; bound: FigureLike['bound']; unit: string | null; vague?: boolean }): FigureLike {
  const before = words(sentence.slice(Math.max(0, q.start - sentenceStart - 60), Math.max(0, q.start - sentenceStart)));
  let denied = false;
  for (let i = Math.max(0, before.length - 6); i < before.length; i++) if (cuesAt(before, i) & CUE.denial) denied = true;
  return { text: q.text, low: q.low, high: q.high, approximate: q.approximate, bound: q.bound, unit: q.unit, vague: q.vague, denied };
}
