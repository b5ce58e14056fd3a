// Compares claims across documents: groups quantity claims that measure the same thing and judges
// whether the figures agree, conflict or evolve over time; matches non-numeric claims with BM25
// (MiniSearch) and counts their independent origins.
import MiniSearch from 'minisearch';
import type { Claim, ClaimSet } from '../../../shared/types/claims.ts';
import type { CompareGroup, CompareMember, CompareResult, ConflictPair, Corroboration, Verdict } from '../../../shared/types/compare.ts';
import { figureText, interval, measureOf, type Measure } from './measures.ts';

export interface CompareInput {
  /** How the caller named the document (path or id); echoed in the output. */
  doc: string;
  docId: string | null;
  title: string;
  published: string | null;
  claims: ClaimSet;
}

interface Candidate {
  member: CompareMember;
  measure: Measure;
  order: number;
  words: Set<string>;
}

const STOP = new Set('the a an of to in on at for and or but with by from as is are was were be been has have had that this these those it its their his her they he she which who said says say told according also than more about some around into over after before while'.split(' '));

function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !STOP.has(w)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

const CHANGE = /\b(?:rose|risen|rising|climbed|increased|grew|jumped|fell|dropped|declined|now (?:says|stands|put)|up from|down from|revised|updated)\b/i;

const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 1 }) : '∞');

function sourceLabel(m: CompareMember): string {
  const who = m.source ? (m.via.length ? `${m.source} via ${m.via.join(', ')}` : m.source) : m.via.join(', ') || m.docTitle;
  return `“${m.figure}” (${who})`;
}

function byDate(a: Candidate, b: Candidate): number {
  const da = a.member.published ?? '';
  const db = b.member.published ?? '';
  if (da !== db) return !da ? 1 : !db ? -1 : da < db ? -1 : 1;
  return a.order - b.order;
}

function voice(m: CompareMember): string | null {
  const who = m.source ?? m.via[0] ?? null;
  return who ? who.toLowerCase().replace(/^(?:a|an|the)\s+/, '') : null;
}

function sameVoice(a: CompareMember, b: CompareMember): boolean {
  if (a.doc !== b.doc) return false;
  const [va, vb] = [voice(a), voice(b)];
  return !va || !vb || va === vb;
}

function judge(members: Candidate[]): { verdict: Verdict; reason: string; conflicts: ConflictPair[] } {
  const voices = new Set(members.map((m) => `${m.member.doc}|${voice(m.member) ?? ''}`));
  if (members.length === 1) return { verdict: 'single', reason: 'Only one source gives this figure.', conflicts: [] };
  const ranges = members.map((m) => interval(m.member.quantity as never, m.measure.denied));
  const sameFigure: ConflictPair[] = [];
  const disjoint: ConflictPair[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i], members[j]];
      // One article can carry two sources that disagree; one source repeating itself is no conflict.
      if (a.measure.additional || b.measure.additional || sameVoice(a.member, b.member)) continue;
      const overlap = Math.max(ranges[i][0], ranges[j][0]) <= Math.min(ranges[i][1], ranges[j][1]);
      if (overlap) continue;
      const nominalA = a.member.quantity.high;
      const nominalB = b.member.quantity.high;
      const pair = { a: i, b: j, reason: '' };
      if (Math.abs(nominalA - nominalB) <= 0.1 * Math.max(nominalA, nominalB)) {
        pair.reason = `${sourceLabel(a.member)} and ${sourceLabel(b.member)} cite the same figure but cannot both hold.`;
        sameFigure.push(pair);
      } else {
        pair.reason = `${sourceLabel(a.member)} and ${sourceLabel(b.member)} do not overlap.`;
        disjoint.push(pair);
      }
    }
  }
  const dated = members.every((m) => m.member.published);
  const dates = new Set(members.map((m) => m.member.published?.slice(0, 10)));
  if (sameFigure.length) return { verdict: 'conflicting', reason: sameFigure[0].reason, conflicts: [...sameFigure, ...disjoint] };
  // "rose to", "now says": the sources themselves describe a figure that changed.
  const changing = members.some((m) => CHANGE.test(m.member.text));
  if (disjoint.length && ((dated && dates.size > 1) || changing)) {
    const first = members[0].member;
    const last = members[members.length - 1].member;
    const when = (m: CompareMember) => (m.published ? ` (${m.published.slice(0, 10)})` : '');
    return { verdict: 'evolving', reason: `The figure changed over time, from ${first.figure}${when(first)} to ${last.figure}${when(last)}.`, conflicts: disjoint };
  }
  if (disjoint.length) return { verdict: 'conflicting', reason: disjoint[0].reason, conflicts: disjoint };
  if (voices.size === 1) return { verdict: 'single', reason: 'All figures come from one source.', conflicts: [] };
  const lo = Math.max(...ranges.filter((_, i) => !members[i].measure.additional).map((r) => r[0]));
  const hi = Math.min(...ranges.filter((_, i) => !members[i].measure.additional).map((r) => r[1]));
  return { verdict: 'consistent', reason: Number.isFinite(lo) && lo <= hi ? `The figures overlap between ${fmt(lo)} and ${fmt(hi)}.` : 'The figures from different sources overlap.', conflicts: [] };
}

