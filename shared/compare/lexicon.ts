// The one loader of Compare's vocabulary: measure concepts, counted-person nouns, cue phrases, units
// by dimension and the gazetteer, read from shared/lexicon/*.json and indexed for phrase lookups.
import measures from '../lexicon/measures.json' with { type: 'json' };
import places from '../lexicon/places.json' with { type: 'json' };
import calendar from '../lexicon/calendar.json' with { type: 'json' };
import units from '../lexicon/units.json' with { type: 'json' };
import titles from '../lexicon/titles.json' with { type: 'json' };
import Qty from 'js-quantities';

/** Lower-case word sequences of one to four words, for matching phrases against token runs. */
export class PhraseSet<T = true> {
  private readonly map = new Map<string, T>();
  readonly longest: number;

  constructor(entries: Iterable<[string, T]>) {
    let longest = 1;
    for (const [phrase, value] of entries) {
      const key = phrase.toLowerCase().trim();
      this.map.set(key, value);
      longest = Math.max(longest, key.split(' ').length);
    }
    this.longest = longest;
  }

  get(phrase: string): T | undefined {
    return this.map.get(phrase);
  }

  has(phrase: string): boolean {
    return this.map.has(phrase);
  }
}

const set = (words: string[]) => new PhraseSet(words.map((w) => [w, true as const]));

/** Crude English lemma for nouns and verbs: enough to fold plurals and inflections to one key. */
export function lemma(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is|ics)$/.test(w)) return w;
  if (/(?:ches|shes|xes|zes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) w = w.slice(0, -1);
  return w;
}

const concepts = new PhraseSet<string>(Object.entries(measures.concepts).flatMap(([concept, words]) => words.map((w) => [w, concept] as [string, string])));
const dimensions = new PhraseSet<string>(Object.entries(measures.dimensions).flatMap(([dim, words]) => words.map((w) => [w, dim] as [string, string])));
const rates = new PhraseSet<string>(Object.entries(measures.rates).flatMap(([per, words]) => words.map((w) => [w, per] as [string, string])));
const placeNames = new PhraseSet<string>(Object.entries(places.names));

