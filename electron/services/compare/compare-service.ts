// Compares claims across documents: the figures through the shared engine (shared/compare), including
// figures in lines that hold no claim (headlines, table rows); non-numeric claims matched by shared
// wording, with their independent origins counted.
import type { Claim, ClaimSet } from '../../../shared/types/claims.ts';
import type { CompareResult, Corroboration } from '../../../shared/types/compare.ts';
import { compareFigures } from '../../../shared/compare/engine.ts';
import { sameTextOrigins } from '../../../shared/compare/stories.ts';
import { LEX } from '../../../shared/compare/lexicon.ts';
import { extractQuantities } from '../claims/quantities.ts';
import { tokenize } from '../claims/tokens.ts';

export interface CompareInput {
  /** How the caller named the document (path or id); echoed in the output. */
  doc: string;
  docId: string | null;
  title: string;
  published: string | null;
  outlet?: string | null;
  claims: ClaimSet;
}

/** Lines of at most this many words are read for figures beside the claims: headlines, table rows, captions. */
const LINE_FIGURE_WORDS = 30;

/** Whether a line is short enough to be read for figures beside the claims (a headline, a table row, a caption). */
export function isFigureLine(line: string): boolean {
  const trimmed = line.trim();
  return !!trimmed && trimmed.split(/\s+/).length <= LINE_FIGURE_WORDS;
}

/** Lines no claim covers (headlines, table rows, captions) that still carry figures. */
export function lineFigures(set: ClaimSet): Claim[] {
  const out: Claim[] = [];
  const covered = set.claims.map((c) => [c.start, c.end] as const);
  let offset = 0;
  for (const line of set.text.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const trimmed = line.trim();
    if (!isFigureLine(line) || covered.some(([s, e]) => s < end && e > start)) continue;
    const lead = line.indexOf(trimmed);
    const scan = extractQuantities(trimmed, tokenize(trimmed), start + lead);
    if (!scan.quantities.length) continue;
    out.push({
      id: `l${start + lead}`,
      start: start + lead,
      end: start + lead + trimmed.length,
      text: trimmed,
      kind: 'quantity',
      certainty: 'asserted',
      hedges: [],
      negated: false,
      attribution: null,
      quantities: scan.quantities,
      entities: [],
      score: 0.5,
    });
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/** Who a claim ultimately comes from: its named source, else its outlet, else the document's text origin. */
function originOf(claim: Claim, textOrigin: string): string {
  const raw = claim.attribution?.source ?? claim.attribution?.via[0] ?? null;
  if (!raw) return `document:${textOrigin}`;
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

/** Content words of a claim, and the pairs of neighbouring ones that make its wording recognisable. */
function wording(text: string): { words: Set<string>; pairs: string[] } {
  const list = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !LEX.stopwords.has(w));
  const pairs: string[] = [];
  for (let i = 0; i + 1 < list.length; i++) pairs.push(`${list[i]} ${list[i + 1]}`);
  return { words: new Set(list), pairs };
}

/**
 * Statements made in several documents: claims without figures that share wording (two or more word
 * pairs, and a quarter of their words), found through one posting list per word pair so the cost grows
 * with the claims, not their pairs; then counted by independent origin.
 */
function corroborate(inputs: CompareInput[], titles: string[]): Corroboration[] {
  type Entry = { id: number; doc: string; docId: string | null; textOrigin: string; claim: Claim; words: Set<string>; pairs: string[] };
  const textOrigins = sameTextOrigins(inputs.map((i) => i.claims.text));
  const entries: Entry[] = [];
  inputs.forEach((input, i) => {
    for (const claim of input.claims.claims) {
      if (claim.review?.status === 'rejected' || claim.quantities.length) continue;
      entries.push({ id: entries.length, doc: input.doc, docId: input.docId, textOrigin: titles[textOrigins[i]], claim, ...wording(claim.text) });
    }
  });
  if (entries.length < 2) return [];
  const postings = new Map<string, number[]>();
  for (const e of entries) {
    for (const pair of new Set(e.pairs)) {
      const list = postings.get(pair);
      if (list) list.push(e.id);
      else postings.set(pair, [e.id]);
    }
  }
  const shared = new Map<number, number>();
  for (const ids of postings.values()) {
    // A word pair in very many claims (a boilerplate phrase) says nothing about any two of them.
    if (ids.length < 2 || ids.length > 40) continue;
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      if (entries[ids[i]].doc === entries[ids[j]].doc) continue;
      const key = ids[i] * entries.length + ids[j];
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [key, count] of shared) {
    if (count < 2) continue;
    const [a, b] = [entries[Math.floor(key / entries.length)], entries[key % entries.length]];
    if (jaccard(a.words, b.words) >= 0.25) parent[find(a.id)] = find(b.id);
  }
  const clusters = new Map<number, Entry[]>();
  for (const e of entries) clusters.set(find(e.id), [...(clusters.get(find(e.id)) ?? []), e]);
  const out: Corroboration[] = [];
  for (const members of clusters.values()) {
    if (new Set(members.map((m) => m.doc)).size < 2) continue;
    const origins: string[] = [];
    for (const m of members) {
      const origin = originOf(m.claim, m.textOrigin);
      if (!origins.some((o) => sameOrigin(o, origin))) origins.push(origin);
    }
    out.push({
      id: `k${out.length + 1}`,
      members: members.map((m) => ({ doc: m.doc, docId: m.docId, claimId: m.claim.id, start: m.claim.start, end: m.claim.end, text: m.claim.text, source: m.claim.attribution?.source ?? null, via: m.claim.attribution?.via ?? [] })),
      origins: origins.map((o) => o.replace(/^document:/, '')),
      independentSources: origins.length,
    });
  }
  return out.sort((a, b) => b.independentSources - a.independentSources || b.members.length - a.members.length);
}

/** Compares documents' claims; `corroborations: false` leaves out the statements matched by wording, for callers that list only figures. */
export function compareClaims(inputs: CompareInput[], options: { corroborations?: boolean } = {}): CompareResult {
  const groups = compareFigures(
    inputs.map((input) => ({
      doc: input.doc,
      docId: input.docId,
      title: input.title,
      published: input.published,
      outlet: input.outlet ?? null,
      text: input.claims.text,
      claims: [...input.claims.claims, ...lineFigures(input.claims)].sort((a, b) => a.start - b.start),
    })),
  );
  return { groups, corroborations: options.corroborations === false ? [] : corroborate(inputs, inputs.map((i) => i.title)) };
}
