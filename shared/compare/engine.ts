// Groups figures across documents and judges them: only figures of one story are compared, blocked by
// what they measure (so cost grows with the figures, not their pairs), split by scope (place, year,
// estimate or count), dated, and given an analyst's verdict in plain words with who, what and when.
import type { Claim, Quantity } from '../types/claims.ts';
import type { CompareGroup, CompareMember, ConflictPair, Verdict } from '../types/compare.ts';
import { figureInterval, figuresAgree, formatFigure, formatNumber, type FigureLike } from '../figures/index.ts';
import { findDates, findDocumentDate, findMonths, findRelativeDays, shiftDay } from '../text/dates.ts';
import { capitalOf, escapeRegExp, LEX, lemma, placeOf } from './lexicon.ts';
import { isMeasurement, labelOf, measureOf, placesIn, pollstersIn, stageIn, tellsChange, words, type Measure } from './measure.ts';
import { aliasNames } from './names.ts';
import { clusterStories, sameTextOrigins } from './stories.ts';

export interface CompareDocument {
  /** How the caller named the document (path or id); echoed in the output. */
  doc: string;
  docId: string | null;
  title: string;
  published: string | null;
  /** The outlet, when the library knows it. */
  outlet?: string | null;
  text: string;
  claims: Claim[];
}

export interface Mention {
  docIndex: number;
  claim: Claim;
  quantity: Quantity;
  measure: Measure;
  key: string;
  date: string | null;
  /** The day of the event the figure counts, when the text names it ("the June 9 rally", "Sunday's march"). */
  eventDate: string | null;
  /**
   * For a figure that counts one occasion (a march's turnout): the day of that occasion, from a day its
   * sentence names, else the day its document's lead names, else its document's date. Null for others.
   */
  occasionDay: string | null;
  /** Whether its sentence or its document's lead names that day, rather than its document's date or a span back ("a week earlier"). */
  occasionNamed: boolean;
  /** For ordering: the date, or for an undated earlier value its document's date, or "" when unknown. */
  sortDate: string;
  /** Position in the document, so a series inside one article keeps its order. */
  order: number;
  /** Said with a hedge ("may have", "could be as high as") and not as the count of record. */
  hedged: boolean;
  /** Factor from the unit written to its dimension's base unit ("km" → 1,000 metres); 1 for counts. */
  scale: number;
  member: CompareMember;
}

interface DocContext {
  input: CompareDocument;
  date: string | null;
  origin: string;
  story: number;
  sameText: number;
  /** The day the document's lead says its event took place ("marched ... on Sunday"), when it names one. */
  leadDay: string | null;
  /** The one round of a contest its headline names ("... wins runoff"), for figures that name none. */
  leadStage: number | null;
  /** Whether it speaks of an election at all: only then does "second round" name a round of one. */
  contest: boolean;
}

/** How many significant digits a single stated value has (a decimal counts as precise); null for a range or a vague amount. */
function significantDigits(q: Quantity): number | null {
  if (q.vague || (q.high !== null && q.high !== q.low)) return null;
  if (!Number.isInteger(q.low)) return Infinity;
  return String(Math.abs(q.low)).replace(/0+$/, '').length;
}

/** A figure given to three significant digits or to a decimal: a count, not a round approximation. */
function isPrecise(q: Quantity): boolean {
  return (significantDigits(q) ?? 0) >= 3;
}

/** A single value with no bound or approximation ("8.9", "2,189"). */
function isExact(f: FigureLike): boolean {
  return f.bound === 'exact' && !f.approximate && !f.vague && !f.denied;
}

/** A figure's value in its dimension's base unit, so "125 km" and "78 miles" compare. */
function valueOf(m: Mention): number {
  return m.quantity.low * m.scale;
}

/** How far apart two values are in orders of magnitude. */
function logDistance(a: number, b: number): number {
  return Math.abs(Math.log10(Math.max(1e-9, a)) - Math.log10(Math.max(1e-9, b)));
}

/** The same day, or the same month when both are known only to the month: "in December" and 9 Dec cannot be said to disagree at one time. */
function onSameDay(a: string, b: string): boolean {
  if (a.length >= 10 && b.length >= 10) return a.slice(0, 10) === b.slice(0, 10);
  // Both known only to the month: the same month is the same time.
  return a.length === 7 && b.length === 7 && a === b;
}

const readable = new Map<string, string>();

function readableDate(iso: string | null): string {
  if (!iso) return 'undated';
  const known = readable.get(iso);
  if (known) return known;
  const text = formatDate(iso);
  readable.set(iso, text);
  return text;
}

function formatDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function figureOf(q: Quantity, m: Measure): FigureLike {
  return { text: q.text, low: q.low, high: q.high, approximate: q.approximate, bound: q.bound, unit: q.unit, vague: q.vague, denied: m.denied };
}

/** When a figure was reported: a dated phrase in its own sentence when there is one, else its document's date. */
// Sentences without a month, weekday or relative day name need no date scan.
/** Words without which a sentence holds no date: calendar names, relative days, numeric dates. */
const MAY_DATE = new RegExp(`\\b(?:${[...LEX.calendarWords, ...LEX.relativeDays, ...LEX.spanWords].sort((a, b) => b.length - a.length).join('|')}|\\d{4}-\\d|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4})`, 'i');

/**
 * Whether the words after a date name an event of that day: an event noun within three words, before
 * any function word ("Sunday's mass march", "the June 9 rally"; not "June 10 the outbreak had...").
 */
