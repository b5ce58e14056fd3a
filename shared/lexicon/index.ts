// The one loader of Dossier's vocabulary: every word list, cue and pattern the claim engine (and the views that
// describe claims) use lives in the JSON files beside this module, imported statically so bundles carry them.
// Pure data access: no Node or DOM imports.
import reportingData from './reporting-verbs.json' with { type: 'json' };
import hedgeData from './hedges.json' with { type: 'json' };
import boosterData from './boosters.json' with { type: 'json' };
import outletData from './outlets.json' with { type: 'json' };
import unitData from './units.json' with { type: 'json' };
import numberData from './numbers.json' with { type: 'json' };
import titleData from './titles.json' with { type: 'json' };
import timeData from './time.json' with { type: 'json' };
import opinionData from './opinion.json' with { type: 'json' };
import quantityCueData from './quantity-cues.json' with { type: 'json' };
import grammarData from './grammar.json' with { type: 'json' };

export type Bound = 'exact' | 'range' | 'at-least' | 'at-most';
export interface QuantityCue {
  bound?: Bound;
  approx?: boolean;
}
export interface UnitEntry {
  /** The unit as a claim shows it ("km", "percent", "degrees celsius"). */
  unit: string;
  /** A js-quantities unit expression, when that library models the unit. */
  qty?: string;
  /** Canonical name and dimension for units the library does not model. */
  name?: string;
  dimension?: string;
}

/** Object without a prototype, so a token such as "constructor" never hits an inherited key. */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
const lower = (xs: readonly string[]): string[] => xs.map((x) => x.toLowerCase());

export const time = {
  months: new Set([...timeData.months, ...timeData.monthAbbreviations]),
  monthNames: timeData.months,
  monthAbbreviations: timeData.monthAbbreviations,
  weekdayAbbreviations: timeData.weekdayAbbreviations,
  timeZones: timeData.timeZones,
  weekdays: new Set([...timeData.weekdays, ...timeData.weekdayAbbreviations]),
  weekdayNames: timeData.weekdays,
  dayWords: new Set(timeData.dayWords),
  timeNouns: new Set(timeData.timeNouns),
  clockSuffixes: new Set(timeData.clockSuffixes),
  monthPrepositions: new Set(timeData.monthPrepositions),
  /** A span from another time that may open a sentence before its source ("A day earlier"). */
  spanOpeners: new Set(timeData.spanOpeners),
  spanEnds: new Set(timeData.spanEnds),
};

export const numbers = {
  small: table<number>(numberData.small),
  tens: table<number>(numberData.tens),
  scales: table<number>(numberData.scales),
  gluedScales: table<number>(numberData.gluedScales),
  moneyGluedScales: table<number>(numberData.moneyGluedScales),
  pluralScales: table<number>(numberData.pluralScales),
  vagueMultipliers: table<number>(Object.fromEntries(Object.entries(numberData.vagueMultipliers).filter(([, v]) => typeof v === 'number')) as Record<string, number>),
};

export const titles = {
  person: new Set(titleData.personTitles),
  female: new Set(titleData.femaleTitles),
  male: new Set(titleData.maleTitles),
  abbreviated: titleData.abbreviatedTitles,
  organisationHeads: new Set(titleData.organisationHeads),
};

export type VerbStrength = 'strong' | 'weak' | 'noun';
const verbTable: Record<string, VerbStrength> = Object.create(null) as Record<string, VerbStrength>;
for (const w of reportingData.strong) verbTable[w] = 'strong';
for (const w of reportingData.noun) verbTable[w] = 'noun';
for (const w of reportingData.weak) verbTable[w] ??= 'weak';

