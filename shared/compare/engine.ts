// Groups figures across documents and judges them: only figures of one story are compared, blocked by
// what they measure (so cost grows with the figures, not their pairs), split by scope (place, year,
// estimate or count), dated, and given an analyst's verdict in plain words with who, what and when.
import type { Claim, Quantity } from '../types/claims.ts';
import type { CompareGroup, CompareMember, ConflictPair, Verdict } from '../types/compare.ts';
import { figureInterval, figuresAgree, formatFigure, formatNumber, type FigureLike } from '../figures/index.ts';
import { findDates, findDocumentDate, findMonths, findRelativeDays } from '../text/dates.ts';
import { labelOf, measureOf, type Measure } from './measure.ts';
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
  /** Position in the document, so a series inside one article keeps its order. */
  order: number;
  member: CompareMember;
}

interface DocContext {
  input: CompareDocument;
  date: string | null;
  origin: string;
  story: number;
  sameText: number;
}

/** Same day, or a month that holds the other's day ("in October" and 11 Oct). */
function atSameTime(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 10);
  return a.slice(0, n) === b.slice(0, n);
}

function readableDate(iso: string | null): string {
  if (!iso) return 'undated';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function figureOf(q: Quantity, m: Measure): FigureLike {
  return { text: q.text, low: q.low, high: q.high, approximate: q.approximate, bound: q.bound, unit: q.unit, vague: q.vague, denied: m.denied };
}

/** When a figure was reported: a dated phrase in its own sentence when there is one, else its document's date. */
function mentionDate(claim: Claim, q: Quantity, docDate: string | null): string | null {
  if (!docDate) return null;
  const rel = q.start - claim.start;
  // Dates in a sentence mostly say when something happened; only those that say when the figure was
  // given count: relative days ("said on Monday"), "as of"/"by" dates, and a fronted "In June," or "On Sept. 7,".
  const reportTime = (d: { start: number; end: number }) => {
    const before = claim.text.slice(Math.max(0, d.start - 40), d.start).toLowerCase();
    return /\b(?:as of|as at|by|until)\s*$/.test(before) || /^\s*(?:in|on)?\s*$/.test(before) || /\b(?:said|says|announced|reported|revealed|disclosed|confirmed|told)\s+(?:on\s+)?$/.test(before);
  };
  const absolute = findDates(claim.text, docDate).filter((d) => (d.precision === 'day' || d.precision === 'minute') && reportTime(d));
  const relative = [...findRelativeDays(claim.text, docDate), ...findMonths(claim.text, docDate).filter(reportTime)];
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
  if (q.vague || m.question) return false;
  // Bare years and ordinals are dates or ranks, not amounts.
  if (m.dimension === 'count' && Number.isInteger(q.low) && q.low >= 1800 && q.low <= 2100 && q.low === q.high && !/,/.test(q.text) && !q.unit) return false;
  return true;
}

function collectMentions(docs: DocContext[]): Mention[] {
  const mentions: Mention[] = [];
  docs.forEach((ctx, docIndex) => {
    const { input } = ctx;
    const own: Mention[] = [];
    for (const claim of input.claims) {
      if (claim.review?.status === 'rejected') continue;
      for (const q of claim.quantities) {
        const measure = measureOf(claim.text, { start: q.start - claim.start, end: q.end - claim.start, quantityText: q.text, unit: q.unit });
        // A hedged figure ("may have killed", "could be as high as") is an estimate unless it is the count of record.
        if (claim.certainty === 'hedged' && !measure.official) measure.estimate = true;
        if (!isFigure(q, measure)) continue;
        const date = mentionDate(claim, q, ctx.date);
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
        own.push({ docIndex, claim, quantity: q, measure, key: measure.key ?? '', date, order: q.start, member });
      }
    }
    // A figure with no noun of its own ("rose to 34", "to 145.5 million") means what the figure before
    // it in the same passage meant, when that one is of the same dimension.
    for (let i = 0; i < own.length; i++) {
      const bareVerb = !own[i].measure.head && own[i].measure.event !== null && !own[i].measure.conceptual;
      if (own[i].key && !bareVerb) continue;
      for (let j = i - 1; j >= 0 && own[i].order - own[j].order < 600; j--) {
        if (own[j].key && own[j].measure.dimension === own[i].measure.dimension) {
          own[i].key = own[j].key.replace(/\|added$/, '') + (own[i].measure.increment ? '|added' : '');
          own[i].measure = { ...own[i].measure, places: own[i].measure.places.length ? own[i].measure.places : own[j].measure.places, estimate: own[i].measure.estimate || own[j].measure.estimate, headText: own[j].measure.headText, eventText: own[j].measure.eventText };
          break;
        }
      }
    }
    // A denial with nothing around it still disputes a number: it is attached to that number's measure later.
    for (const m of own) if (!m.key && m.measure.denied) m.key = `${m.measure.dimension}|disputed`;
    mentions.push(...own.filter((m) => m.key));
  });
  return mentions;
}

/** Splits one block into scopes: another country, another year's event, or estimates beside counts. */
function splitByScope(block: Mention[], docs: DocContext[]): Mention[][] {
  const storyYears = block.map((m) => docs[m.docIndex].date?.slice(0, 4)).filter(Boolean).map(Number);
  const firstYear = storyYears.length ? Math.min(...storyYears) : null;
  const scopeOf = (m: Mention): string => {
    const parts: string[] = [];
    const docYear = Number(docs[m.docIndex].date?.slice(0, 4)) || null;
    if (m.measure.year && firstYear && (m.measure.year < firstYear || (docYear && m.measure.year > docYear))) parts.push(`year ${m.measure.year}`);
    return parts.join('|');
  };
  const byYear = new Map<string, Mention[]>();
  for (const m of block) byYear.set(scopeOf(m), [...(byYear.get(scopeOf(m)) ?? []), m]);
  const out: Mention[][] = [];
  for (const part of byYear.values()) {
    // Places: figures naming different countries are different measures; an unplaced figure joins the
    // placed part closest to it in magnitude, or stays with the others when no part is near.
    const placed = new Map<string, Mention[]>();
    const unplaced: Mention[] = [];
    for (const m of part) {
      const place = [...m.measure.places].sort().join('+');
      if (place) placed.set(place, [...(placed.get(place) ?? []), m]);
      else unplaced.push(m);
    }
    if (placed.size > 1) {
      const rest: Mention[] = [];
      for (const m of unplaced) {
        let best: Mention[] | null = null;
        let bestDistance = Infinity;
        for (const members of placed.values()) {
          for (const other of members) {
            const d = Math.abs(Math.log10(Math.max(1e-9, m.quantity.low)) - Math.log10(Math.max(1e-9, other.quantity.low)));
            if (d < bestDistance) [bestDistance, best] = [d, members];
          }
        }
        if (best && bestDistance <= 0.5) best.push(m);
        else rest.push(m);
      }
      out.push(...placed.values());
      if (rest.length) out.push(rest);
    } else {
      out.push([...(placed.values().next().value ?? []), ...unplaced]);
    }
  }
  // Estimates beside counts of record: two series when each is reported by at least two documents and
  // they lie apart (a study's excess deaths several times the certified toll); otherwise one measure.
  return out.flatMap((members) => {
    const estimates = members.filter((m) => m.measure.estimate);
    const counts = members.filter((m) => !m.measure.estimate);
    const docsOf = (ms: Mention[]) => new Set(ms.map((m) => m.docIndex)).size;
    if (docsOf(estimates) < 2 || docsOf(counts) < 2) return [members];
    const ratio = median(estimates.map((m) => m.quantity.low)) / Math.max(1e-9, median(counts.map((m) => m.quantity.low)));
    return ratio >= 3 || ratio <= 1 / 3 ? [counts, estimates] : [members];
  });
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
  if (m.source && m.source.toLowerCase() !== origin.toLowerCase()) return `${m.source} (${origin})`;
  return origin;
}

const quoteFigure = (m: CompareMember) => `${m.figure}${m.quantity.unit && !m.figure.includes(m.quantity.unit) ? ` ${m.quantity.unit}` : ''}`;

function judge(members: Mention[], docs: DocContext[]): { verdict: Verdict; reason: string; conflicts: ConflictPair[] } {
  const origins = new Set(members.map((m) => docs[m.docIndex].sameText));
  const voices = new Set(members.map((m) => voiceOf(m, docs)));
  if (origins.size === 1 && voices.size === 1) {
    return { verdict: 'single', reason: `Only ${who(members[0].member)} gives this figure.`, conflicts: [] };
  }
  const figures = members.map((m) => figureOf(m.quantity, m.measure));
  const sameTime: ConflictPair[] = [];
  const overTime: ConflictPair[] = [];
  const denials: ConflictPair[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i], members[j]];
      if (voiceOf(a, docs) === voiceOf(b, docs) && !(a.measure.change || b.measure.change)) continue;
      // An increment does not contradict the total it adds to.
      if (a.measure.increment !== b.measure.increment) continue;
      if (figuresAgree(figures[i], figures[j])) continue;
      const pair: ConflictPair = { a: i, b: j, reason: '' };
      if (a.measure.denied !== b.measure.denied) {
        const [denier, denied] = a.measure.denied ? [a.member, b.member] : [b.member, a.member];
        const disputed = a.measure.denied ? { ...figures[i], denied: false } : { ...figures[j], denied: false };
        // A denial disputes its own number: it conflicts with those who give about that number.
        if (!figuresAgree(disputed, a.measure.denied ? figures[j] : figures[i])) continue;
        pair.reason = `${who(denier)} disputes ${formatNumber(denier.quantity.low)} (“${cuedFigure(denier)}”), while ${who(denied)} gives ${quoteFigure(denied)}${denied.date ? ` (${readableDate(denied.date)})` : ''}.`;
        denials.push(pair);
        continue;
      }
      const explainedByTime = (a.date && b.date && !atSameTime(a.date, b.date)) || ((a.measure.change || b.measure.change || a.measure.earlier || b.measure.earlier) && a.docIndex === b.docIndex);
      if (explainedByTime) {
        overTime.push(pair);
      } else {
        pair.reason = `${who(a.member)} gives ${quoteFigure(a.member)} and ${who(b.member)} gives ${quoteFigure(b.member)}${a.date ? `, both on ${readableDate(a.date)}` : ''}; they cannot both hold.`;
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
      reason: `The figure changed over time: ${steps}. The latest is ${quoteFigure(last)}, from ${who(last)} on ${readableDate(last.date)}; the first was ${quoteFigure(first)}, from ${who(first)} on ${readableDate(first.date)}.`,
      conflicts: overTime.map((p) => ({ ...p, reason: `${quoteFigure(members[p.a].member)} (${readableDate(members[p.a].member.date)}) and ${quoteFigure(members[p.b].member)} (${readableDate(members[p.b].member.date)}) were given at different times.` })),
    };
  }
  const intervals = figures.map(figureInterval);
  const lo = Math.max(...intervals.map((r) => r[0]));
  const hi = Math.min(...intervals.map((r) => r[1]));
  const names = [...new Set(members.map((m) => who(m.member)))];
  return {
    verdict: 'consistent',
    reason: `${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''} give figures that can all hold${Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? ` (between ${formatNumber(lo)} and ${formatNumber(hi)})` : ''}.`,
    conflicts: [],
  };
}

