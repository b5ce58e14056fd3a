// Which story each document belongs to, and which documents share one origin, judged from their text:
// TF-IDF cosine over distinctive words and names (documents about one event share places, people,
// organisations and rare words), and word-shingle containment for copies of the same text (one article
// imported twice, or two outlets running the same wire copy).
import { LEX, placeOf } from './lexicon.ts';

/** Two documents whose similarity reaches this are about the same story. */
export const STORY_SIMILARITY = 0.09;
/** Two groups of documents join when their mean similarity reaches this share of the story threshold. */
export const LINKAGE_SHARE = 0.75;
/** Two groups of reports are two stories when each group's lead word is in at most this share of the other's reports. */
export const LEAD_SHARE = 0.2;
/** Reports a group needs for its lead word to say what it is about. */
export const LEAD_REPORTS = 2;
/** Groups more alike than this multiple of the story threshold are one story whatever their lead words. */
export const LEAD_CEILING = 2;
/** Above this multiple of the story threshold, documents are one story whatever countries they name. */
export const APART_CEILING = 3;
/** Share of one text's 8-word shingles found in another for the two to count as one origin. */
export const SAME_TEXT_CONTAINMENT = 0.5;
/**
 * Documents assumed to lie outside the compared set, none of them holding the word: they keep a word
 * that every compared report uses (the story's own place or company) from weighing nothing when one
 * story is compared on its own.
 */
export const BACKGROUND_DOCUMENTS = 20;

function terms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const tokens = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  let previousName: string | null = null;
  for (const raw of tokens) {
    const lower = raw.toLowerCase().replace(/['’]s$/, '');
    const isName = /^\p{Lu}/u.test(raw) && lower.length > 1;
    if (lower.length < 3 || LEX.stopwords.has(lower)) {
      previousName = null;
      continue;
    }
    // Names weigh more than common words: they are what a story's reports have in common.
    counts.set(lower, (counts.get(lower) ?? 0) + (isName ? 2 : 1));
    if (isName && previousName) counts.set(`${previousName} ${lower}`, (counts.get(`${previousName} ${lower}`) ?? 0) + 2);
    previousName = isName ? lower : null;
  }
  return counts;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** Cosine similarity of every pair of documents over TF-IDF weighted terms. */
export function similarities(texts: string[]): number[][] {
  return weigh(texts).sims;
}

/** Each document's TF-IDF weighted terms, and the cosine similarity of every pair of documents. */
function weigh(texts: string[]): { sims: number[][]; vectors: Array<{ v: Map<string, number>; norm: number }> } {
  const bags = texts.map(terms);
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const vectors = bags.map((bag) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of bag) {
      // Smoothed IDF, so two documents alone still weigh a shared rare word above a shared common one.
      const w = (1 + Math.log(c)) * Math.log((n + BACKGROUND_DOCUMENTS + 1) / ((df.get(t) ?? 1) + 0.5));
      v.set(t, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) || 1 };
  });
  const sims = texts.map(() => new Array<number>(n).fill(0));
  // Only pairs that share a distinctive term (one in at most a quarter of the documents, or in a
  // handful) can reach the story threshold; the others are left at zero without being computed.
  const rareLimit = Math.max(4, Math.ceil(n / 4));
  const postings = new Map<string, number[]>();
  bags.forEach((bag, doc) => {
    for (const t of bag.keys()) {
      if ((df.get(t) ?? 0) > rareLimit) continue;
      const list = postings.get(t);
      if (list) list.push(doc);
      else postings.set(t, [doc]);
    }
  });
  const candidates = new Set<number>();
  for (const docs of postings.values()) for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) candidates.add(docs[i] * n + docs[j]);
  for (const pair of candidates) {
    const [i, j] = [Math.floor(pair / n), pair % n];
    const [a, b] = vectors[i].v.size < vectors[j].v.size ? [vectors[i], vectors[j]] : [vectors[j], vectors[i]];
    let dot = 0;
    for (const [t, w] of a.v) {
      const o = b.v.get(t);
      if (o) dot += w * o;
    }
    sims[i][j] = sims[j][i] = dot / (a.norm * b.norm);
  }
  return { sims, vectors };
}