export const LEX = {
  concepts,
  dimensions,
  rates,
  places: placeNames,
  personHeads: set(measures.personHeads),
  readingWords: set(measures.readingWords),
  /** Each noun of a set of synonyms, to the first of its set. */
  headSynonyms: new Map(measures.headSynonyms.flatMap((words) => words.map((w) => [w, words[0]] as [string, string]))),
  auxiliaries: set(measures.auxiliaries),
  increments: set(measures.increments),
  incrementVerbsBy: set(measures.incrementVerbsBy),
  official: set(measures.official),
  /** "that earlier disaster", "the previous quake": modifiers and nouns of a back-reference to another event. */
  priorEventModifiers: set(measures.priorEventModifiers),
  eventNouns: set(measures.eventNouns),
  /** Concepts whose figures count one occasion each (a march's turnout), not a running total. */
  occasionConcepts: new Set(measures.occasionConcepts),
  /** Concepts counted afresh each day ("cancelled 97 flights on Saturday"): a day the sentence names is the figure's. */
  dailyConcepts: new Set(measures.dailyConcepts),
  /** Spans a rate of change is measured over ("year-on-year", "monthly", "since January"), each with its phrases. */
  changeWindows: Object.entries(measures.changeWindows).filter(([k]) => k !== 'about').map(([window, phrases]) => ({ window, phrases: phrases as string[] })),
  /** The one-word phrases of those spans ("annual", "year-on-year"): they name no thing a figure counts. */
  windowWords: new Set(Object.entries(measures.changeWindows).filter(([k]) => k !== 'about').flatMap(([, phrases]) => (phrases as string[]).filter((p) => !p.includes(' ')))),
  /** "a group based in Oslo": where a source sits, which scopes none of its figures. */
  seatParticiples: new Set(measures.seatParticiples),
  /** Titles and roles of people ("minister", "mayor"): a row labelled by one names who speaks, not what it counts. */
  personTitles: new Set(titles.personTitles),
  organisationHeads: new Set(titles.organisationHeads),
  /** Concepts whose counted may be counted again by what was then done to them ("identified", "buried"). */
  subsetConcepts: new Set(measures.subsetConcepts),
  harmConcepts: new Set(measures.harmConcepts),
  compassWords: new Set(measures.compassWords),
  /** Joining or drawing people to a gathering counts its attendance. */
  gatherings: { concept: measures.gatherings.concept, joining: new Set(measures.gatherings.joining), nouns: new Set(measures.gatherings.nouns) },
  irregularParticiples: set(measures.irregularParticiples),
  possessionVerbs: set(measures.possessionVerbs),
  reportingVerbs: set(measures.reportingVerbs),
  intensifiers: set(measures.intensifiers),
  genericHeads: set(measures.genericHeads),
  /** Words that put a date on when a figure was given ("as of", "by"), not on what happened. */
  reportTimeCues: measures.reportTime,
  /** A date that opens its sentence ("In June,", "On Sept. 7,") dates the report. */
  reportTimeOpeners: set(measures.reportTimeOpeners),
  placeNouns: set(measures.placeNouns),
  /** The noun that names a country's capital city ("in the capital"). */
  capitalNoun: measures.capitalNoun,
  /** Dimensions whose units convert by a factor ("km" and "miles"), and js-quantities kinds that do not. */
  scaledDimensions: new Set(measures.scaledDimensions),
  /** Dimensions of stuff that piles up or is removed over time (tonnes of rubbish, cubic metres of sand). */
  accumulatingDimensions: new Set(measures.accumulatingDimensions),
  unscaledKinds: new Set(measures.unscaledKinds),
  /** "one in", "1 in": what follows is the denominator of a proportion. */
  proportionOpeners: set(measures.proportionOpeners),
  /** "in other countries", "the remaining provinces": an area named as the rest. */
  otherAreaOpeners: set(measures.otherAreaOpeners),
  otherAreaNouns: set(measures.otherAreaNouns),
  /** Place nouns that make an area only after a name ("Sud department", "Bay Area"), not "the health department". */
  namedPlaceNouns: set(measures.namedPlaceNouns),
  locatives: set(measures.locatives),
  /** Relative pronouns that open a clause describing a subject, not a place or a time. */
  clauseRelatives: new Set(measures.clauseRelatives),
  /** Groups a count of people is broken down into ("416 children" among the dead), and the words that say so. */
  subgroupNouns: new Set(measures.subgroupNouns),
  inclusionCues: new Set(measures.inclusionCues),
  shareVerbs: new Set(measures.shareVerbs),
  /** Verbs that only file a part under a state ("listed as out of control"). */
  partCopulas: new Set(measures.partCopulas),
  /** Concepts only some dimensions measure ("aboard" a count, "withdrawal" money); others are free. */
  dimensionConcepts: new Map<string, string[]>(Object.entries(measures.dimensionConcepts)),
  /** Who holds an area ("Russian-held", "under Ukrainian control"): a side's figures are that country's. */
  controlParticiples: set(measures.controlParticiples),
  controlNouns: set(measures.controlNouns),
  sideNouns: set(measures.sideNouns),
  sideLocatives: set(measures.sideLocatives),
  /** Auxiliaries and adverbs that stand between a subject and its verb ("Liberia has now recorded"). */
  verbCompanions: set(measures.verbCompanions),
  /** Words only an opinion poll is named by ("exit poll", "voting intentions"): its figures forecast a result. */
  pollWords: new Set(measures.pollWords),
  /** Nouns a pollster's name goes with ("Datafolha's poll", "a Quaest survey"); alone "the polls" may be the election. */
  pollNouns: new Set(measures.pollNouns),
  /** "when the polls closed": the polling places, no survey. */
  pollingPlaceVerbs: new Set(measures.pollingPlaceVerbs),
  /** "Bolsonaro's poll numbers", "Labour's poll lead": a standing in the polls, no pollster's poll. */
  pollStandings: new Set(measures.pollStandings),
  /** Words of an election; only a text that uses one has rounds of a contest ("a second round of layoffs" has none). */
  contestWords: new Set(measures.contestWords),
  /** Rounds of one contest ("first round", "runoff"), numbered: each round's result is its own figure. */
  contestStages: new Map<string, number>(Object.entries(measures.contestStages)),
  stopwords: new Set(measures.stopwords),
  /** Closed-class words the clause reader steers by: prepositions, conjunctions, determiners. */
  functionWords: Object.fromEntries(Object.entries(measures.functionWords).map(([k, words]) => [k, new Set(words)])) as Record<keyof typeof measures.functionWords, Set<string>>,
  calendarWords: new Set([...calendar.months.flat(), ...calendar.weekdays.flat()]),
  /** Words that name a day or month in full ("Saturday", "March", "today"): never abbreviations, which are also words ("sun", "may"). */
  dayNames: new Set([...calendar.months.map((names) => names[0]), ...calendar.weekdays.map((names) => names[0]), ...Object.keys(calendar.relativeDays).filter((d) => !d.includes(' '))]),
  /** Days named relative to the report: "yesterday", "today". */
  relativeDays: Object.keys(calendar.relativeDays),
  /** Units of a span counted back from the report ("a week earlier"). */
  spanWords: Object.keys(calendar.spanDays),
  /** Words of a record a span only dates ("the highest for 45 years", "a 15-year high"). */
  recordSpans: { superlatives: new Set(measures.recordSpans.superlatives), extremes: new Set(measures.recordSpans.extremes) },
  /** How a text gives a person's age: the words before ("aged"), after ("7-year-old") and a span with "old". */
  ageWords: {
    before: new Set(measures.ageWords.before),
    spanLinks: new Set(measures.ageWords.spanLinks),
    after: new Set(measures.ageWords.after),
    spans: new Set(measures.ageWords.spans),
  },
  /** Full month names by number ("july" → 7), for the month a figure covers. */
  monthNumbers: new Map(calendar.months.map((names, i) => [names[0], i + 1])),
  /** Prepositions that give a figure its month ("in July", "for June"); "since" or "through" only frame a span. */
  periodMarkers: new Set(calendar.periodMarkers),
  /** Words that make a day one end of a span ("from Friday to Tuesday", "since Monday"). */
  rangeOpeners: new Set(calendar.rangeOpeners),
  rangeLinks: new Set(calendar.rangeLinks),
  /** Nouns of reported figures a month may qualify as their period ("the July report", "July payrolls"). */
  periodNouns: new Set(calendar.periodNouns),
  quarterOrdinals: new Map(Object.entries(calendar.quarterOrdinals)),
  quarterWords: new Set(calendar.quarterWords),
  quarterLetter: calendar.quarterLetter,
  /** Months named from the report's own ("last month" → -1). */
  relativeMonths: new PhraseSet<number>(Object.entries(calendar.relativeMonths)),
  /** Quarters named from the report's own ("the current quarter" → 0). */
  relativeQuarters: new PhraseSet<number>(Object.entries(calendar.relativeQuarters)),
  /** Words that point back to the month named before them ("that month's gain"). */
  monthBackReferences: set(calendar.monthBackReferences),
};