/** Splits one measure's candidates by actor ("North Korean" vs "Russian" troops) and, for generic units, by wording. */
function cluster(candidates: Candidate[], generic: boolean): Candidate[][] {
  const byActor = new Map<string, Candidate[]>();
  const unowned: Candidate[] = [];
  for (const c of candidates) {
    if (c.measure.actor) byActor.set(c.measure.actor, [...(byActor.get(c.measure.actor) ?? []), c]);
    else unowned.push(c);
  }
  // A figure with no actor most likely counts the same actor as the story's main group.
  const main = [...byActor.values()].sort((a, b) => b.length - a.length)[0];
  if (main) main.push(...unowned);
  const actorGroups = main ? [...byActor.values()] : [unowned];
  if (!generic) return actorGroups;
  const out: Candidate[][] = [];
  for (const group of actorGroups) {
    const parent = group.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (jaccard(group[i].words, group[j].words) >= 0.15) parent[find(i)] = find(j);
      }
    }
    const parts = new Map<number, Candidate[]>();
    group.forEach((c, i) => parts.set(find(i), [...(parts.get(find(i)) ?? []), c]));
    out.push(...parts.values());
  }
  return out;
}

function groupQuantities(inputs: CompareInput[]): CompareGroup[] {
  const byMeasure = new Map<string, Candidate[]>();
  let order = 0;
  for (const input of inputs) {
    for (const claim of input.claims.claims) {
      if (claim.review?.status === 'rejected') continue;
      for (const q of claim.quantities) {
        // Vague amounts ("tens of thousands") are colour, not figures anyone can check against another.
        if (q.vague) continue;
        const measure = measureOf(claim, q);
        const member: CompareMember = {
          doc: input.doc,
          docId: input.docId,
          docTitle: input.title,
          published: input.published,
          claimId: claim.id,
          start: claim.start,
          end: claim.end,
          text: claim.text,
          figure: figureText(claim, q),
          quantity: { text: q.text, low: q.low, high: q.high ?? q.low, approximate: q.approximate, bound: q.bound, unit: q.unit },
          source: claim.attribution?.source ?? null,
          via: claim.attribution?.via ?? [],
          additional: measure?.additional ?? false,
        };
        if (!measure) continue;
        const list = byMeasure.get(measure.key) ?? [];
        list.push({ member, measure, order: order++, words: contentWords(claim.text) });
        byMeasure.set(measure.key, list);
      }
    }
  }
  const groups: CompareGroup[] = [];
  for (const [key, candidates] of byMeasure) {
    const generic = !['troops', 'casualties', 'deserters', 'prisoners'].includes(key);
    for (const members of cluster(candidates, generic)) {
      members.sort(byDate);
      const { verdict, reason, conflicts } = judge(members);
      const actor = members.find((m) => m.measure.actor)?.measure.actor;
      const label = `${members[0].measure.label}${actor ? ` (${actor})` : ''}`;
      groups.push({ id: '', label, unit: members.find((m) => m.member.quantity.unit)?.member.quantity.unit ?? null, verdict, reason, members: members.map((m) => m.member), conflicts });
    }
  }
  const rank: Record<Verdict, number> = { conflicting: 0, evolving: 1, consistent: 2, single: 3 };
  groups.sort((a, b) => rank[a.verdict] - rank[b.verdict] || b.members.length - a.members.length);
  groups.forEach((g, i) => (g.id = `g${i + 1}`));
  return groups;
}

/** Who a claim ultimately comes from: its named source, else its outlet, else the document itself. */
function originOf(claim: Claim, doc: string): string {
  const raw = claim.attribution?.source ?? claim.attribution?.via[0] ?? null;
  if (!raw) return `document:${doc}`;
  return raw
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/\b(?:a|an|the|source|sources|according|to)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sameOrigin(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith('document:') || b.startsWith('document:')) return false;
  return jaccard(new Set(a.split(' ')), new Set(b.split(' '))) >= 0.5;
}

function corroborate(inputs: CompareInput[]): Corroboration[] {
  type Entry = { id: number; doc: string; docId: string | null; claim: Claim; text: string };
  const entries: Entry[] = [];
  for (const input of inputs) {
    for (const claim of input.claims.claims) {
      if (claim.review?.status === 'rejected' || claim.quantities.length) continue;
      entries.push({ id: entries.length, doc: input.doc, docId: input.docId, claim, text: claim.text });
    }
  }
  if (entries.length < 2) return [];
  const index = new MiniSearch<Entry>({ fields: ['text'], storeFields: [] });
  index.addAll(entries);
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const entry of entries) {
    const hits = index.search(entry.text, { combineWith: 'OR' });
    const self = hits.find((h) => h.id === entry.id)?.score ?? 0;
    for (const hit of hits) {
      const other = entries[hit.id as number];
      // BM25 relative to the claim's own score, plus shared wording, so long claims do not match everything.
      if (other.doc === entry.doc || hit.score < 0.45 * self) continue;
      if (jaccard(contentWords(entry.text), contentWords(other.text)) < 0.25) continue;
      parent[find(entry.id)] = find(other.id);
    }
  }
  const clusters = new Map<number, Entry[]>();
  for (const e of entries) clusters.set(find(e.id), [...(clusters.get(find(e.id)) ?? []), e]);
  const out: Corroboration[] = [];
  for (const members of clusters.values()) {
    if (new Set(members.map((m) => m.doc)).size < 2) continue;
    const origins: string[] = [];
    for (const m of members) {
      const origin = originOf(m.claim, m.doc);
      if (!origins.some((o) => sameOrigin(o, origin))) origins.push(origin);
    }
    out.push({
      id: `k${out.length + 1}`,
      members: members.map((m) => ({ doc: m.doc, docId: m.docId, claimId: m.claim.id, start: m.claim.start, end: m.claim.end, text: m.claim.text, source: m.claim.attribution?.source ?? null, via: m.claim.attribution?.via ?? [] })),
      origins: origins.map((o) => o.replace(/^document:/, 'the document ')),
      independentSources: origins.length,
    });
  }
  return out.sort((a, b) => b.independentSources - a.independentSources || b.members.length - a.members.length);
}

export function compareClaims(inputs: CompareInput[]): CompareResult {
  return { groups: groupQuantities(inputs), corroborations: corroborate(inputs) };
}