function namesEventAt(text: string, end: number): boolean {
  const after = text.slice(end, end + 60).replace(/^['’]s\b/, '');
  const words = after.match(/[\p{L}-]+/gu)?.slice(0, 3) ?? [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (LEX.eventNouns.has(lower) || LEX.eventNouns.has(lemma(lower))) return true;
    if (LEX.functionWords.determiners.has(lower) || LEX.functionWords.prepositions.has(lower) || LEX.functionWords.conjunctions.has(lower) || LEX.auxiliaries.has(lower)) return false;
  }
  return false;
}

/** A possessive day before an event noun ("Saturday's earthquake"): it names the event, not a report's time. */
function namesEventByDay(text: string, day: { end: number }): boolean {
  return /^['’]s\b/.test(text.slice(day.end, day.end + 3)) && namesEventAt(text, day.end);
}

/**
 * The day of the event a figure counts, when its sentence names the event by its day: a date or a
 * possessive day before an event noun ("the June 9 rally", "Sunday's march"). The nearest to the figure.
 */
function eventDateOf(claim: Claim, q: Quantity, docDate: string | null): string | null {
  if (!docDate || !MAY_DATE.test(claim.text)) return null;
  const rel = q.start - claim.start;
  const days = [
    ...findDates(claim.text, docDate).filter((d) => d.precision === 'day' && namesEventAt(claim.text, d.end)),
    ...findRelativeDays(claim.text, docDate).filter((d) => namesEventByDay(claim.text, d)),
  ].filter((d) => d.iso.slice(0, 10) <= docDate.slice(0, 10));
  if (!days.length) return null;
  days.sort((a, b) => Math.abs(a.start - rel) - Math.abs(b.start - rel));
  return days[0].iso.slice(0, 10);
}

/** How much of a text's start is read for the day its event took place. */
const LEAD_DAY_CHARS = 700;
/** How far before its document's date a lead's day may lie and still be the reported event's. */
const LEAD_DAY_REACH_DAYS = 3;
/** How far back a day a sentence names may date an occasion: a year, so that a past march recalled is its own. */
const OCCASION_REACH_DAYS = 366;

/** Days (ISO) a passage names, each with its offset, up to `reachDays` before `docDate` and not after it. */
function namedDays(text: string, docDate: string, reachDays: number): Array<{ at: number; end: number; iso: string; dateLine: boolean; approximate: boolean }> {
  const last = docDate.slice(0, 10);
  // A date that does not parse names no day.
  if (Number.isNaN(Date.parse(last))) return [];
  const first = shiftDay(last, -reachDays);
  return [
    ...findDates(text, docDate)
      .filter((d) => d.precision === 'day' || d.precision === 'minute')
      .map((d) => ({ at: d.start, end: d.end, iso: d.iso.slice(0, 10), dateLine: d.yearGiven || d.precision === 'minute', approximate: false })),
    ...findRelativeDays(text, docDate).map((d) => ({ at: d.start, end: d.end, iso: d.iso.slice(0, 10), dateLine: false, approximate: !!d.approximate })),
  ].filter((d) => d.iso <= last && d.iso >= first);
}

/** A text's opening lines long enough to be sentences (more than eight words): its lead, not a date line or a byline. */
const openingLines = (text: string) => text.slice(0, LEAD_DAY_CHARS).split('\n').filter((line) => line.trim().split(/\s+/).length > 8);

/**
 * The day a document's lead names for its event: the first day in its opening lines, skipping lines
 * that are only a date line, within three days before the document's date ("on Sunday" in Monday's report).
 */
function leadDayOf(text: string, docDate: string | null): string | null {
  if (!docDate) return null;
  for (const line of openingLines(text)) {
    const days = namedDays(line, docDate, LEAD_DAY_REACH_DAYS);
    // A line with a full date or a time on it is a date line or a byline: it says when the page was written.
    if (days.some((d) => d.dateLine)) continue;
    if (days.length) return days.sort((a, b) => a.at - b.at)[0].iso;
  }
  return null;
}

/**
 * The day of the occasion a figure counts (a march's turnout): a day its sentence names, nearest the
 * figure, since a date beside a turnout names the march ("the 1.28 million of March 7", "on Tuesday");
 * else its document's lead day; else its document's date. `told` says the sentence itself names it.
 */
function occasionOf(claim: Claim, q: Quantity, doc: { date: string | null; leadDay: string | null }): { day: string | null; named: boolean; told: boolean } {
  if (!doc.date) return { day: null, named: false, told: false };
  const days = MAY_DATE.test(claim.text) ? namedDays(claim.text, doc.date, OCCASION_REACH_DAYS) : [];
  // Each day belongs to the figure nearest it ("more than on the previous day but below the 1.28 million
  // of March 7" dates the 1.28 million, not the figure before it); a day that opens the sentence ("On
  // 31 January the count rose to 1.27 million, with 87,000 in the capital") dates every figure in it.
  const distance = (d: { at: number; end: number }, x: Quantity) => Math.max(0, x.start - claim.start - d.end, d.at - (x.end - claim.start));
  const own = days.filter((d) => claim.quantities.every((x) => x === q || distance(d, q) <= distance(d, x)));
  // A day counted back by a span ("a week earlier") is the day before's occasion when that one is named.
  if (own.length) {
    const day = own.sort((a, b) => distance(a, q) - distance(b, q))[0];
    // One end of a span ("from Friday to Tuesday") dates no single day's count.
    const before = claim.text.slice(0, day.at).match(/([\p{L}]+)\W*$/u)?.[1]?.toLowerCase() ?? '';
    const after = claim.text.slice(day.end).match(/^\W*([\p{L}]+)/u)?.[1]?.toLowerCase() ?? '';
    const ofSpan = LEX.rangeOpeners.has(before) || LEX.rangeLinks.has(after);
    return { day: day.iso, named: !day.approximate, told: !day.approximate && !ofSpan };
  }
  const opening = days.find((d) => (claim.text.slice(0, d.at).match(/[\p{L}\p{N}]+/gu) ?? []).length <= 2);
  // A day that opens the sentence may date the report ("On Monday, Southwest said it had cancelled 2,900
  // flights this week"), not the count.
  if (opening) return { day: opening.iso, named: !opening.approximate, told: false };
  return doc.leadDay ? { day: doc.leadDay, named: true, told: false } : { day: doc.date.slice(0, 10), named: false, told: false };
}

/**
 * Whether a share is held: by a verb of holding straight before it ("Starmer's Labour won just 33.7%"),
 * or in a clause that speaks of the thing before ("In 2019 it was 67.3%", "In October it fell to 4.6%").
 */
function isHeld(m: Mention): boolean {
  const before = m.claim.text.slice(0, m.quantity.start - m.claim.start).toLowerCase();
  const last = before.match(/[\p{L}]+/gu)?.slice(-2) ?? [];
  return last.some((w) => LEX.possessionVerbs.has(w)) || /\bit\s+\p{L}+\s*(?:\p{L}+\s+)?(?:to|at|by)?\s*$/u.test(before);
}

function mentionDate(claim: Claim, q: Quantity, docDate: string | null): string | null {
  if (!docDate) return null;
  if (!MAY_DATE.test(claim.text)) return docDate.slice(0, 10);
  const rel = q.start - claim.start;
  // Dates in a sentence mostly say when something happened; only those that say when the figure was
  // given count: relative days ("said on Monday"), "as of"/"by" dates, and a fronted "In June," or "On Sept. 7,".
  const reportTime = (d: { start: number; end: number }) => {
    const before = claim.text.slice(Math.max(0, d.start - 40), d.start).toLowerCase();
    const ws = before.match(/[\p{L}']+/gu) ?? [];
    const last = ws.at(-1) ?? '';
    const verb = last === 'on' ? (ws.at(-2) ?? '') : last;
    const tail = ` ${before.trimEnd()}`;
    const cue = LEX.reportTimeCues.find((c) => tail.endsWith(` ${c}`));
    const opening = ws.length === 0 || (ws.length === 1 && LEX.reportTimeOpeners.has(ws[0]) && before.trim() === ws[0]);
    return cue !== undefined || opening || LEX.reportingVerbs.has(verb);
  };
  const absolute = findDates(claim.text, docDate).filter((d) => (d.precision === 'day' || d.precision === 'minute') && reportTime(d));
  // A possessive day before an event names the event, not when the figure was given: "Saturday's
  // earthquake had killed 1,941" (but "Tuesday's count put the toll at 1,941" dates the count).
  // A span back ("a week earlier") dates an earlier value only roughly: it gives no report time.
  const relative = [...findRelativeDays(claim.text, docDate).filter((d) => !d.approximate && !namesEventByDay(claim.text, d)), ...findMonths(claim.text, docDate).filter(reportTime)];
  const candidates = [...absolute.map((d) => ({ at: d.start, iso: d.iso })), ...relative.map((d) => ({ at: d.start, iso: d.iso }))]
    // A date after the document's own is a plan or a deadline, not when the figure was given.
    .filter((d) => d.iso.slice(0, 10) <= docDate.slice(0, 10) && d.iso.slice(0, 4) >= String(Number(docDate.slice(0, 4)) - 1));
  if (!candidates.length) return docDate.slice(0, 10);
  candidates.sort((a, b) => Math.abs(a.at - rel) - Math.abs(b.at - rel));
  // A month named alone ("in October") means that month, unless it is the document's own.
  const iso = candidates[0].iso;
  return iso.length === 7 && iso === docDate.slice(0, 7) ? docDate.slice(0, 10) : iso.slice(0, 10);
}

function isFigure(q: Quantity, m: Measure): boolean {
  if (q.vague || m.question || m.threshold) return false;
  // Bare years and ordinals are dates or ranks, not amounts.
  if (m.dimension === 'count' && Number.isInteger(q.low) && q.low >= 1800 && q.low <= 2100 && q.low === q.high && !/,/.test(q.text) && !q.unit) return false;
  return true;
}

/** How far apart (log10) a bare figure and the figure before it may lie for it to take that one's meaning: a factor of 100. */
const INHERIT_LOG_DISTANCE = 2;

function collectMentions(docs: DocContext[]): Mention[] {
  const mentions: Mention[] = [];
  docs.forEach((ctx, docIndex) => {
    const { input } = ctx;
    const own: Mention[] = [];
    for (const claim of input.claims) {
      if (claim.review?.status === 'rejected') continue;
      for (const q of claim.quantities) {
        const measure = measureOf(claim.text, { start: q.start - claim.start, end: q.end - claim.start, quantityText: q.text, unit: q.unit });
        if (!isFigure(q, measure)) continue;
        // A value the text gives as earlier ("initially", "had previously estimated") was not reported on
        // the document's date: it keeps no date and sorts before its document's figures.
        const sentenceDate = mentionDate(claim, q, ctx.date);
        const date = measure.earlier && sentenceDate === ctx.date?.slice(0, 10) ? null : sentenceDate;
        const member: CompareMember = {
          doc: input.doc,
          docId: input.docId,
          docTitle: input.title,
          published: input.published ?? ctx.date,
          date,
          origin: ctx.origin,
          claimId: claim.id,
          start: claim.start,
          end: claim.end,
          text: claim.text,
          figure: formatFigure(figureOf(q, measure)),
          quantity: { text: q.text, low: q.low, high: q.high, approximate: q.approximate, bound: q.bound, unit: q.unit, vague: q.vague },
          source: claim.attribution?.source ?? null,
          via: claim.attribution?.via ?? [],
          additional: measure.increment,
          denied: measure.denied,
          change: measure.change || measure.earlier,
        };
        own.push({ docIndex, claim, quantity: q, measure, key: measure.key ?? '', date, eventDate: eventDateOf(claim, q, ctx.date), occasionDay: null, occasionNamed: false, sortDate: date ?? ctx.date?.slice(0, 10) ?? '', order: q.start, hedged: claim.certainty === 'hedged' && !measure.official, scale: measure.unitScale ?? 1, member });
      }
    }
    // A figure with no noun of its own ("rose to 34", "to 145.5 million") means what the figure before
    // it in the same passage meant, when that one is of the same dimension.
    for (let i = 0; i < own.length; i++) {
      const bareVerb = !own[i].measure.head && own[i].measure.event !== null && !own[i].measure.conceptual && !own[i].measure.namedByNoun;
      // So does the base of a change ("70%, up from the 50%"): it is the earlier value of the figure before it.
      if (own[i].key && !bareVerb && !(own[i].measure.base && own[i - 1]?.claim === own[i].claim)) continue;
      for (let j = i - 1; j >= 0 && own[i].order - own[j].order < 600; j--) {
        // In one sentence the figure before sets the measure, unit and all: "a magnitude of 7.6, and
        // Cuba's centre 7.4". Further back, only a figure of the same dimension does.
        const sameSentence = own[j].claim === own[i].claim && own[i].measure.dimension === 'count' && !own[i].measure.head;
        // Nor a figure a hundred times apart, unless one is an increment of the other ("by 2.5 million, to
        // 145.5 million"): after "loses 200,000 subscribers", "it now has 221.6 million" is the total, not the loss.
        const apart = logDistance(valueOf(own[i]), valueOf(own[j])) > INHERIT_LOG_DISTANCE && !own[i].measure.increment && !own[j].measure.increment;
        if (apart) continue;
        // A bare share says nothing of what it is a share of; releases give many ("inflation 6.7%", "the
        // jobless rate 4.2%"), so only one in its own sentence tells it. A share someone holds ("Reform
        // took 14.3%") is of what the shares before it were of.
        const share = own[i].measure.dimension === 'percent' || own[i].measure.dimension === 'percentage-point';
        if (share && own[j].claim !== own[i].claim && !own[i].measure.subject && !own[i].measure.places.length && !isHeld(own[i])) break;
        if (own[j].key && (own[j].measure.dimension === own[i].measure.dimension || sameSentence)) {
          own[i].key = own[j].key.replace(/\|added$/, '') + (own[i].measure.increment ? '|added' : '');
          own[i].measure = { ...own[i].measure, dimension: own[j].measure.dimension, places: own[i].measure.places.length ? own[i].measure.places : own[j].measure.places, estimate: own[i].measure.estimate || own[j].measure.estimate, headText: own[j].measure.headText, eventText: own[j].measure.eventText };
          break;
        }
      }
    }
    // "The county now attributes 53 deaths": the county last named before the sentence.
    for (const m of own) {
      if (!m.measure.areaRef || m.measure.subject) continue;
      const named = lastAreaNamedBefore(input.text, m.claim.start, m.measure.areaRef);
      if (named) m.measure = { ...m.measure, subject: named };
    }
    // Figures coordinated in one clause share its subject: "gave Labour 372 seats and 35.6% of the vote".
    // A figure in brackets straight after another is that one's other form, whoever it is of:
    // "Bolsonaro 51.07 million (43.2%)".
    for (let i = 1; i < own.length; i++) {
      const [prev, m] = [own[i - 1], own[i]];
      const bracketed = prev.claim === m.claim && /^\s*\(\s*$/.test(m.claim.text.slice(prev.quantity.end - m.claim.start, m.quantity.start - m.claim.start));
      if (bracketed && prev.measure.subject) {
        m.measure = { ...m.measure, subject: prev.measure.subject };
        continue;
      }
      if (prev.claim !== m.claim || m.measure.subject || m.measure.places.length || !prev.measure.subject) continue;
      const between = m.claim.text.slice(prev.quantity.end - m.claim.start, m.quantity.start - m.claim.start);
      if (/^[^,;:.()]*\band\s*$/i.test(between) && between.split(/\s+/).length <= 6) m.measure = { ...m.measure, subject: prev.measure.subject };
    }
    // A figure counting an occasion, by its own words or those it took over, gets that occasion's day.
    // So does a count made afresh each day ("cancelled 170 flights on Sunday"), when its sentence names the day.
    for (const m of own) {
      const parts = m.key.split('|');
      const daily = parts.some((part) => LEX.dailyConcepts.has(part));
      if (!daily && !parts.some((part) => LEX.occasionConcepts.has(part))) continue;
      const occasion = occasionOf(m.claim, m.quantity, ctx);
      if (daily && !occasion.told) continue;
      [m.occasionDay, m.occasionNamed] = [occasion.day, occasion.named];
    }
    // A denial with nothing around it still disputes a number: it is attached to that number's measure later.
    for (const m of own) if (!m.key && m.measure.denied) m.key = `${m.measure.dimension}|disputed`;
    // A share a named party holds with nothing said of what it is a share of ("National 38.06 percent",
    // "Greens: 11.6 percent"): the story's shares held by such parties tell it, later.
    for (const m of own) if (!m.key && m.measure.dimension === 'percent' && m.measure.subject && !m.measure.rate) m.key = HELD_SHARE;
    mentions.push(...own.filter((m) => m.key));
  });
  return mentions;
}

/**
 * A sentence that names one of its story's pollsters speaks of that pollster's poll ("Ipec, whose numbers
 * were also published on Saturday, had Lula on 51%"): its figures forecast the result, as the figures
 * of a sentence that says "poll" do.
 */
function markPollFigures(mentions: Mention[], docs: DocContext[]): void {
  const pollsters = new Map<number, Set<string>>();
  for (const d of docs) {
    const names = pollsters.get(d.story) ?? new Set<string>();
    for (const name of pollstersIn(d.input.text)) names.add(name);
    pollsters.set(d.story, names);
  }
  // A name that holds the story's figures ("Bolsonaro won 43.2%") is a contender, whatever "poll" is said of it.
  for (const m of mentions) {
    const subject = m.measure.subject;
    if (subject) for (const part of subject.split(/[+\s]/)) pollsters.get(docs[m.docIndex].story)?.delete(part);
  }
  const patterns = new Map<number, RegExp | null>();
  for (const [story, names] of pollsters) patterns.set(story, names.size ? new RegExp(`(?<![\\p{L}])(?:${[...names].map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu') : null);
  for (const m of mentions) {
    // A poll reports shares; a pollster named beside money or a count ('a Refinitiv poll' of analysts) forecasts it or not by its own words.
    if (m.measure.poll || m.measure.dimension !== 'percent') continue;
    const pattern = patterns.get(docs[m.docIndex].story);
    if (!pattern) continue;
    // As with the word "poll": a pollster named before the figure, or after it in its own clause.
    const [start, end] = [m.quantity.start - m.claim.start, m.quantity.end - m.claim.start];
    const before = pattern.test(m.claim.text.slice(0, start));
    const after = m.claim.text.slice(end).split(/[,;:!?]|\.(?!\d)/)[0];
    if (before || pattern.test(after)) m.measure = { ...m.measure, poll: true };
  }
}

/** How far back a document is read for the area a clause points back to ("the county"). */
const AREA_REFERENCE_CHARS = 2000;

/**
 * The last area of a kind named in a text before a point ("Lee County" for "county"), lower case, or
 * null: one to three capitalised words before the capitalised place noun, leading function words dropped.
 */
function lastAreaNamedBefore(text: string, before: number, noun: string): string | null {
  const recent = text.slice(Math.max(0, before - AREA_REFERENCE_CHARS), before);
  const kind = escapeRegExp(noun);
  // Name words hold no full stop: a name does not run across the end of a sentence.
  const pattern = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3})${kind[0].toUpperCase()}${kind.slice(1)}(?![\\p{L}])`, 'gu');
  let last: string | null = null;
  for (const match of recent.matchAll(pattern)) {
    const words = match[1].trim().split(/\s+/).map((w) => w.replace(/['’]s$/, ''));
    while (words.length && LEX.stopwords.has(words[0].toLowerCase())) words.shift();
    if (words.length) last = `${words.join(' ')} ${noun}`.toLowerCase();
  }
  return last;
}

// Headlines only: a dateline ("KATHMANDU, April 27 -") names where the reporter is, not what the story
// is about. Read once per story and comparison.
interface StoryHeadlines {
  storyDocs: DocContext[];
  leads: string[];
  headlinePlaces: Array<Set<string>>;
}
const headlineCache = new WeakMap<DocContext[], Map<number, StoryHeadlines>>();
function headlinesOf(docs: DocContext[], story: number): StoryHeadlines {
  const byStory = headlineCache.get(docs) ?? new Map<number, StoryHeadlines>();
  headlineCache.set(docs, byStory);
  let found = byStory.get(story);
  if (!found) {
    const storyDocs = docs.filter((d) => d.story === story);
    // The text's first line when it is a headline's length, else the document's title, else the opening
    // of its first paragraph (a file name is no title).
    const headlines = storyDocs.map((d) => {
      const first = d.input.text.slice(0, LEAD_CHARS).split('\n')[0].trim();
      if (first.length <= HEADLINE_CHARS) return first;
      return d.input.title && !/\.\w{2,4}$/.test(d.input.title) ? d.input.title : first.slice(0, HEADLINE_CHARS);
    });
    // Where a story happens is named in its headline or its first sentence ("How many people marched
    // through Hong Kong on Sunday ..."), not always both.
    const firstSentences = storyDocs.map((d, i) => {
      const line = openingLines(d.input.text).find((l) => l.trim() !== headlines[i]) ?? '';
      return line.split(/(?<=[.!?])\s/)[0];
    });
    found = {
      storyDocs,
      leads: headlines.map((h) => ` ${h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `),
      headlinePlaces: headlines.map((h, i) => new Set([...placesIn(h), ...placesIn(firstSentences[i])])),
    };
    byStory.set(story, found);
  }
  return found;
}

/**
 * The month or quarter a figure covers ("2024-07", "2022-Q1"), from the period its clause names and the
 * year it names or, failing that, its report's: a month more than two months after the report's is last
 * year's ("in December" in a January report). Null when the clause names no period.
 */
export function periodCovered(measure: Measure, reportDate: string | null): string | null {
  if (!measure.period) return null;
  const [kind, number] = measure.period.split(' ');
  const n = Number(number);
  const reportYear = reportDate ? Number(reportDate.slice(0, 4)) : null;
  const reportMonth = reportDate && reportDate.length >= 7 ? Number(reportDate.slice(5, 7)) : null;
  if (kind === 'relative') {
    if (!reportYear || !reportMonth) return measure.period;
    const months = reportYear * 12 + reportMonth - 1 + n;
    return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
  }
  if (kind === 'relative-quarter') {
    if (!reportYear || !reportMonth) return measure.period;
    const quarters = reportYear * 4 + Math.floor((reportMonth - 1) / 3) + n;
    return `${Math.floor(quarters / 4)}-Q${(quarters % 4) + 1}`;
  }
  const firstMonth = kind === 'quarter' ? n * 3 - 2 : n;
  const year = measure.year ?? (reportYear && reportMonth && firstMonth > reportMonth + 2 ? reportYear - 1 : reportYear);
  const name = kind === 'quarter' ? `Q${n}` : String(n).padStart(2, '0');
  return `${year ?? '?'}-${name}`;
}

/** Splits one block into scopes: another country, another year's event, or estimates beside counts. */
function splitByScope(block: Mention[], docs: DocContext[], storyStarts: Map<number, number>): Mention[][] {
  // A year the block's documents name with all their figures, two documents or more and half of them,
  // is the year of the story's own event (a breach of 2013 disclosed in 2016 and 2017), not another
  // event's. A document that gives figures with the year and without it ("78.4%, against 82.2% in
  // 2020") tells two events apart.
  const byNamedYear = new Map<number, Mention[]>();
  for (const m of block) if (m.measure.year) byNamedYear.set(m.measure.year, [...(byNamedYear.get(m.measure.year) ?? []), m]);
  const blockDocs = new Set(block.map((m) => m.docIndex));
  for (const [year, named] of byNamedYear) {
    const naming = new Set(named.map((m) => m.docIndex));
    if (naming.size < 2 || naming.size < blockDocs.size / 2 || block.some((m) => naming.has(m.docIndex) && m.measure.year !== year)) continue;
    for (const m of named) m.measure = { ...m.measure, year: null };
  }
  const storyYears = block.map((m) => docs[m.docIndex].date?.slice(0, 4)).filter(Boolean).map(Number);
  const firstYear = storyYears.length ? Math.min(...storyYears) : null;
  // Recurring events of one kind (a march each weekend): when the figures name two or more event days
  // of the story's own time, each day's figures stand apart. A figure that names none belongs to the
  // event of the day it was given or the day before (the next morning's report), else to the day whose
  // figures are nearest its value. An older event's day ("the Jan. 12, 2010 earthquake") splits nothing.
  const storyStart = storyStarts.get(docs[block[0].docIndex].story) ?? Infinity;
  const ownDay = (m: Mention) => !!m.eventDate && !m.measure.otherEvent && !m.measure.year && Date.parse(m.eventDate) >= storyStart - 7 * 86_400_000;
  const byEventDay = new Map<string, Mention[]>();
  for (const m of block) if (ownDay(m)) byEventDay.set(m.eventDate!, [...(byEventDay.get(m.eventDate!) ?? []), m]);
  const eventOf = (m: Mention): string => {
    if (ownDay(m)) return m.eventDate!;
    const given = Date.parse(m.sortDate);
    const near = [...byEventDay.keys()].filter((d) => given - Date.parse(d) >= 0 && given - Date.parse(d) <= 86_400_000).sort();
    if (near.length) return near.at(-1)!;
    let best = '';
    let bestDistance = Infinity;
    for (const [day, members] of byEventDay) {
      for (const n of members) {
        const distance = logDistance(valueOf(m), valueOf(n));
        if (distance < bestDistance) [best, bestDistance] = [day, distance];
      }
    }
    return best;
  };
  // Figures that count one occasion each (a march's turnout) stand apart by occasion. A day no sentence
  // names (a report's lead or its date) is the occasion of the day before when that one is named: the
  // next morning's report of last night's march.
  const named = new Set(block.filter((m) => m.occasionNamed).map((m) => m.occasionDay!));
  const occasionScope = (m: Mention): string => {
    if (!m.occasionDay) return '';
    if (m.occasionNamed || named.has(m.occasionDay)) return m.occasionDay;
    if (Number.isNaN(Date.parse(m.occasionDay))) return m.occasionDay;
    const before = shiftDay(m.occasionDay, -1);
    return named.has(before) ? before : m.occasionDay;
  };
  // Kinds of one thing ("encrypted" and "unencrypted passport numbers") are measures of their own when
  // the block names two or more; one kind alone ("cancelled flights") is the thing itself.
  // A figure that names no kind joins the kind that gives its very value ("Passport number 5,250,000").
  const kindsByValue = new Map<number, Set<string>>();
  for (const m of block) if (m.measure.kind) kindsByValue.set(valueOf(m), (kindsByValue.get(valueOf(m)) ?? new Set()).add(m.measure.kind));
  const kinds = new Set([...kindsByValue.values()].flatMap((set) => [...set]));
  const kindOf = (m: Mention): string => {
    if (m.measure.kind) return m.measure.kind;
    const told = kindsByValue.get(valueOf(m));
    return told?.size === 1 ? [...told][0]! : '';
  };
  // Figures of one measure for different months or quarters ("114,000 jobs in July", "June's gain ...
  // 179,000") are different figures when the block names two periods or more. A figure that names none
  // is of the period whose figure gives its very value.
  const periodOf = (m: Mention) => periodCovered(m.measure, docs[m.docIndex].date);
  const periodsByValue = new Map<number, Set<string>>();
  const namingDocs = new Map<string, Set<number>>();
  for (const m of block) {
    const period = periodOf(m);
    if (!period) continue;
    periodsByValue.set(valueOf(m), (periodsByValue.get(valueOf(m)) ?? new Set()).add(period));
    namingDocs.set(period, (namingDocs.get(period) ?? new Set()).add(m.docIndex));
  }
  // Periods that two reports or more name: a month one report mentions in passing ("deaths in September")
  // is as often the event's time as the span a figure covers.
  const periods = new Set([...namingDocs].filter(([, named]) => named.size >= 2).map(([period]) => period));
  const periodScope = (m: Mention): string => {
    const own = periodOf(m);
    if (own) return own;
    const told = periodsByValue.get(valueOf(m));
    return told?.size === 1 ? [...told][0]! : '';
  };
  // Rounds of one contest ("49.5% in the first round", "52.1% in the runoff") are different figures when
  // the block names two rounds or more. A figure that names none is of the round whose figure gives its
  // very value, else of the round its headline names.
  const stageOfMention = (m: Mention) => (docs[m.docIndex].contest ? m.measure.stage : null);
  const stages = new Set(block.map(stageOfMention).filter((x): x is number => x !== null));
  const stagesByValue = new Map<number, Set<number>>();
  for (const m of block) {
    const stage = stageOfMention(m);
    if (stage !== null) stagesByValue.set(valueOf(m), (stagesByValue.get(valueOf(m)) ?? new Set()).add(stage));
  }
  const stageScope = (m: Mention): string => {
    const own = stageOfMention(m);
    if (own !== null) return String(own);
    const told = stagesByValue.get(valueOf(m));
    if (told?.size === 1) return String([...told][0]);
    const lead = docs[m.docIndex].leadStage;
    return lead === null ? '' : String(lead);
  };
  // Rates of change over different spans ("6.6% in the month", "102.5% on a year earlier", "13.1% since
  // January") are different figures when the block names two spans or more. A rate that names none is of
  // the span whose rates lie nearest its value (monthly rates are far smaller than yearly ones).
  const windowed = block.filter((m) => m.measure.window);
  const windows = new Set(windowed.map((m) => m.measure.window!));
  const windowScope = (m: Mention): string => {
    if (m.measure.window) return m.measure.window;
    let best = '';
    let bestDistance = Infinity;
    for (const n of windowed) {
      const distance = logDistance(valueOf(m), valueOf(n));
      if (distance < bestDistance) [best, bestDistance] = [n.measure.window!, distance];
    }
    return best;
  };
  const scopeOf = (m: Mention): string => {
    const parts: string[] = [];
    if (windows.size >= 2) parts.push(`window ${windowScope(m)}`);
    if (kinds.size >= 2) parts.push(`kind ${kindOf(m)}`);
    if (periods.size >= 2) parts.push(`period ${periodScope(m)}`);
    const occasion = occasionScope(m);
    if (occasion) parts.push(`occasion ${occasion}`);
    else if (byEventDay.size >= 2) parts.push(`event ${eventOf(m)}`);
    const docYear = Number(docs[m.docIndex].date?.slice(0, 4)) || null;
    if (m.measure.year && firstYear && (m.measure.year < firstYear || (docYear && m.measure.year > docYear))) parts.push(`year ${m.measure.year}`);
    if (stages.size >= 2) parts.push(`stage ${stageScope(m)}`);
    // A forecast or a poll and the outcome, or this period and the one before, are different figures.
    if (m.measure.expected || m.measure.poll) parts.push('expected');
    if (m.measure.prior) parts.push('prior period');
    if (m.measure.otherEvent) parts.push('another event');
    return parts.join('|');
  };
  // The name the story is about ("Netflix" in every headline) scopes nothing: every figure is its figure.
  const { storyDocs, leads, headlinePlaces } = headlinesOf(docs, docs[block[0].docIndex].story);
  // Likewise the country most headlines name ("Nepal quake toll rises"): its figures are the story's totals.
  const homePlaces = new Set(
    [...new Set(block.flatMap((m) => m.measure.places))].filter((p) => {
      const named = headlinePlaces.filter((set) => set.has(p)).length;
      return named >= 2 && named >= HOME_SHARE * storyDocs.length;
    }),
  );
  // One name told differently by different outlets ("the Greens", "the Green Party") is one subject;
  // "the capital" of a story about one country is that country's capital.
  const uses = new Map<string, number>();
  for (const m of block) if (m.measure.subject) uses.set(m.measure.subject, (uses.get(m.measure.subject) ?? 0) + 1);
  const alias = aliasNames(uses);
  const storyPlaces = [...new Set(headlinePlaces.flatMap((set) => [...set]))].filter((p) => headlinePlaces.filter((set) => set.has(p)).length >= HOME_SHARE * storyDocs.length);
  const capital = storyPlaces.length === 1 ? capitalOf(storyPlaces[0]) : null;
  if (capital) for (const [name, canonical] of alias) if (canonical === LEX.capitalNoun) alias.set(name, alias.get(capital) ?? capital);
  const spellings = new Map<string, string[]>();
  for (const [name, canonical] of alias) spellings.set(canonical, [...(spellings.get(canonical) ?? []), name]);
  const homeNames = new Set<string>();
  for (const [name, forms] of spellings) {
    const named = leads.filter((lead) => forms.some((form) => lead.includes(` ${form.replace(/[^\p{L}\p{N}]+/gu, ' ')} `))).length;
    if (named >= 2 && named >= HOME_SHARE * storyDocs.length) homeNames.add(name);
  }
  // Two names the headlines share that each hold figures of the block are rivals (two candidates, two
  // companies), not the one name the story is about: each keeps its own figures.
  if (homeNames.size >= 2) homeNames.clear();
  // "Equifax UK" in a story about Equifax: the story's own name with a place, which places already tell.
  const isHome = (name: string) => homeNames.has(name) || [...homeNames].some((home) => name.startsWith(`${home} `) && !!placeOf(name.slice(home.length + 1)));
  const subjectOf = (m: Mention) => {
    const name = m.measure.subject ? alias.get(m.measure.subject)! : null;
    return name && !m.measure.denied && !isHome(name) ? `@${name}` : '';
  };
  const byYear = new Map<string, Mention[]>();
  for (const m of block) {
    const scope = scopeOf(m);
    byYear.set(scope, [...(byYear.get(scope) ?? []), m]);
  }
  let out: Mention[][] = [];
  for (const part of byYear.values()) {
    // Places: figures naming different countries are different measures; an unplaced figure joins the
    // placed part closest to it in magnitude, or stays with the others when no part is near.
    const placed = new Map<string, Mention[]>();
    const unplaced: Mention[] = [];
    for (const m of part) {
      const places = m.measure.places.length === 1 && homePlaces.has(m.measure.places[0]) ? [] : [...m.measure.places].sort();
      const place = places.join('+') + subjectOf(m);
      if (place) placed.set(place, [...(placed.get(place) ?? []), m]);
      else unplaced.push(m);
    }
    // A named area's figures ("in Kathmandu district", "the eastern region") take none of the unplaced
    // figures, which are the story's totals or unknown: they stay apart.
    const areas = [...placed.keys()].filter((k) => k.includes('@'));
    const areaParts = areas.map((k) => placed.get(k)!);
    for (const k of areas) placed.delete(k);
    out.push(...areaParts);
    // But a precise value one named subject gives is that subject's figure told again ("after taking
    // 49.52% in the first round" beside "Erdogan won 49.52%").
    // Not a value the unplaced figures tell among themselves: that is the story's own series.
    for (const m of [...unplaced]) {
      if (!isPrecise(m.quantity) || unplaced.some((n) => n !== m && valueOf(n) === valueOf(m))) continue;
      const owners = areaParts.filter((members) => members.some((n) => valueOf(n) === valueOf(m) && n.docIndex !== m.docIndex));
      if (owners.length !== 1) continue;
      owners[0].push(m);
      unplaced.splice(unplaced.indexOf(m), 1);
    }
    // A series the text says moved ("rose to", "climbs to") is the story's running total, whatever areas
    // its reports break it down into.
    const series = unplaced.filter((m) => m.measure.change && !m.measure.earlier).length >= SERIES_SHARE * unplaced.length;
    const running = isRunningCount(unplaced);
    if (!placed.size && areas.length >= 2 && running && !series) {
      // A running total broken down by areas (a toll climbing day by day beside provinces' tolls): the
      // unplaced figures near the course of each report's highest figure are that total; a small count far
      // below it is some other place's, linked only when the same value is told again.
      const highs = new Map<number, number>();
      for (const m of unplaced) if (!m.measure.increment) highs.set(m.docIndex, Math.max(highs.get(m.docIndex) ?? 0, valueOf(m)));
      const [lo, hi] = [Math.min(...highs.values()) / SERIES_REACH, Math.max(...highs.values()) * SERIES_REACH];
      const near = unplaced.filter((m) => valueOf(m) >= lo && valueOf(m) <= hi);
      if (near.length) out.push(near);
      out.push(...sameValueRuns(unplaced.filter((m) => !near.includes(m))));
      continue;
    }
    if (!placed.size && areas.length >= 2 && !series) {
      // Figures broken down by named subjects (parties, districts) with no country total beside them: an
      // unplaced figure belongs to a subject the text did not name, so only the same value told again links.
      out.push(...sameValueRuns(unplaced));
      continue;
    }
    if (!placed.size && areas.length >= 2 && !running) {
      // A series that does not run steadily one way over the days (a party's seats "down to 48") holds
      // only the figures near its own values; the others belong to subjects the text did not name, linked
      // only when the same value is told again. A toll that climbs day by day keeps all its figures.
      const told = unplaced.filter((m) => m.measure.change && !m.measure.earlier).map(valueOf);
      const [lo, hi] = [Math.min(...told) / SERIES_REACH, Math.max(...told) * SERIES_REACH];
      const near = unplaced.filter((m) => valueOf(m) >= lo && valueOf(m) <= hi);
      if (near.length) out.push(near);
      out.push(...sameValueRuns(unplaced.filter((m) => !near.includes(m))));
      continue;
    }
    // A figure with no place joins a country's figures only when it is that figure told again, close in
    // value ("145.5 million" beside "143 million U.S. consumers"); otherwise it is a total or unknown.
    const rest: Mention[] = [];
    for (const m of unplaced) {
      let best: Mention[] | null = null;
      let bestDistance = Infinity;
      for (const [scope, members] of placed) {
        if (scope.includes('+')) continue;
        for (const other of members) {
          const d = logDistance(valueOf(m), valueOf(other));
          if (d < bestDistance) [bestDistance, best] = [d, members];
        }
      }
      if (best && bestDistance <= PLACED_FIGURE_LOG_DISTANCE) best.push(m);
      else rest.push(m);
    }
    out.push(...placed.values());
    if (rest.length) out.push(rest);
  }
  // Figures written in another unit of the dimension than most of their part ("78 miles" beside "125
  // km") join it only when close in value, within a factor of two: a clause that says little ("lost
  // ... this year") may hold an unrelated duration, and only its unit told it apart.
  out = out.flatMap((members) => {
    const shown = displayScale(members);
    const byScale = new Map<number, Mention[]>();
    for (const m of members) byScale.set(m.scale, [...(byScale.get(m.scale) ?? []), m]);
    if (byScale.size < 2) return [members];
    const anchor = byScale.get(shown)!;
    const apart: Mention[][] = [];
    for (const [scale, part] of byScale) {
      if (scale === shown) continue;
      const near = part.filter((m) => Math.min(...anchor.map((n) => logDistance(valueOf(m), valueOf(n)))) <= UNIT_JOIN_LOG_DISTANCE);
      anchor.push(...near);
      if (near.length < part.length) apart.push(part.filter((m) => !near.includes(m)));
    }
    return [anchor, ...apart];
  });
  // Sums of money of one kind ("losses", "costs") that lie far apart are sums of different things: the
  // loss of all companies and of one airline, a share price and a bill. Outlets move a sum by less than
  // 2.2 times itself, so money splits where sorted values leap further (single link).
  out = out.flatMap((members) => (members[0].measure.dimension === 'money' ? splitByLeaps(members, MONEY_LEAP) : [members]));
  // Estimates beside counts of record: two series when a study, survey or model gives figures in at least
  // two documents, counts are given in two others, and they lie apart (a study's excess deaths several
  // times the certified toll); otherwise one measure. A hedge alone ("may have been affected") makes no
  // estimate series, since companies and officials hedge their own counts; once there are two series, a
  // hedged figure joins the one whose figures lie nearest its value.
  return out.flatMap((members) => {
    const estimates = members.filter((m) => m.measure.estimate);
    const counts = members.filter((m) => !m.measure.estimate);
    const docsOf = (ms: Mention[]) => new Set(ms.map((m) => m.docIndex)).size;
    const ofRecord = counts.filter((m) => !m.hedged);
    if (docsOf(estimates) < 2 || docsOf(ofRecord) < 2) return [members];
    const ratio = median(estimates.map((m) => valueOf(m))) / Math.max(1e-9, median(ofRecord.map((m) => valueOf(m))));
    if (ratio < 3 && ratio > 1 / 3) return [members];
    const nearest = (m: Mention, series: Mention[]) => Math.min(...series.map((n) => logDistance(valueOf(m), valueOf(n))));
    const joining = counts.filter((m) => m.hedged && nearest(m, estimates) < nearest(m, ofRecord));
    return [counts.filter((m) => !joining.includes(m)), [...estimates, ...joining]];
  });
}

/** The factor between two values one report gives at once beyond which they cannot be one figure told twice. */
const ONE_REPORT_SPREAD = Math.log10(1.5);

/**
 * Whether one report gives a and b as two different things: the same document, at the same time, from
 * the same counter (or none named for both), in two sentences, far apart in value, neither told as an earlier value or a change's base ("up from
 * 42"). Two counters in one report ("police said 100,000, the union 500,000") may count one thing.
 */
function toldApart(a: Mention, b: Mention): boolean {
  // Within one sentence, two values are often one and its part or its base ("14 unaccounted for,
  // including 10 victims", "35 people, two of them", "an increase on the 99"): only sentences apart count.
  if (a.docIndex !== b.docIndex || a.claim === b.claim) return false;
  // Nor a value the report says moved ("raised the toll to 724 ... The figures rose again: 1,297"): one series.
  if (a.measure.earlier || b.measure.earlier || a.measure.base || b.measure.base || claimTellsChange(a.claim) || claimTellsChange(b.claim)) return false;
  // Counters of one occasion disagree by nature, and reports often leave one of them unnamed.
  if (a.occasionDay || b.occasionDay) return false;
  // A study's estimate or a hedged view beside the count of record is a reading of the same thing.
  if (a.measure.estimate || b.measure.estimate || a.hedged || b.hedged) return false;
  if (a.date !== b.date) return false;
  const [sa, sb] = [a.member.source, b.member.source];
  if (sa !== sb) return false;
  // A range reaches as far as its ends ("400 to 1,000" beside "at least 1,000").
  const [la, ha] = [a.quantity.low, a.quantity.high ?? a.quantity.low];
  const [lb, hb] = [b.quantity.low, b.quantity.high ?? b.quantity.low];
  const gap = ha < lb ? logDistance(ha, lb) : hb < la ? logDistance(hb, la) : 0;
  return gap > ONE_REPORT_SPREAD;
}

const changeTold = new WeakMap<Claim, boolean>();
/** Whether a claim's sentence says anything moved or was revised, read once per claim. */
function claimTellsChange(claim: Claim): boolean {
  let told = changeTold.get(claim);
  if (told === undefined) {
    told = tellsChange(claim.text);
    changeTold.set(claim, told);
  }
  return told;
}

/**
 * A report that gives one measure's word to two values far apart at once ("10,200 customers ... 10
 * million customers", "62 people died ... On that day, 135 people died") says that word covers two
 * figures. Of each such pair, the value fewer other reports give (within the same spread) is the odd
 * one: it leaves the part, and the odd values that are one value told again stand together. The
 * series itself stays whole, however far it rose, since only what a report told apart is taken out.
 */
function splitByReports(members: Mention[]): Mention[][] {
  const byDoc = new Map<number, Mention[]>();
  for (const m of members) {
    const list = byDoc.get(m.docIndex);
    if (list) list.push(m);
    else byDoc.set(m.docIndex, [m]);
  }
  const pairs: Array<[Mention, Mention]> = [];
  for (const ms of byDoc.values()) for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) if (toldApart(ms[i], ms[j])) pairs.push([ms[i], ms[j]]);
  if (!pairs.length) return [members];
  const support = new Map<Mention, number>();
  const supportOf = (m: Mention) => {
    let n = support.get(m);
    if (n === undefined) {
      n = members.filter((o) => o.docIndex !== m.docIndex && logDistance(valueOf(o), valueOf(m)) <= ONE_REPORT_SPREAD).length;
      support.set(m, n);
    }
    return n;
  };
  const odd = new Set<Mention>();
  for (const [a, b] of pairs) {
    const [sa, sb] = [supportOf(a), supportOf(b)];
    // On a tie, the later in the report: a lead gives the story's own figure first.
    const [out, kept] = sa < sb ? [a, b] : sb < sa ? [b, a] : a.order > b.order ? [a, b] : [b, a];
    // Other reports of the odd value go with it, unless they lie as near the value kept.
    for (const m of members) {
      const [toOut, toKept] = [logDistance(valueOf(m), valueOf(out)), logDistance(valueOf(m), valueOf(kept))];
      if (m === out || (toOut <= SAME_FIGURE_LOG_DISTANCE && toKept > ONE_REPORT_SPREAD)) odd.add(m);
    }
  }
  return [members.filter((m) => !odd.has(m)), ...sameValueRuns([...odd])];
}

/** The factor between neighbouring sums of money beyond which they are sums of different things. */
const MONEY_LEAP = 2.2;

/** Members sorted by value, cut wherever a value is more than `leap` times the one below it. */
function splitByLeaps(members: Mention[], leap: number): Mention[][] {
  if (members.length < 2) return [members];
  const sorted = [...members].sort((a, b) => valueOf(a) - valueOf(b));
  const parts: Mention[][] = [[sorted[0]]];
  const top = (m: Mention) => Math.max(m.quantity.high ?? m.quantity.low, m.quantity.low) * m.scale;
  // A range reaches up to its top ("$400m to $1.5bn" beside "$1.08 billion"), and so does its part.
  let reach = top(sorted[0]);
  for (let i = 1; i < sorted.length; i++) {
    if (valueOf(sorted[i]) > leap * reach) parts.push([]);
    parts.at(-1)!.push(sorted[i]);
    reach = Math.max(reach, top(sorted[i]));
  }
  return parts;
}

/** Share of a story's documents whose headlines must name a subject for it to be the story's own. */
const HOME_SHARE = 0.5;
/** How much of a text's start is read for its headline. */
const LEAD_CHARS = 300;
/** A first line longer than this is a paragraph, not a headline. */
const HEADLINE_CHARS = 200;

/** Share of figures with a change cue that makes them a running series. */
const SERIES_SHARE = 0.3;
/** How far beyond the values a series was told to move through a figure may lie and still be of it. */
const SERIES_REACH = 3;
/** How close (log10) an unplaced figure must lie to a country's figure to be taken as that figure told again: ±5%. */
const PLACED_FIGURE_LOG_DISTANCE = Math.log10(1.05);
/** How far apart (log10) a figure in another unit may lie from its part's figures and join them: a factor of two. */
const UNIT_JOIN_LOG_DISTANCE = Math.log10(2);
/** How far apart (log10) two values may lie and still be one figure told again: about ±25%. */
const SAME_FIGURE_LOG_DISTANCE = 0.1;

/** Runs of figures whose values lie within SAME_FIGURE_LOG_DISTANCE of the previous one. */
function sameValueRuns(members: Mention[]): Mention[][] {
  const sorted = [...members].sort((a, b) => valueOf(a) - valueOf(b));
  const runs: Mention[][] = [];
  for (const m of sorted) {
    const run = runs[runs.length - 1];
    // Against the run's first value, so a rising series does not drift into one "same value".
    const first = run?.[0];
    if (first && logDistance(valueOf(m), valueOf(first)) <= SAME_FIGURE_LOG_DISTANCE) run.push(m);
    else runs.push([m]);
  }
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function voiceOf(m: Mention, docs: DocContext[]): string {
  const who = m.member.source?.toLowerCase().replace(/^(?:a|an|the)\s+/, '').trim();
  return who ? `${docs[m.docIndex].sameText}|${who}` : `${docs[m.docIndex].sameText}|`;
}

function who(m: CompareMember): string {
  const origin = m.origin;
  // A source with its apposition ("The CGT, the most powerful of the unions") is named by its name.
  const source = m.source?.split(',')[0].trim();
  if (source && source.toLowerCase() !== origin.toLowerCase()) return `${source} (${origin})`;
  return origin;
}

const quoteFigure = (m: CompareMember) => `${m.figure}${m.quantity.unit && !m.figure.includes(m.quantity.unit) ? ` ${m.quantity.unit}` : ''}`;

/** Pairs a group keeps, and pairs whose reason is written out. */
const MAX_PAIRS = 400;
const REASONED_PAIRS = 12;

function judge(members: Mention[], docs: DocContext[]): { verdict: Verdict; reason: string; conflicts: ConflictPair[] } {
  const origins = new Set(members.map((m) => docs[m.docIndex].sameText));
  const voices = members.map((m) => voiceOf(m, docs));
  // A report that gives two different counts of one occasion ("800,000 by its count; the police put that
  // crowd at fewer than 200,000") reports two counters, whoever the sentence names.
  const counters = (a: Mention, b: Mention) => !!a.occasionDay && !!b.occasionDay && valueOf(a) !== valueOf(b) && !a.measure.earlier && !b.measure.earlier && !a.measure.change && !b.measure.change;
  if (origins.size === 1 && new Set(voices).size === 1 && !members.some((a, i) => members.slice(i + 1).some((b) => counters(a, b)))) {
    return { verdict: 'single', reason: `Only ${who(members[0].member)} gives this figure.`, conflicts: [] };
  }
  const figures = members.map((m) => figureOf(m.quantity, m.measure));
  const intervals = figures.map((f, i): [number, number] => figureInterval(f).map((x) => x * members[i].scale) as [number, number]);
  const undenied = figures.map((f) => (f.denied ? { ...f, denied: false } : f));
  const sameTime: ConflictPair[] = [];
  const overTime: ConflictPair[] = [];
  const denials: ConflictPair[] = [];
  const moving = inMotion(members);
  const running = moving && isRunningCount(members);
  const dayOf = (m: Mention) => m.date?.slice(0, 10) ?? null;
  // Reasons are written for the first pairs only, and a group keeps a bounded number of pairs: a
  // series of hundreds of figures would otherwise hold tens of thousands of sentences.
  const full = () => sameTime.length + overTime.length + denials.length >= MAX_PAIRS;
  for (let i = 0; i < members.length && !full(); i++) {
    for (let j = i + 1; j < members.length && !full(); j++) {
      const [a, b] = [members[i], members[j]];
      // One voice does not contradict itself, unless one sentence gives two readings of a measurement with
      // nothing saying it moved: "the EMSC gave 7.6, and Cuba's centre 7.4" reports two sources.
      const measurement = isMeasurement(a.measure.dimension);
      // Two readings set apart by a comma, each with its source ("7.6, and Cuba's centre 7.4"), not a plain
      // list ("aftershocks of magnitude 5.1 and 4.7").
      const apartInSentence = a.claim === b.claim && /,/.test(a.claim.text.slice(Math.min(a.quantity.end, b.quantity.end) - a.claim.start, Math.max(a.quantity.start, b.quantity.start) - a.claim.start));
      const twoInOneSentence = (measurement && apartInSentence && valueOf(a) !== valueOf(b) && !a.measure.earlier && !b.measure.earlier) || counters(a, b);
      if (voices[i] === voices[j] && !(a.measure.change || b.measure.change) && !twoInOneSentence) continue;
      // Exact figures that only touch ("8.9" reaches up to 8.95, "9.0" down to it) were written apart.
      const [lo, hi] = [Math.max(intervals[i][0], intervals[j][0]), Math.min(intervals[i][1], intervals[j][1])];
      const touching = Math.abs(hi - lo) <= 1e-9 * Math.max(1, Math.abs(hi));
      const sameValue = valueOf(a) === valueOf(b) && a.quantity.high === b.quantity.high;
      if ((lo < hi && !touching) || (touching && (sameValue || !(isExact(figures[i]) && isExact(figures[j]))))) {
        // "About 2,811,380" expected and 2,883,412 counted weeks later agree within "about", but a precise
        // figure that changed between two dates was revised: the series moved.
        // So was a bound left far behind by a later count ("more than 37,000" on Monday, 52,953 on Saturday).
        const apart = a.date && b.date && !onSameDay(a.date, b.date) && valueOf(a) !== valueOf(b);
        if (apart && ((isPrecise(a.quantity) && isPrecise(b.quantity)) || (moving && logDistance(valueOf(a), valueOf(b)) > SAME_FIGURE_LOG_DISTANCE))) overTime.push({ a: i, b: j, reason: '' });
        continue;
      }
      // An increment does not contradict the total it adds to.
      if (a.measure.increment !== b.measure.increment) continue;
      const pair: ConflictPair = { a: i, b: j, reason: '' };
      if (a.measure.denied !== b.measure.denied) {
        // A denial disputes its own number: it conflicts with those who give about that number.
        if (!figuresAgree(undenied[i], undenied[j])) continue;
        const [denier, denied] = a.measure.denied ? [a.member, b.member] : [b.member, a.member];
        if (denials.length < REASONED_PAIRS) pair.reason = `${who(denier)} disputes ${formatNumber(denier.quantity.low)} (“${cuedFigure(denier)}”), while ${who(denied)} gives ${quoteFigure(denied)}${denied.date ? ` (${readableDate(denied.date)})` : ''}.`;
        denials.push(pair);
        continue;
      }
      // Undated reports that say the figure moved ("rose to 22", "now says 31") describe a series too.
      const undatedChange = (!a.date || !b.date) && (a.measure.change || b.measure.change);
      const explainedByTime =
        (moving && a.date && b.date && !onSameDay(a.date, b.date)) ||
        undatedChange ||
        a.measure.earlier ||
        b.measure.earlier ||
        ((a.measure.change || b.measure.change) && a.docIndex === b.docIndex) ||
        // Two reports of one day inside a running count's course (6,000 and 6,900 injured on the day it
        // went from 5,700 to 9,900) were given at different hours of it.
        (moving && !!a.date && !!b.date && withinCourse(members, dayOf(a)!, valueOf(a), valueOf(b))) ||
        // A running count that clearly climbs (or falls) over the days is updated through each day: two
        // reports of one day that differ were taken at different hours, not a dispute, when both lie near
        // that day's course (within five times each other: an early "at least 50" and a later 233 are one
        // day's count; 200 against 1,500 is a dispute).
        (running && !!a.date && !!b.date && Math.min(valueOf(a), valueOf(b)) >= RUNNING_SPREAD * Math.max(valueOf(a), valueOf(b)));
      if (explainedByTime) {
        overTime.push(pair);
      } else {
        const when = !a.date || !b.date ? '' : onSameDay(a.date, b.date) ? `, both on ${readableDate(a.date)}` : ` (${readableDate(a.date)} and ${readableDate(b.date)})`;
        // One report giving two counters' figures names them once: "Eastern Herald gives both 1.28 million and 3.5 million".
        const [whoA, whoB] = [who(a.member), who(b.member)];
        const gives = whoA === whoB ? `${whoA} gives both ${quoteFigure(a.member)} and ${quoteFigure(b.member)}` : `${whoA} gives ${quoteFigure(a.member)} and ${whoB} gives ${quoteFigure(b.member)}`;
        if (sameTime.length < REASONED_PAIRS) pair.reason = `${gives}${when}; they cannot both hold.`;
        sameTime.push(pair);
      }
    }
  }
  if (denials.length) return { verdict: 'conflicting', reason: denials[0].reason, conflicts: [...denials, ...sameTime] };
  if (sameTime.length) return { verdict: 'conflicting', reason: sameTime[0].reason, conflicts: sameTime };
  if (overTime.length) {
    const sorted = [...members].sort(byTime);
    const first = sorted[0].member;
    const last = sorted[sorted.length - 1].member;
    const steps = seriesSteps(sorted);
    return {
      verdict: 'evolving',
      reason: `The figure changed over time: ${steps}. The latest is ${quoteFigure(last)}, from ${who(last)}${last.date ? ` on ${readableDate(last.date)}` : ''}; the first was ${quoteFigure(first)}, from ${who(first)}${first.date ? ` on ${readableDate(first.date)}` : ''}.`,
      conflicts: overTime.map((p, k) => ({ ...p, reason: k < REASONED_PAIRS ? `${quoteFigure(members[p.a].member)} (${readableDate(members[p.a].member.date)}) and ${quoteFigure(members[p.b].member)} (${readableDate(members[p.b].member.date)}) were given at different times.` : '' })),
    };
  }
  // The range in the unit the group is shown in, not its dimension's base unit.
  const shown = displayScale(members);
  const lo = Math.max(...intervals.map((r) => r[0])) / shown;
  const hi = Math.min(...intervals.map((r) => r[1])) / shown;
  const names = [...new Set(members.map((m) => who(m.member)))];
  return {
    verdict: 'consistent',
    reason: `${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''} give figures that can all hold${Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? ` (between ${formatNumber(lo)} and ${formatNumber(hi)})` : ''}.`,
    conflicts: [],
  };
}

/**
 * Whether a group's figures may move over time, so that reports on different days may differ without
 * disagreeing: the text says a figure changed ("rose to", "now gives", "its first reading of"), or the
 * figures count what the story's own event is doing (a toll, the injured, the homes destroyed). A
 * measurement of a fixed thing (a magnitude, a distance), a population or another event's toll does not
 * move by itself: reports that differ on it disagree, whatever their dates, unless the text says so.
 */
function inMotion(members: Mention[]): boolean {
  // Counts of one occasion (a march's turnout) do not run on: a later, different count is another counter's.
  if (members.every((m) => m.occasionDay)) return false;
  if (members.some((m) => m.measure.moved)) return true;
  // Projections ("up to 10,000 new cases a week possible") only say what could be: a later one that
  // differs is another projection, not the count moving.
  if (members.every((m) => m.hedged || m.measure.expected)) return false;
  // A head count with no event said of it ("3.4 million people") is a population too.
  // Masses and volumes of stuff (tonnes of rubbish, cubic metres of sand) pile up and may move too; a
  // named thing's own mass or volume (the ship's tonnage) does not.
  const piles = (m: Mention) => LEX.accumulatingDimensions.has(m.measure.dimension) && !m.measure.head;
  const fixed = (m: Mention) => (isMeasurement(m.measure.dimension) && !piles(m)) || !!m.measure.year || m.measure.otherEvent || m.measure.event === 'population' || /^count\|people\b/.test(m.key);
  return !members.some(fixed);
}

/** Days a running count must be reported on, and how steadily it must move one way (Kendall's tau). */
const RUNNING_DAYS = 3;
const RUNNING_TREND = 0.6;
/** How far below another a figure of one day may lie and still be the same count taken hours apart. */
const RUNNING_SPREAD = 0.2;

/**
 * Whether figures reported on three days or more move steadily one way with time: Kendall's tau between
 * report day and the day's figure is 0.6 or more, rising or falling.
 */
function isRunningCount(members: Mention[]): boolean {
  const byDay = new Map<string, number[]>();
  for (const m of members) {
    if (!m.date || m.measure.denied || m.measure.increment) continue;
    const day = m.date.slice(0, 10);
    const values = byDay.get(day);
    if (values) values.push(valueOf(m));
    else byDay.set(day, [valueOf(m)]);
  }
  if (byDay.size < RUNNING_DAYS) return false;
  // Each day by its highest figure for a rise and its lowest for a fall: a stray smaller count of another
  // thing on one day (the dead of one province beside the national toll) does not hide the course.
  const days = [...byDay.keys()].sort();
  const tau = (values: number[]) => {
    let agree = 0;
    let disagree = 0;
    for (let i = 0; i < values.length; i++) {
      for (let j = i + 1; j < values.length; j++) {
        if (values[j] > values[i]) agree++;
        else if (values[j] < values[i]) disagree++;
      }
    }
    return agree + disagree ? (agree - disagree) / (agree + disagree) : 0;
  };
  // A day whose figure lies far off the others' middle is a count of something else (six deaths in one
  // town weeks later), not a step of the course.
  const onCourse = (values: number[]) => {
    const middle = median(values);
    return values.filter((v) => v >= middle / SERIES_REACH && v <= middle * SERIES_REACH);
  };
  const rising = tau(onCourse(days.map((d) => Math.max(...byDay.get(d)!))));
  const falling = -tau(onCourse(days.map((d) => Math.min(...byDay.get(d)!))));
  return Math.max(rising, falling) >= RUNNING_TREND;
}

/** Whether two values given on `day` both lie between the figures of the days before and after it. */
function withinCourse(members: Mention[], day: string, a: number, b: number): boolean {
  const before = members.filter((m) => m.date && m.date.slice(0, 10) < day).map((m) => valueOf(m));
  const after = members.filter((m) => m.date && m.date.slice(0, 10) > day).map((m) => valueOf(m));
  if (!before.length && !after.length) return false;
  const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
  const rising = (!before.length || Math.max(...before) <= lo) && (!after.length || Math.min(...after) >= hi);
  const falling = (!before.length || Math.min(...before) >= hi) && (!after.length || Math.max(...after) <= lo);
  return rising || falling;
}

/** The figure with the words that qualify it, as written ("absolutely nowhere near 3,000"). */
function cuedFigure(m: CompareMember): string {
  const at = Math.max(0, m.text.indexOf(m.quantity.text));
  const before = m.text.slice(Math.max(0, at - 40), at);
  const cue = /(?:[\p{L}’']+\s+){0,4}$/u.exec(before)?.[0] ?? '';
  return `${cue}${m.quantity.text}`.trim();
}

function byTime(a: Mention, b: Mention): number {
  const da = a.sortDate;
  const db = b.sortDate;
  if (da !== db) return !da ? 1 : !db ? -1 : da < db ? -1 : 1;
  if (a.docIndex === b.docIndex) {
    // Within one report, a value stated as earlier ("initially", "from 64") comes first.
    if (a.measure.earlier !== b.measure.earlier) return a.measure.earlier ? -1 : 1;
    return a.order - b.order;
  }
  return a.docIndex - b.docIndex;
}

function seriesSteps(sorted: Mention[]): string {
  const steps: string[] = [];
  let last = '';
  for (const m of sorted) {
    const text = formatFigure(figureOf(m.quantity, m.measure));
    if (text === last) continue;
    steps.push(`${text} (${readableDate(m.date)})`);
    last = text;
  }
  if (steps.length > 6) return `${steps.slice(0, 3).join(' → ')} → … → ${steps.slice(-2).join(' → ')}`;
  return steps.join(' → ');
}

const storyOf = (blockKey: string) => blockKey.slice(0, blockKey.indexOf('#'));
/** The provisional key of a share a named party holds, of nothing the text names. */
const HELD_SHARE = 'percent|(held)';

/**
 * A share a named party holds, of nothing named ("Labour 26.1 percent"), is of the thing the story's
 * shares held by several named parties are of ("National's share of the party vote", "Labour took 27% of
 * the vote"): of the story's blocks holding its own party's share, the one holding shares of the most
 * parties; when none holds its party's, the one holding those of the most parties, two at least. With no
 * such block it says nothing comparable and leaves the comparison.
 */
function placeHeldShares(blocks: Map<string, Mention[]>): void {
  const moves = new Map<Mention, { from: string; to: string }>();
  for (const [from, members] of blocks) {
    if (!from.endsWith(`#${HELD_SHARE}`)) continue;
    const story = storyOf(from);
    const holders = [...blocks].filter(([key, ms]) => key !== from && storyOf(key) === story && ms[0].measure.dimension === 'percent' && !key.endsWith('|added') && !key.endsWith('|disputed'))
      .map(([key, ms]) => ({ key, subjects: new Set(ms.map((m) => m.measure.subject).filter((x): x is string => !!x)) }))
      .filter((h) => h.subjects.size);
    for (const m of members) {
      const own = holders.filter((h) => h.subjects.has(m.measure.subject!));
      const pool = own.length ? own : holders.filter((h) => h.subjects.size >= 2);
      const best = Math.max(0, ...pool.map((h) => h.subjects.size));
      const top = pool.filter((h) => h.subjects.size === best);
      if (top.length === 1) moves.set(m, { from, to: top[0].key });
    }
  }
  moveMentions(blocks, moves);
  for (const key of [...blocks.keys()]) if (key.endsWith(`#${HELD_SHARE}`)) blocks.delete(key);
}
const headOf = (m: Mention) => m.measure.head ?? null;

/**
 * Figures whose own words say little join the measure they belong to: a denial ("nowhere near 3,000")
 * joins the figure it disputes; a table row or headline that names the counted thing but no event
 * ("Email address 12,086") joins the one measure of its story counting that thing; an increment as
 * large as the totals it adds to ("an additional 25,000") joins them, while a small one ("another 2.5
 * million" on 143 million) stays apart. Indexed by story, so the cost grows with the figures.
 */
function attachLooseFigures(blocks: Map<string, Mention[]>): void {
  const moves: Array<[Mention, string, string]> = [];
  const keysByStory = new Map<string, string[]>();
  for (const key of blocks.keys()) {
    const story = storyOf(key);
    keysByStory.set(story, [...(keysByStory.get(story) ?? []), key]);
  }
  const dimensionOfKey = (key: string) => key.slice(key.indexOf('#') + 1).split('|')[0];

  // The block holding the very number disputed: closest in value, about the same thing.
  for (const [from, members] of blocks) {
    for (const m of members) {
      if (!m.measure.denied) continue;
      let target: string | null = null;
      let best = 0.1;
      for (const key of keysByStory.get(storyOf(from)) ?? []) {
        if (key === from || dimensionOfKey(key) !== dimensionOfKey(from)) continue;
        for (const n of blocks.get(key) ?? []) {
          if (n.measure.denied || (headOf(m) && headOf(n) && headOf(m) !== headOf(n))) continue;
          const distance = logDistance(valueOf(n), valueOf(m));
          if (distance <= best) [best, target] = [distance, key];
        }
      }
      if (target) moves.push([m, from, target]);
    }
  }

  // Which blocks of a story count a given thing with an event said of it, and the words that qualify
  // the thing there ("telephone numbers", "driving licence numbers").
  const homes = new Map<string, Map<string, Set<string>>>();
  for (const [key, members] of blocks) {
    for (const n of members) {
      if (!n.measure.event || !n.measure.head || n.measure.head === 'person') continue;
      const id = `${storyOf(key)}|${n.measure.dimension}|${n.measure.head}`;
      const byKey = homes.get(id) ?? new Map<string, Set<string>>();
      const qualifiers = byKey.get(key) ?? new Set<string>();
      for (const word of n.measure.modifiers) qualifiers.add(word);
      homes.set(id, byKey.set(key, qualifiers));
    }
  }
  for (const [from, members] of blocks) {
    for (const m of members) {
      const head = m.measure.head;
      if (m.measure.event || m.measure.denied || !head || head === 'person') continue;
      // A row naming a kind of the thing joins only a measure of that kind: "Driving licence number
      // 29,188" is not the block counting telephone numbers.
      const candidates = [...(homes.get(`${storyOf(from)}|${m.measure.dimension}|${head}`) ?? [])]
        .filter(([k, qualifiers]) => k !== from && m.measure.modifiers.every((word) => qualifiers.has(word)))
        .map(([k]) => k);
      if (candidates.length === 1) moves.push([m, from, candidates[0]]);
    }
  }

  // A measurement with no noun of its own ("a magnitude of 7.2") is of the one thing its story measures
  // that way ("the magnitude-7.2 quake"); with two (a quake and an aftershock) it stays apart.
  const measured = new Map<string, Set<string>>();
  for (const [key, members] of blocks) {
    for (const n of members) {
      if (!isMeasurement(n.measure.dimension) || !n.measure.head) continue;
      const id = `${storyOf(key)}|${n.measure.dimension}|${n.measure.unitKey ?? ''}`;
      measured.set(id, (measured.get(id) ?? new Set()).add(key));
    }
  }
  for (const [from, members] of blocks) {
    for (const m of members) {
      if (!isMeasurement(m.measure.dimension) || m.measure.head) continue;
      // Already among the story's measured things (its own block names the quake): it stays there.
      const candidates = [...(measured.get(`${storyOf(from)}|${m.measure.dimension}|${m.measure.unitKey ?? ''}`) ?? [])];
      if (candidates.length === 1 && candidates[0] !== from) moves.push([m, from, candidates[0]]);
    }
  }

  for (const [from, members] of blocks) {
    if (!from.endsWith('|added')) continue;
    const totalsKey = from.replace(/\|added$/, '');
    const totals = blocks.get(totalsKey);
    if (!totals) continue;
    for (const m of members) {
      // Compared with the totals of the same place: "another 2.5 million Americans" against the U.S. total.
      const places = m.measure.places.join('+');
      const sameScope = places ? totals.filter((t) => t.measure.places.join('+') === places) : totals;
      if (sameScope.length && valueOf(m) >= 0.5 * median(sameScope.map((t) => valueOf(t)))) moves.push([m, from, totalsKey]);
    }
  }

  // The first move found for a figure wins; lists are rebuilt once.
  const first = new Map<Mention, { from: string; to: string }>();
  for (const [m, from, to] of moves) if (!first.has(m)) first.set(m, { from, to });
  moveMentions(blocks, first);
}

/** Moves each mention from its block to another, all at once; a block left empty goes. */
function moveMentions(blocks: Map<string, Mention[]>, moves: Map<Mention, { from: string; to: string }>): void {
  const leaving = new Map<string, Set<Mention>>();
  for (const [m, { from }] of moves) leaving.set(from, (leaving.get(from) ?? new Set()).add(m));
  for (const [from, gone] of leaving) {
    const kept = blocks.get(from)!.filter((x) => !gone.has(x));
    if (kept.length) blocks.set(from, kept);
    else blocks.delete(from);
  }
  for (const [m, { to }] of moves) {
    const list = blocks.get(to);
    if (list) list.push(m);
    else blocks.set(to, [m]);
  }
}

/**
 * Whether mentions `a` only name the thing (no event said of it) with fewer of the qualifiers that
 * mentions `b` give it, all of them among b's: "Passport number 5,250,000" beside "5.25 million
 * unencrypted passport numbers were stolen".
 */
function namesLess(a: Mention[], b: Mention[]): boolean {
  const bare = (ms: Mention[]) => ms.every((m) => !m.measure.event);
  const [qa, qb] = [new Set(a.flatMap((m) => m.measure.modifiers)), new Set(b.flatMap((m) => m.measure.modifiers))];
  return bare(a) && !bare(b) && qb.size > qa.size && [...qa].every((w) => qb.has(w));
}

/** A value precise enough that two outlets giving it mean the same figure: two significant digits, 100 or more. */
function isDistinctive(q: Quantity): boolean {
  const digits = significantDigits(q);
  if (digits === Infinity) return true;
  return digits !== null && q.low >= 100 && digits >= 2;
}

/**
 * Outlets name one measure in many words ("143 million U.S. consumers affected", "the personal information
 * of 143 million Americans"). Two blocks of a story that give the same distinctive value in different
 * documents, about the same kind of thing and the same place, are one measure: they are merged.
 */
function mergeBlocksSharingFigures(blocks: Map<string, Mention[]>): void {
  const byValue = new Map<string, Array<{ key: string; m: Mention }>>();
  for (const [key, members] of blocks) {
    if (key.endsWith('|disputed')) continue;
    for (const m of members) {
      if (!isDistinctive(m.quantity) || m.measure.denied) continue;
      // An increment is told again as an increment ("a further 14.5 million", "14.5 million more").
      const id = `${storyOf(key)}|${m.measure.dimension}|${m.measure.rate ?? ''}|${m.measure.increment ? 'added' : ''}|${valueOf(m)}`;
      byValue.set(id, [...(byValue.get(id) ?? []), { key, m }]);
    }
  }
  // Whether two figures of one value may be one figure told again: about the same kind of thing, place and subject.
  const alike = (a: Mention, b: Mention) => {
    const [ha, hb] = [headOf(a), headOf(b)];
    const [pa, pb] = [a.measure.places.join('+'), b.measure.places.join('+')];
    const [sa, sb] = [a.measure.subject ?? '', b.measure.subject ?? ''];
    // A value precise to three digits or a decimal ("5,470", "33.7%") said of the same event is the same
    // figure however each outlet names the thing; a rounder one must be about the same thing.
    // Two concepts said of it must agree: 2,310 killed are not 2,310 homes destroyed.
    const [ea, eb] = [a.measure.conceptual ? a.measure.event : null, b.measure.conceptual ? b.measure.event : null];
    const precise = isPrecise(a.quantity) && (!ea || !eb || ea === eb);
    return (precise || !ha || !hb || ha === hb) && (!pa || !pb || pa === pb) && (!sa || !sb || sa === sb);
  };
  // The figures of one value told again of one thing gather in one block: the largest of their blocks,
  // unless it only names the thing with fewer qualifiers than another ("Passport number 5,250,000"
  // beside "5.25 million unencrypted passport numbers were stolen"). A figure joins a gathering only
  // when it is alike with every figure already in it, so that a figure naming nothing cannot bridge
  // 2,310 killed and 2,310 homes; and only the figures told again move, not whole blocks.
  const moves = new Map<Mention, { from: string; to: string }>();
  for (const list of byValue.values()) {
    const byKey = new Map<string, Mention[]>();
    for (const { key, m } of list) byKey.set(key, [...(byKey.get(key) ?? []), m]);
    if (byKey.size < 2) continue;
    const keys = [...byKey.keys()];
    const narrower = (k: string) => keys.some((other) => other !== k && namesLess(byKey.get(k)!, byKey.get(other)!));
    keys.sort((a, b) => Number(narrower(a)) - Number(narrower(b)) || blocks.get(b)!.length - blocks.get(a)!.length || (a < b ? -1 : 1));
    const gatherings: Array<{ target: string; members: Mention[] }> = [];
    for (const key of keys) {
      for (const m of byKey.get(key)!) {
        const home = gatherings.find((g) => g.members.every((n) => alike(m, n)));
        if (home) {
          home.members.push(m);
          if (home.target !== key) moves.set(m, { from: key, to: home.target });
        } else gatherings.push({ target: key, members: [m] });
      }
    }
    // Figures of one document only are not told again: they stay where they were.
    for (const g of gatherings) {
      if (g.members.some((m) => m.docIndex !== g.members[0].docIndex)) continue;
      for (const m of g.members) moves.delete(m);
    }
  }
  moveMentions(blocks, moves);
}

/** Words either side of a figure that tell what it is about, for matching one value told again in other words. */
const CONTEXT_WORDS = 10;
/** A word in at least this share of a story's documents is the story's own and tells no figure apart. */
const STORY_WORD_SHARE = 0.5;

/** Lemmas of the content words within CONTEXT_WORDS of a figure in its sentence: no numbers, function or reporting words. */
function contextOf(m: Mention): Set<string> {
  const ws = words(m.claim.text);
  const at = m.quantity.start - m.claim.start;
  const i = ws.findIndex((w) => w.end > at);
  const near = ws.slice(Math.max(0, i - CONTEXT_WORDS), i + CONTEXT_WORDS + 1);
  return new Set(near.filter((w) => w.isWord && !/^\d/.test(w.text) && w.start !== at && !LEX.stopwords.has(w.lower) && !LEX.reportingVerbs.has(w.lower) && w.text.length > 2).map((w) => lemma(w.lower)));
}

/**
 * One value told again by another outlet in other words ("the 1960 tsunami that killed 61 people",
 * "ahead of the 1960 tsunami that killed 61 people"; "won Nelson by 29 votes"): the same value, of the
 * same dimension, unit, rate and place, in two documents whose words around it share what the story's
 * other documents do not say. Words most of the story's documents use ("Lahaina", "quake") tell
 * nothing; one such shared word is enough for a distinctive value, two for a small or round one. The
 * figure moves from the smaller block to the larger, one figure at a time.
 */
function mergeValuesToldAgain(blocks: Map<string, Mention[]>, docs: DocContext[]): void {
  const byValue = new Map<string, Array<{ key: string; m: Mention }>>();
  for (const [key, members] of blocks) {
    if (key.endsWith('|disputed')) continue;
    for (const m of members) {
      if (m.measure.denied || m.measure.increment) continue;
      const id = `${storyOf(key)}|${m.measure.dimension}|${m.measure.unitKey ?? ''}|${m.measure.rate ?? ''}|${m.measure.year ?? ''}|${m.quantity.low}|${m.quantity.high}`;
      const list = byValue.get(id);
      if (list) list.push({ key, m });
      else byValue.set(id, [{ key, m }]);
    }
  }
  const storyDocs = new Map<number, number[]>();
  docs.forEach((d, i) => {
    const list = storyDocs.get(d.story);
    if (list) list.push(i);
    else storyDocs.set(d.story, [i]);
  });
  const docWords = new Map<number, Set<string>>();
  const wordsOfDoc = (i: number) => {
    let set = docWords.get(i);
    if (!set) {
      set = new Set(words(docs[i].input.text).filter((w) => w.isWord).map((w) => lemma(w.lower)));
      docWords.set(i, set);
    }
    return set;
  };
  const docFrequency = new Map<string, number>();
  // Counted over the story's other documents: two reports sharing a word is the evidence, not against it.
  const storyWord = (story: number, word: string) => {
    const id = `${story}|${word}`;
    let n = docFrequency.get(id);
    if (n === undefined) {
      n = storyDocs.get(story)!.filter((i) => wordsOfDoc(i).has(word)).length;
      docFrequency.set(id, n);
    }
    const others = storyDocs.get(story)!.length - 2;
    return n - 2 >= Math.max(1, STORY_WORD_SHARE * others);
  };
  const contexts = new Map<Mention, Set<string>>();
  const contextFor = (m: Mention) => contexts.get(m) ?? contexts.set(m, contextOf(m)).get(m)!;
  const moves = new Map<Mention, { from: string; to: string }>();
  for (const list of byValue.values()) {
    if (new Set(list.map((x) => x.key)).size < 2 || new Set(list.map((x) => x.m.docIndex)).size < 2) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (a.key === b.key || a.m.docIndex === b.m.docIndex || moves.has(a.m) || moves.has(b.m)) continue;
        // 612 killed are not 612 homes destroyed: two concepts said of the value must agree.
        const [ea, eb] = [a.m.measure.conceptual ? a.m.measure.event : null, b.m.measure.conceptual ? b.m.measure.event : null];
        if (ea && eb && ea !== eb) continue;
        const [pa, pb] = [[...a.m.measure.places].sort().join('+'), [...b.m.measure.places].sort().join('+')];
        const [sa, sb] = [a.m.measure.subject ?? '', b.m.measure.subject ?? ''];
        // "Lauren Boebert" and "Boebert" are one name.
        const oneName = !sa || !sb || sa === sb || sa.endsWith(` ${sb}`) || sb.endsWith(` ${sa}`);
        if ((pa && pb && pa !== pb) || !oneName) continue;
        const story = docs[a.m.docIndex].story;
        const other = contextFor(b.m);
        const shared = [...contextFor(a.m)].filter((w) => other.has(w) && !storyWord(story, w)).length;
        if (shared < (isDistinctive(a.m.quantity) ? 1 : 2)) continue;
        const [sizeA, sizeB] = [blocks.get(a.key)!.length, blocks.get(b.key)!.length];
        const [from, mover, to] = sizeA < sizeB || (sizeA === sizeB && a.key > b.key) ? [a.key, a.m, b.key] : [b.key, b.m, a.key];
        moves.set(mover, { from, to });
      }
    }
  }
  moveMentions(blocks, moves);
}

/** How close (log10) readings of one dimension under different words must lie to be one measurement told again: ±15%. */
const NEAR_READING_LOG_DISTANCE = Math.log10(1.15);
/** Readings of one value a scan looks past before it gives up: thousands of copies of one figure cost no more. */
const NEAR_READING_SCAN = 64;

/**
 * Outlets describe one measured thing in many words ("the 400-metre container ship", "the 399-metre
 * vessel", "the 400-metre Ever Given"): a reading of a dimension and unit lies in a block of its own
 * for each. Readings of one story within 15% of a reading in another such block, from another
 * document, are that reading told again: they move from the smaller block to the larger one, one
 * reading at a time, so that a shared value chains nothing. Years and other events are told apart later.
 * Only physical quantities whose units scale (lengths, masses, volumes, areas, speeds) are joined so:
 * spans of time are too common to be one thing by value alone ("60 days of severance" is no "60 days'
 * notice"), and a ratio means nothing on a magnitude's or a temperature's scale. Two things named by
 * different nouns ("the ship", "the stretch of bank") stay apart.
 */
function mergeNearReadings(blocks: Map<string, Mention[]>): void {
  const byDimension = new Map<string, string[]>();
  for (const [key, members] of blocks) {
    const { dimension, unitKey } = members[0].measure;
    if (!LEX.scaledDimensions.has(dimension) || dimension === 'duration' || key.endsWith('|disputed')) continue;
    const id = `${storyOf(key)}|${dimension}|${unitKey ?? ''}`;
    const keys = byDimension.get(id);
    if (keys) keys.push(key);
    else byDimension.set(id, [key]);
  }
  // The noun a reading is of, when the text names one in lower case: a name ("the Ever Given") says nothing of its kind.
  // Nor does a word saying which way the reading runs ("74 metres tall", "10 km underground").
  const nounOf = (m: Mention) => {
    const { head, headText } = m.measure;
    return head && head !== 'person' && !LEX.readingWords.has(head) && !/^\p{Lu}/u.test(headText ?? '') ? head : null;
  };
  const moves = new Map<Mention, { from: string; to: string }>();
  for (const keys of byDimension.values()) {
    if (keys.length < 2) continue;
    // Readings in order of value: each looks only at its neighbours within reach.
    const readings = keys.flatMap((key) => blocks.get(key)!.filter((m) => !m.measure.denied && valueOf(m) > 0).map((m) => ({ key, m, at: Math.log10(valueOf(m)) })));
    readings.sort((a, b) => a.at - b.at);
    for (let i = 0; i < readings.length; i++) {
      const { key: from, m, at } = readings[i];
      const sizeFrom = blocks.get(from)!.length;
      let target: string | null = null;
      let best = NEAR_READING_LOG_DISTANCE;
      for (const step of [-1, 1]) {
        let looked = 0;
        for (let j = i + step; j >= 0 && j < readings.length && Math.abs(readings[j].at - at) <= best && looked < NEAR_READING_SCAN; j += step, looked++) {
          const { key: to, m: n } = readings[j];
          // Into the larger block; between equal ones, one way only.
          const sizeTo = blocks.get(to)!.length;
          if (to === from || n.docIndex === m.docIndex || sizeTo < sizeFrom || (sizeTo === sizeFrom && to > from)) continue;
          const [a, b] = [nounOf(m), nounOf(n)];
          if (a && b && a !== b) continue;
          // The nearest reading; on a tie, the larger block, then the first key, so that copies gather in one block.
          const distance = Math.abs(readings[j].at - at);
          const better = distance < best || target === null || sizeTo > blocks.get(target)!.length || (sizeTo === blocks.get(target)!.length && to < target);
          if (distance <= best && better) [best, target] = [distance, to];
        }
      }
      if (target) moves.set(m, { from, to: target });
    }
  }
  moveMentions(blocks, moves);
}

export interface CompareOptions {
  /** Similarity at which two documents count as one story (for tests and tuning). */
  storyThreshold?: number;
}

/** Any word of an election, as a whole word in any case. */
const CONTEST_WORDS = new RegExp(`(?<![\\p{L}])(?:${[...LEX.contestWords].map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu');

/** A phrase as whole words in any case, its spaces any run of spaces: "lee county" finds "Lee  County" but not "Lee Countyline". */
const phrasePatterns = new Map<string, RegExp>();
const wholePhrase = (phrase: string): RegExp => {
  let pattern = phrasePatterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu');
    phrasePatterns.set(phrase, pattern);
  }
  return pattern;
};

/** A lower-case name as its figures' sentences write it ("nz first" → "NZ First"), else with capitals. */
function asWritten(name: string, part: Mention[]): string {
  const pattern = wholePhrase(name);
  for (const m of part) {
    const found = pattern.exec(m.claim.text);
    if (found) return found[0].replace(/\s+/g, ' ');
  }
  return name.replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

/** The value given most often; on a tie, the one given first. */
function mostCommon<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, count] of counts) if (count > counts.get(best)!) best = v;
  return best;
}

/** The scale of the unit most of a group's figures are written in, in which the group is shown. */
function displayScale(part: Mention[]): number {
  return mostCommon(part.map((m) => m.scale));
}

/**
 * A group's members, with figures written in other units of the dimension re-expressed in the unit most
 * of them use, so that a chart plots "3 months" at 91 days beside "60 days"; each keeps its figure as
 * written. With the unit they are shown in.
 */
function inOneUnit(part: Mention[]): { members: CompareMember[]; unit: string | null } {
  const scale = displayScale(part);
  const unit = part.find((m) => m.scale === scale && m.quantity.unit)?.quantity.unit ?? null;
  const members = part.map((m) => {
    if (m.scale === scale) return m.member;
    const ratio = m.scale / scale;
    return { ...m.member, quantity: { ...m.member.quantity, low: m.quantity.low * ratio, high: m.quantity.high === null ? null : m.quantity.high * ratio, unit } };
  });
  return { members, unit };
}

/**
 * A group's name in the words most of its figures are given in ("deaths", not the "killing" of the first
 * headline): figures that name their thing, neither added nor disputed, first; on a tie, the earliest.
 */
function groupName(part: Mention[]): string {
  const named = part.filter((m) => (m.measure.headText || m.measure.eventText) && !m.measure.increment && !m.measure.denied);
  const pool = named.length ? named : part.filter((m) => m.measure.headText || m.measure.eventText);
  return mostCommon((pool.length ? pool : part.slice(0, 1)).map((m) => labelOf(m.measure)));
}

/** Groups the figures of several documents and judges each group. */
export function compareFigures(inputs: CompareDocument[], options: CompareOptions = {}): CompareGroup[] {
  // Name patterns are compiled once per comparison and dropped with it.
  phrasePatterns.clear();
  const found = inputs.map((input) => findDocumentDate(input.text, input.published));
  const stories = clusterStories(inputs.map((i) => i.text), options.storyThreshold);
  const sameText = sameTextOrigins(inputs.map((i) => i.text));
  // A numeric date line that reads both ways ("03-11-2023") takes the reading nearer the story's other dates.
  const known = found.map((f, i) => inputs[i].published ?? (f && !f.alternative ? f.published : null));
  const nearest = (i: number): string | null => {
    const f = found[i];
    if (inputs[i].published || !f?.alternative) return known[i];
    const others = known.filter((d, j): d is string => !!d && stories[j] === stories[i]).map((d) => Date.parse(d.slice(0, 10)));
    if (!others.length) return f.published;
    const distance = (iso: string) => Math.min(...others.map((t) => Math.abs(Date.parse(iso.slice(0, 10)) - t)));
    return distance(f.alternative) < distance(f.published) ? f.alternative : f.published;
  };
  const docs: DocContext[] = inputs.map((input, i) => {
    const date = nearest(i);
    return {
      input,
      date,
      origin: input.outlet ?? found[i]?.outlet ?? input.title,
      story: stories[i],
      sameText: sameText[i],
      leadDay: leadDayOf(input.text, date),
      leadStage: stageIn(input.text.slice(0, LEAD_CHARS).split('\n')[0]),
      contest: CONTEST_WORDS.test(input.text),
    };
  });
  // Each story's first day, against which an event day counts as the story's own or an older event's.
  const storyStarts = new Map<number, number>();
  for (const d of docs) storyStarts.set(d.story, Math.min(storyStarts.get(d.story) ?? Infinity, Date.parse(d.date?.slice(0, 10) ?? '') || Infinity));
  const mentions = collectMentions(docs);
  markPollFigures(mentions, docs);
  const blocks = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${docs[m.docIndex].story}#${m.key}`;
    const list = blocks.get(key);
    if (list) list.push(m);
    else blocks.set(key, [m]);
  }
  attachLooseFigures(blocks);
  placeHeldShares(blocks);
  mergeBlocksSharingFigures(blocks);
  mergeNearReadings(blocks);
  mergeValuesToldAgain(blocks, docs);
  const groups: CompareGroup[] = [];
  for (const block of blocks.values()) {
    for (const part of splitByScope(block, docs, storyStarts).flatMap(splitByReports)) {
      if (!part.length) continue;
      part.sort(byTime);
      const { verdict, reason, conflicts } = judge(part, docs);
      const shown = inOneUnit(part);
      const places = [...new Set(part.flatMap((m) => m.measure.places))];
      const name = groupName(part);
      // Whom the figures are about, when they say: "deaths (Lee County)" beside the story's "deaths".
      const subjects = [...new Set(part.map((m) => m.measure.subject).filter((x): x is string => !!x && !x.includes('+')))];
      const about = subjects.length === 1 && part.filter((m) => m.measure.subject).length * 2 >= part.length ? asWritten(subjects[0], part) : places.length === 1 ? places[0] : null;
      const named = about && wholePhrase(about).test(name);
      const label = `${name}${about && !/\b(?:in|of)\b/.test(name) && !named ? ` (${about})` : ''}`;
      groups.push({
        id: '',
        story: docs[part[0].docIndex].story,
        label,
        unit: shown.unit,
        verdict,
        reason,
        members: shown.members,
        conflicts,
      });
    }
  }
  const rank: Record<Verdict, number> = { conflicting: 0, evolving: 1, consistent: 2, single: 3 };
  groups.sort((a, b) => rank[a.verdict] - rank[b.verdict] || b.members.length - a.members.length);
  groups.forEach((g, i) => (g.id = `g${i + 1}`));
  // A brief finds its comparison again by label: two groups never share one.
  const seen = new Map<string, number>();
  for (const g of groups) {
    const n = (seen.get(g.label) ?? 0) + 1;
    seen.set(g.label, n);
    if (n > 1) g.label = `${g.label} (${n})`;
  }
  return groups;
}