/** Cue families read in one pass over a clause: each phrase maps to the families it belongs to. */
export const CUE = { denial: 1, change: 2, earlier: 4, estimate: 8, excess: 16, expectation: 32, prior: 64 } as const;
const cueFamilies: Array<[number, string[]]> = [
  [CUE.denial, measures.denials],
  [CUE.change, measures.changes],
  [CUE.earlier, measures.earlier],
  [CUE.estimate, measures.estimates],
  [CUE.excess, measures.excess],
  [CUE.expectation, measures.expectations],
  [CUE.prior, measures.priorPeriods],
];
const cueMap = new Map<string, number>();
for (const [flag, phrases] of cueFamilies) for (const p of phrases) cueMap.set(p, (cueMap.get(p) ?? 0) | flag);
export const CUES = { map: cueMap, longest: Math.max(...[...cueMap.keys()].map((k) => k.split(' ').length)) };
/** Any denial cue as whole words, to tell at a glance the sentences that may dispute a figure. */
/** A text with the characters a regular expression reads specially escaped. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const DENIAL_WORDS = new RegExp(`(?<![\\p{L}])(?:${[...measures.denials].sort((a, b) => b.length - a.length).map((p) => p.split(' ').map(escapeRegExp).join('\\s+')).join('|')})(?![\\p{L}])`, 'iu');

/** The concept a word or phrase names ("killed" and "fatalities" both name "death"), or null. */
export function conceptOf(phrase: string): string | null {
  return concepts.get(phrase.toLowerCase()) ?? concepts.get(lemma(phrase)) ?? null;
}

/** The country a name, code or demonym denotes ("Canadians", "U.S.", "British"), or null. */
export function placeOf(phrase: string): string | null {
  const key = phrase.toLowerCase();
  return placeNames.get(key) ?? (key.endsWith('s') ? (placeNames.get(key.slice(0, -1)) ?? null) : null);
}

const capitals = places.capitals as Record<string, string>;
/** A country's capital, lower case ("FR" → "paris"), or null. */
export function capitalOf(code: string): string | null {
  return capitals[code] ?? null;
}

type UnitWord = { unit: string; qty?: string; partOf?: string; parts?: number };
const unitWords = units.words as Record<string, UnitWord>;
const unitBases = new Map<string, { base: string; factor: number } | null>();

/**
 * A unit word's base unit and the factor to it ("km" → metres × 1,000, "months" → a twelfth of a
 * year in seconds), through js-quantities, or as a part of a unit it has for one it lacks; null for
 * unknown words. Temperatures and angles do not scale, and are left as written.
 */
export function unitBase(word: string): { base: string; factor: number } | null {
  const key = word.toLowerCase();
  const known = unitBases.get(key);
  if (known !== undefined) return known;
  const entry = unitWords[key] ?? unitWords[lemma(key)];
  let found: { base: string; factor: number } | null = null;
  const expression = entry?.qty ?? entry?.partOf;
  if (expression) {
    try {
      const quantity = new Qty(1, expression);
      if (!LEX.unscaledKinds.has(quantity.kind())) {
        const base = quantity.toBase();
        found = { base: base.units(), factor: base.scalar / (entry?.qty ? 1 : (entry?.parts ?? 1)) };
      }
    } catch {
      found = null;
    }
  }
  unitBases.set(key, found);
  return found;
}