/** The figure with the words that qualify it, as written ("absolutely nowhere near 3,000"). */
function cuedFigure(m: CompareMember): string {
  const at = Math.max(0, m.text.indexOf(m.quantity.text));
  const before = m.text.slice(Math.max(0, at - 40), at);
  const cue = /(?:[\p{L}’']+\s+){0,4}$/u.exec(before)?.[0] ?? '';
  return `${cue}${m.quantity.text}`.trim();
}

function byTime(a: Mention, b: Mention): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
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
const headOf = (m: Mention) => m.measure.head ?? null;

/** Moves `m` from block `from` to block `to`. */
function move(blocks: Map<string, Mention[]>, m: Mention, from: string, to: string): void {
  const source = blocks.get(from) ?? [];
  source.splice(source.indexOf(m), 1);
  if (!source.length) blocks.delete(from);
  blocks.get(to)?.push(m);
}

/**
 * Figures whose own words say little join the measure they belong to: a denial ("nowhere near 3,000")
 * joins the figure it disputes; a bare head count ("some 3,000 North Koreans") joins the one measure of
 * its story with the same place and magnitude; an increment as large as the totals it adds to ("an
 * additional 25,000") joins them, while a small one ("another 2.5 million" on 143 million) stays apart.
 */
function attachLooseFigures(blocks: Map<string, Mention[]>): void {
  for (const [from, members] of [...blocks]) {
    for (const m of [...members]) {
      if (!m.measure.denied) continue;
      const asserted = { ...figureOf(m.quantity, m.measure), denied: false };
      const dimension = from.slice(from.indexOf('#') + 1).split('|')[0];
      const target = [...blocks].find(([key, list]) => key !== from && storyOf(key) === storyOf(from) && key.slice(key.indexOf('#') + 1).startsWith(`${dimension}|`) && list.some((n) => !n.measure.denied && figuresAgree(asserted, figureOf(n.quantity, n.measure)) && (!headOf(m) || !headOf(n) || headOf(m) === headOf(n))));
      if (target) move(blocks, m, from, target[0]);
    }
  }
  for (const [from, members] of [...blocks]) {
    if (!/#count\|people$/.test(from)) continue;
    for (const m of [...members]) {
      const places = m.measure.places.join('+');
      const candidates = [...blocks].filter(([key, list]) => key !== from && storyOf(key) === storyOf(from) && key.includes('#count|') && !key.endsWith('|added') &&
        list.some((n) => n.measure.places.join('+') === places && places !== '' && Math.abs(Math.log10(n.quantity.low / m.quantity.low)) <= 0.5));
      if (candidates.length === 1) move(blocks, m, from, candidates[0][0]);
    }
  }
  for (const [from, members] of [...blocks]) {
    if (!from.endsWith('|added')) continue;
    const totals = blocks.get(from.replace(/\|added$/, ''));
    if (!totals) continue;
    if (median(members.map((m) => m.quantity.low)) >= 0.5 * median(totals.map((m) => m.quantity.low))) {
      for (const m of [...members]) move(blocks, m, from, from.replace(/\|added$/, ''));
    }
  }
}

export interface CompareOptions {
  /** Similarity at which two documents count as one story (for tests and tuning). */
  storyThreshold?: number;
}

/** Groups the figures of several documents and judges each group. */
export function compareFigures(inputs: CompareDocument[], options: CompareOptions = {}): CompareGroup[] {
  const found = inputs.map((input) => findDocumentDate(input.text, input.published));
  const stories = clusterStories(inputs.map((i) => i.text), options.storyThreshold);
  const sameText = sameTextOrigins(inputs.map((i) => i.text));
  const docs: DocContext[] = inputs.map((input, i) => ({
    input,
    date: input.published ?? found[i]?.published ?? null,
    origin: input.outlet ?? found[i]?.outlet ?? input.title,
    story: stories[i],
    sameText: sameText[i],
  }));
  const mentions = collectMentions(docs);
  const blocks = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${docs[m.docIndex].story}#${m.key}`;
    const list = blocks.get(key);
    if (list) list.push(m);
    else blocks.set(key, [m]);
  }
  attachLooseFigures(blocks);
  const groups: CompareGroup[] = [];
  for (const block of blocks.values()) {
    for (const part of splitByScope(block, docs)) {
      if (!part.length) continue;
      part.sort(byTime);
      const { verdict, reason, conflicts } = judge(part, docs);
      const labelled = part.find((m) => (m.measure.headText || m.measure.eventText) && !m.measure.increment && !m.measure.denied) ?? part.find((m) => m.measure.headText || m.measure.eventText) ?? part[0];
      const places = [...new Set(part.flatMap((m) => m.measure.places))];
      const label = `${labelOf(labelled.measure)}${places.length === 1 && !/\b(?:in|of)\b/.test(labelOf(labelled.measure)) ? ` (${places[0]})` : ''}`;
      groups.push({
        id: '',
        story: docs[part[0].docIndex].story,
        label,
        unit: part.find((m) => m.quantity.unit)?.quantity.unit ?? null,
        verdict,
        reason,
        members: part.map((m) => m.member),
        conflicts,
      });
    }
  }
  const rank: Record<Verdict, number> = { conflicting: 0, evolving: 1, consistent: 2, single: 3 };
  groups.sort((a, b) => rank[a.verdict] - rank[b.verdict] || b.members.length - a.members.length);
  groups.forEach((g, i) => (g.id = `g${i + 1}`));
  return groups;
}