export const reporting = {
  verbs: verbTable as Readonly<Record<string, VerbStrength>>,
  progressive: new Set(reportingData.progressive),
  clauseFinalTags: new Set(reportingData.clauseFinalTags),
  documentOnly: new Set(reportingData.documentOnly.verbs),
  strictWeak: new Set(reportingData.strictWeak),
  toReporting: new Set(reportingData.toReporting),
  numberObject: new Set(reportingData.numberObject),
  irregularPast: new Set(reportingData.irregularPast),
  inversion: new Set(reportingData.inversion),
  refusalVerbs: new Set(reportingData.refusals.verbs),
  refusalObjects: new Set(reportingData.refusals.objects),
  claimObjectVerbs: new Set(reportingData.claimNouns.objectVerbs),
  documentNouns: new Set(reportingData.documentNouns),
  sourceHeads: new Set(reportingData.sourceHeads),
  impersonalPassive: new Set(reportingData.impersonalPassive.verbs),
  newsroomSubjects: new Set(reportingData.newsroomSelf.subjects),
  newsroomVerbs: new Set(reportingData.newsroomSelf.verbs),
};

export const hedges = {
  forms: hedgeData.forms,
  reportedSpeechOnly: new Set(hedgeData.reportedSpeechOnly.forms),
  assessForms: new Set(hedgeData.assessNeedsClause.forms),
  couldAbilityNext: new Set(hedgeData.couldOfAbility.abilityNext),
  possibleOutcomeNouns: new Set(hedgeData.possibleOfOptions.outcomeNouns),
  appearNext: new Set(hedgeData.appearNext),
  fearedNext: new Set(hedgeData.fearedNext),
  nounDeterminers: hedgeData.nounDeterminers,
  estimateNounBefore: new Set(hedgeData.estimateAsNoun.before),
  likelyComparativeBefore: new Set(hedgeData.likelyComparative.before),
};

export const boosters = {
  words: new Set(boosterData.words),
  doubtPhrases: boosterData.doubtPhrases,
};

export const outlets = {
  names: outletData.names,
  nameSet: new Set(lower(outletData.names).map((o) => o.replace(/^the /, ''))),
  services: new Set(outletData.services),
  nouns: new Set(outletData.nouns.words),
  pairFirst: new Set(outletData.pairs.first),
  pairSecond: new Set(outletData.pairs.second),
  mastheadWords: new Set(outletData.mastheadWords.words),
  datelineAgencies: outletData.datelineAgencies,
};

export const units = {
  words: table<UnitEntry>(unitData.words),
  gluedSuffixes: unitData.gluedSuffixes.forms,
  gluedCaseSensitive: new Set(unitData.gluedSuffixes.caseSensitive),
  currencySymbols: table<{ unit: string; code: string }>(unitData.currencies.symbols),
  dollarPrefixes: table<string>(unitData.currencies.dollarPrefixes),
  currencyCodes: table<string>(unitData.currencies.codes),
  currencyWords: table<string>(unitData.currencies.words),
  /** "cents", "pence": a currency's hundredth, with the currency it is of. */
  currencySubunits: table<{ unit: string; code: string; per: number }>(Object.fromEntries(Object.entries(unitData.currencies.subunits).filter(([k]) => k !== 'about')) as Record<string, { unit: string; code: string; per: number }>),
  people: new Set(unitData.people.words),
  rateWords: new Set(unitData.rateWords.words),
  timeUnits: new Set(unitData.timeUnits.units),
  metreContext: new Set(unitData.metreContext.words),
};

export const opinion = {
  phrases: opinionData.phrases,
  patterns: opinionData.patterns.sources,
};

export const quantityCues = {
  before: table<QuantityCue>(quantityCueData.before as Record<string, QuantityCue>),
  after: table<QuantityCue>(quantityCueData.after as Record<string, QuantityCue>),
};

export const grammar = grammarData;

/** Boilerplate lines of releases and announcements as one expression, compiled once. */
export const releaseBoilerplate = new RegExp(grammarData.sentences.boilerplatePatterns.patterns.map((p) => `(?:${p})`).join('|'), 'iu');