/** How often a text uses each name (a capitalised word that is no place, day or month), lower case. */
function namesIn(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of text.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []) {
    const lower = raw.toLowerCase().replace(/['’]s$/, '');
    if (lower.length < 3 || LEX.stopwords.has(lower) || LEX.calendarWords.has(lower) || placeOf(lower)) continue;
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  return counts;
}

/** Times a name must recur in a report to be what the report is about. */
const LEADING_NAME_USES = 4;
/** Times a report may name another report's subject and still be about its own. */
const OTHER_NAME_USES = 2;

/** The name a report uses most, four times or more (a storm, a company, a disease); null when none recurs so, or two tie. */
function leadingName(counts: Map<string, number>): string | null {
  let [best, most, tie] = ['', 0, false];
  for (const [name, n] of counts) {
    if (n > most) [best, most, tie] = [name, n, false];
    else if (n === most) tie = true;
  }
  return most >= LEADING_NAME_USES && !tie ? best : null;
}

/** The countries a text names, with how often, by their names, codes and demonyms. */
function countriesOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const tokens = text.match(/\p{Lu}[\p{L}.]*(?:['’]s)?/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const one = tokens[i].replace(/['’]s$/, '').replace(/\.$/, (m) => (/^(?:\p{L}\.)+$/u.test(tokens[i]) ? m : ''));
    const two = i + 1 < tokens.length ? placeOf(`${one} ${tokens[i + 1].replace(/['’]s$/, '')}`) : null;
    const code = two ?? placeOf(one);
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    if (two) i++;
  }
  return counts;
}

/** The country a text names most; between equals, the one it names first (its headline's). */
function leadingCountry(counts: Map<string, number>): string | null {
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  return best;
}

/**
 * A story id per document: groups of documents joined by average linkage over their similarity. Two reports of the same kind
 * of event in different countries (two earthquakes, two elections) share much wording; they are kept
 * apart when each is mostly about a country the other never names.
 */
export function clusterStories(texts: string[], threshold = STORY_SIMILARITY): number[] {
  const { sims, vectors } = weigh(texts);
  const countries = texts.map(countriesOf);
  const leading = countries.map(leadingCountry);
  const nameCounts = texts.map(namesIn);
  const names = nameCounts.map(leadingName);
  const apart = (i: number, j: number) => {
    const [a, b] = [leading[i], leading[j]];
    // Only near the threshold: reports far more alike than that are one story whatever places they name.
    if (sims[i][j] < APART_CEILING * threshold && a !== null && b !== null && a !== b && !countries[i].has(b) && !countries[j].has(a)) return true;
    // Two reports each about a name the other uses twice at most, and less than half as often as its own
    // ("Helene", "Ian"; "Meta", "Nvidia"), however alike their wording (the same insurers, the same
    // market): two events of one kind. A report that names the other's subject three times or more
    // ("Musk" beside "Tesla") may be the same story told through another name.
    const [x, y] = [names[i], names[j]];
    const about = (d: number, own: string, other: string) => {
      const uses = nameCounts[d].get(other) ?? 0;
      return uses <= OTHER_NAME_USES && 2 * uses < nameCounts[d].get(own)!;
    };
    return x !== null && y !== null && x !== y && about(i, x, y) && about(j, y, x);
  };
  // Reports are also apart when each is about a name the other hardly uses (see `apart`).
  // Average linkage, strongest pairs first: two groups of documents join only when their documents are
  // alike on average, not through one bridging pair (two market stories sharing "shares" and "Wall
  // Street", two disasters sharing "death toll"), so stories of one kind do not chain into one. Each
  // group keeps the sum of its documents' similarities to every document, updated on each merge, so a
  // group-to-group mean costs the size of the smaller group.
  // Two groups of reports each led by a word the other hardly uses ("Ebola" and "monkeypox", "Netflix"
  // and "Nvidia") are two stories of one kind, however much of their wording they share. A group's lead
  // word is the one most of its reports use, weighed most among those. Only two groups of two reports
  // or more, one of them three or more, no more alike than twice the story threshold, are told apart so.
  const leads = new Map<number, string>();
  const leadOf = (group: number[]): string => {
    const root = uf.find(group[0]);
    let lead = leads.get(root);
    if (lead === undefined) {
      const weight = new Map<string, number>();
      const reports = new Map<string, number>();
      for (const d of group) {
        for (const [t, w] of vectors[d].v) {
          weight.set(t, (weight.get(t) ?? 0) + w / vectors[d].norm);
          reports.set(t, (reports.get(t) ?? 0) + 1);
        }
      }
      // The word most of its reports use, weighed most among those.
      lead = '';
      let [most, best] = [0, -Infinity];
      for (const [t, w] of weight) {
        const n = reports.get(t)!;
        if (n > most || (n === most && w > best)) [lead, most, best] = [t, n, w];
      }
      leads.set(root, lead);
    }
    return lead;
  };
  const share = (term: string, group: number[]) => group.filter((d) => vectors[d].v.has(term)).length / group.length;
  const aboutDifferentThings = (left: number[], right: number[]) =>
    left.length >= LEAD_REPORTS && right.length >= LEAD_REPORTS && left.length + right.length > 2 * LEAD_REPORTS && share(leadOf(left), right) <= LEAD_SHARE && share(leadOf(right), left) <= LEAD_SHARE;
  const uf = new UnionFind(texts.length);
  const members = new Map<number, number[]>(texts.map((_, i) => [i, [i]]));
  const sums = new Map<number, ArrayLike<number>>(texts.map((_, i) => [i, sims[i]]));
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (sims[i][j] >= threshold && !apart(i, j)) pairs.push([i, j]);
  pairs.sort((p, q) => sims[q[0]][q[1]] - sims[p[0]][p[1]]);
  for (const [i, j] of pairs) {
    const [a, b] = [uf.find(i), uf.find(j)];
    if (a === b) continue;
    const [left, right] = [members.get(a)!, members.get(b)!];
    const [small, other] = left.length <= right.length ? [left, b] : [right, a];
    const toOther = sums.get(other)!;
    let total = 0;
    for (const d of small) total += toOther[d];
    if (total / (left.length * right.length) < LINKAGE_SHARE * threshold) continue;
    if (total / (left.length * right.length) < LEAD_CEILING * threshold && aboutDifferentThings(left, right)) continue;
    uf.union(a, b);
    leads.delete(a);
    leads.delete(b);
    const root = uf.find(a);
    const [sa, sb] = [sums.get(a)!, sums.get(b)!];
    const merged = new Float64Array(texts.length);
    for (let d = 0; d < texts.length; d++) merged[d] = sa[d] + sb[d];
    for (const key of [a, b]) {
      members.delete(key);
      sums.delete(key);
    }
    members.set(root, [...left, ...right]);
    sums.set(root, merged);
  }
  return texts.map((_, i) => uf.find(i));
}


function shingles(text: string, size = 8): Set<string> {
  const ws = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + size <= ws.length; i++) out.add(ws.slice(i, i + size).join(' '));
  return out;
}

/** An origin id per document: copies of one text (either way round) share one. */
export function sameTextOrigins(texts: string[], threshold = SAME_TEXT_CONTAINMENT): number[] {
  const sets = texts.map((t) => shingles(t));
  // Only documents that share a shingle are compared, counted through one posting list per shingle.
  const postings = new Map<string, number[]>();
  sets.forEach((set, doc) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list) list.push(doc);
      else postings.set(s, [doc]);
    }
  });
  const shared = new Map<number, number>();
  for (const docs of postings.values()) {
    if (docs.length < 2 || docs.length > 50) continue;
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) {
      const pair = docs[i] * texts.length + docs[j];
      shared.set(pair, (shared.get(pair) ?? 0) + 1);
    }
  }
  const uf = new UnionFind(texts.length);
  for (const [pair, count] of shared) {
    const [i, j] = [Math.floor(pair / texts.length), pair % texts.length];
    if (count / Math.max(1, Math.min(sets[i].size, sets[j].size)) >= threshold) uf.union(i, j);
  }
  return texts.map((_, i) => uf.find(i));
}
