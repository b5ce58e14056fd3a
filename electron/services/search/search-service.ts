// Full-text search over document titles, text, claim sources and the user's notes with FlexSearch.
// The index is kept on disk and reconciled with the library at start-up, so only documents it missed are read again.
import { Index, Resolver, type DocumentData } from 'flexsearch';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import type { Note } from '../../../shared/types/notes.ts';
import type { SearchHit, SearchQuery, SearchResult, SearchSnippet } from '../../../shared/types/search.ts';
import { foldText, matchesByWords } from '../../../shared/text/words.ts';
import { DossierError } from '../errors.ts';
import { writeAtomic } from '../storage/atomic.ts';

const INDEX_VERSION = 6;
const SAVE_DELAY_MS = 2000;
const SNIPPET_RADIUS = 90;
/** A short prefix can stand for hundreds of words; the most common ones are enough to search as you type. */
const MAX_PREFIX_VARIANTS = 30;

export interface SearchDeps {
  dir: string;
  documents(): Iterable<DocumentRecord>;
  readText(id: string): Promise<string>;
  /** Synchronous read for snippets: twenty small files read in a row beat twenty thread-pool round trips. */
  readTextSync(id: string): string;
  readClaims(id: string): Promise<ClaimSet | null>;
  /** Every note in the library; notes attached to a document make it findable by their words. */
  notes(): Iterable<Pick<Note, 'docId' | 'body' | 'deletedAt'>>;
}

// Function words make up about half of running text: leaving them out of the index halves its size
// and keeps common-word queries from matching every document.
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its of on or she that the their them they this to was were which who will with would'.split(' '),
);

/**
 * Words, and numbers whole: a figure with thousands separators, a decimal part or a percent sign is one
 * token ("3,000", "4.5", "40%"), so a search for a figure does not match every "3" and every "000". A
 * number glued to letters ("19th", "G7") is a word.
 */
const TOKEN = /(\p{N}+(?:[.,]\p{N}+)*%?)(?![\p{L}\p{N}])|[\p{L}\p{N}]+/gu;
const THOUSANDS = /^\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?%?$/u;
const PERCENT_WORDS = new Set(['percent', 'pct']);

/** A number as indexed: thousands separators dropped ("3,000" and "3000" are one figure); any other comma kept. */
function numberTerm(raw: string): string {
  return THOUSANDS.test(raw) ? raw.replace(/,/g, '') : raw;
}

function isNumberTerm(term: string): boolean {
  return /^\p{N}+(?:[.,]\p{N}+)*%?$/u.test(term);
}

/** The tokens of a text as written, numbers whole: what snippets highlight. */
function rawTokens(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0]);
}

/** The one tokenizer for indexing and querying, so both split words and numbers the same way. */
export function encode(text: string): string[] {
  const words: string[] = [];
  let lastNumber: string | null = null;
  let per = false;
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    if (match[1] !== undefined) {
      const term = numberTerm(match[1]);
      words.push(term);
      lastNumber = term.endsWith('%') ? null : term;
      per = false;
      continue;
    }
    const word = match[0];
    // "40 percent" and "40 per cent" are also found as "40%".
    if (lastNumber && (PERCENT_WORDS.has(word) || (per && word === 'cent'))) {
      words.push(`${lastNumber}%`);
      lastNumber = null;
    } else if (word !== 'per') lastNumber = null;
    per = word === 'per' && lastNumber !== null;
    if (!STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

// Numeric slots rather than document ids inside the index: postings become arrays of small integers,
// which take a fraction of the memory and of the file that string ids would.
function newIndex(): Index {
  return new Index({ tokenize: 'strict', encode, fastupdate: false });
}

type Postings = Map<string, Array<number[] | undefined>>;

/**
 * The index's own term table. FlexSearch has no API to list terms, and prefix and typo matching need
 * them; the search tests pin the shape, so an upgrade that changes it fails there, not in use.
 */
function postings(index: Index): Postings {
  return (index as unknown as { map: Postings }).map;
}

function documentFrequency(index: Index, term: string): number {
  let count = 0;
  for (const slots of postings(index).get(term) ?? []) count += slots?.length ?? 0;
  return count;
}

/** Edit distance with transpositions, giving up once it exceeds `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length] <= max;
}

function claimWords(claims: ClaimSet | null): string {
  if (!claims) return '';
  const words = new Set<string>();
  for (const claim of claims.claims) {
    if (claim.attribution) for (const name of [claim.attribution.source, ...claim.attribution.via]) words.add(name);
    for (const q of claim.quantities) if (q.unit) words.add(q.unit);
  }
  return [...words].join(' ');
}

/** What the stored claims were when indexed: re-reading them is only needed when this changes. */
function claimsSignature(doc: DocumentRecord): string {
  return `${doc.claimsVersion ?? ''}:${doc.claimCount}`;
}

/**
 * A query as the search box takes it: words that must all match, `OR` between words that may stand
 * for each other, `-word` to leave out documents that have it, and "quoted phrases" (`-"a phrase"` too).
 */
export interface ParsedQuery {
  /** Every group must match; a group matches when any of its words does ("pilots OR crew"). */
  groups: string[][];
  /** Phrases a result must contain, as typed. */
  phrases: string[];
  /** Words no result may contain (as indexed). */
  excluded: string[];
  /** Phrases no result may contain. */
  excludedPhrases: string[];
  /** The words and numbers to highlight in snippets, as typed. */
  terms: string[];
  /** The query ends inside a word, which may be the start of a longer one (search as you type). */
  openEnd: boolean;
}

const QUERY_PART = /(-?)"([^"]*)"?|(\S+)/g;

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { groups: [], phrases: [], excluded: [], excludedPhrases: [], terms: [], openEnd: /[\p{L}\p{N}%]$/u.test(query) };
  let orNext = false;
  for (const part of query.matchAll(QUERY_PART)) {
    const negative = part[1] === '-';
    if (part[2] !== undefined) {
      const phrase = part[2].trim().replace(/\s+/g, ' ');
      if (!phrase) continue;
      if (negative) parsed.excludedPhrases.push(phrase);
      else {
        parsed.phrases.push(phrase);
        for (const word of encode(phrase)) parsed.groups.push([word]);
        parsed.terms.push(...rawTokens(phrase));
      }
      orNext = false;
      continue;
    }
    const token = part[3]!;
    if (token === 'OR' || token === '|') {
      orNext = parsed.groups.length > 0;
      continue;
    }
    if (token.length > 1 && token.startsWith('-') && /[\p{L}\p{N}]/u.test(token[1])) {
      parsed.excluded.push(...encode(token.slice(1)));
      orNext = false;
      continue;
    }
    const words = encode(token);
    if (!words.length) continue;
    const [first, ...rest] = words;
    if (orNext) parsed.groups[parsed.groups.length - 1].push(first);
    else parsed.groups.push([first]);
    for (const word of rest) parsed.groups.push([word]);
    parsed.terms.push(...rawTokens(token));
    orNext = false;
  }
  return parsed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for a figure however the text groups its digits: "3000" and "3,000" find "3,000" and
 * "3000"; "40%" finds "40%" and "40 percent"; never a longer number ("30,000", "4.55").
 */
function numberNeedle(term: string): string {
  const percent = term.endsWith('%');
  const [whole, fraction] = term.replace(/%$/, '').replace(/,(?=\p{N}{3}(?:\D|$))/gu, '').split('.') as [string, string?];
  const groups: string[] = [];
  for (let end = whole.length; end > 0; end -= 3) groups.unshift(whole.slice(Math.max(0, end - 3), end));
  let needle = groups.map(escapeRegExp).join('[,\\u00a0\\u202f]?');
  if (fraction !== undefined) needle += `\\.${escapeRegExp(fraction)}`;
  needle += '(?![.,]?\\p{N})';
  return percent ? `${needle}(?:\\s?%|\\s+per\\s?cent\\b)` : needle;
}

export function makeSnippet(text: string, terms: string[], phrases: string[]): SearchSnippet | null {
  const needles = [
    ...phrases.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')),
    ...terms.map((t) => (isNumberTerm(t) ? numberNeedle(t) : `${escapeRegExp(t)}[\\p{L}\\p{N}]*`)),
  ];
  if (!needles.length) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${needles.join('|')})`, 'giu');
  const first = pattern.exec(text);
  if (!first) return null;
  let start = Math.max(0, first.index - SNIPPET_RADIUS);
  let end = Math.min(text.length, first.index + first[0].length + SNIPPET_RADIUS);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > first.index ? text.lastIndexOf(' ', end) : end;
  const slice = text.slice(start, end);
  const highlights: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (const match of slice.matchAll(pattern)) highlights.push([match.index, match.index + match[0].length]);
  return { text: slice.replace(/\s+/g, ' '), start, highlights: slice.includes('\n') ? remap(slice, highlights) : highlights };
}

/** Collapsing whitespace shifts offsets; recompute highlights on the collapsed text. */
function remap(slice: string, highlights: Array<[number, number]>): Array<[number, number]> {
  const map: number[] = [];
  let out = 0;
  for (let i = 0; i < slice.length; i++) {
    map.push(out);
    if (!(/\s/.test(slice[i]) && i > 0 && /\s/.test(slice[i - 1]))) out++;
  }
  map.push(out);
  return highlights.map(([s, e]) => [map[s], map[e]]);
}

/** Lets requests that arrived meanwhile be served between the long steps of loading the index. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Per slot: the document it holds, and the title and claims it was indexed with. */
type SlotEntry = [id: string, title: string, claims: string] | null;

/**
 * The index file is JSON lines: a header with the slots, then the term table of each stored index in
 * lines of about LINE_CHARS, in FlexSearch's own import format. Parsing one short line at a time lets
 * the host answer requests between lines instead of stalling on one large parse.
 */
interface StoredHeader {
  version: number;
  slots: SlotEntry[];
}
type StoredName = 'text' | 'titles' | 'claims';
type StoredLine = [StoredName, Array<[string, Array<number[] | undefined>]>];
const LINE_CHARS = 256 * 1024;

export class SearchService {
  /** Document text: the large index, written once per document and only removed with it. */
  private text = newIndex();
  /** Titles and claim sources are indexed apart, so editing a title or re-extracting claims stays cheap. */
  private titles = newIndex();
  private claims = newIndex();
  /** Rebuilt from the notes at start-up: they are few, and edited far more often than documents. */
  private notes = newIndex();
  private slots: SlotEntry[] = [null];
  private slotOf = new Map<string, number>();
  private readonly file: string;
  private saveTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  private ready: Promise<void> | null = null;

  constructor(private readonly deps: SearchDeps) {
    this.file = join(deps.dir, 'index.json');
  }

  /** Whether loading has begun (it may not have finished). */
  get loadStarted(): boolean {
    return this.ready !== null;
  }

  /** Loads the stored index and brings it up to date with the library. */
  open(): Promise<void> {
    this.ready ??= this.load();
    return this.ready;
  }

  private async load(): Promise<void> {
    // In a read-only library the folder may be missing and cannot be made: the index lives in memory.
    await mkdir(this.deps.dir, { recursive: true }).catch(() => {});
    if (existsSync(this.file)) {
      try {
        await this.restore((await readFile(this.file, 'utf8')).split('\n'));
      } catch {
        this.reset(); // a damaged index is derived data: rebuild it
      }
    }
    // Notes are not stored with the index: those of the restored documents are indexed here, in one
    // pass; documents indexed below pick up their own.
    const byDocument = new Map<string, string[]>();
    for (const note of this.deps.notes()) {
      if (note.deletedAt || !note.docId) continue;
      const bodies = byDocument.get(note.docId);
      if (bodies) bodies.push(note.body);
      else byDocument.set(note.docId, [note.body]);
    }
    for (const [docId, bodies] of byDocument) {
      const slot = this.slotOf.get(docId);
      if (slot !== undefined) this.notes.add(slot, bodies.join('\n'));
    }
    const live = new Set<string>();
    let seen = 0;
    for (const doc of this.deps.documents()) {
      if (doc.deletedAt) continue;
      live.add(doc.id);
      await this.refresh(doc);
      if (++seen % 1000 === 0) await yieldToRequests();
    }
    for (const id of [...this.slotOf.keys()]) {
      if (live.has(id)) continue;
      // Each removal scans the text index; between them, requests waiting on the host are served.
      this.drop(id);
      await yieldToRequests();
    }
  }

  private async restore(lines: string[]): Promise<void> {
    const header = JSON.parse(lines[0]) as StoredHeader;
    if (header.version !== INDEX_VERSION) return;
    const stored = this.stored;
    const live = header.slots.flatMap((entry, slot) => (entry ? [slot] : []));
    // Every live slot is registered in each index, so that removing one finds it.
    for (const index of Object.values(stored)) index.import('reg', live as unknown as string);
    for (let i = 1; i < lines.length; i++) {
      if (i % 4 === 0) await yieldToRequests();
      const [name, terms] = JSON.parse(lines[i]) as StoredLine;
      stored[name].import('map', terms as unknown as string);
    }
    this.slots = header.slots;
    this.slots.forEach((entry, slot) => entry && this.slotOf.set(entry[0], slot));
  }

  /** The indexes kept on disk; notes are rebuilt at start-up instead. */
  private get stored(): Record<StoredName, Index> {
    return { text: this.text, titles: this.titles, claims: this.claims };
  }

  private reset(): void {
    this.text = newIndex();
    this.titles = newIndex();
    this.claims = newIndex();
    this.slots = [null];
    this.slotOf.clear();
  }

  async add(doc: DocumentRecord, text?: string, claims?: ClaimSet | null): Promise<void> {
    // Every change waits for the stored index: slots given out before it loads would collide with its own.
    await this.open();
    return this.insert(doc, text, claims);
  }

  /** Brings one document's entry up to date: indexes it if missing, or re-indexes a changed title or claims. */
  async update(doc: DocumentRecord): Promise<void> {
    await this.open();
    return this.refresh(doc);
  }

  private async insert(doc: DocumentRecord, text?: string, claims?: ClaimSet | null): Promise<void> {
    const body = text ?? (await this.deps.readText(doc.id));
    const claimSet = claims === undefined ? await this.deps.readClaims(doc.id) : claims;
    if (this.slotOf.has(doc.id)) this.drop(doc.id);
    const slot = this.slots.length;
    this.slots.push([doc.id, doc.title, claimsSignature(doc)]);
    this.slotOf.set(doc.id, slot);
    this.text.add(slot, body);
    this.titles.add(slot, doc.title);
    this.claims.add(slot, claimWords(claimSet));
    const notes = this.notesOf(doc.id);
    if (notes) this.notes.add(slot, notes);
    this.changed();
  }

  private async refresh(doc: DocumentRecord): Promise<void> {
    // A deleted document stays indexed until the library purges it: search hides it, and undo costs nothing.
    if (doc.deletedAt) return;
    const slot = this.slotOf.get(doc.id);
    if (slot === undefined) return this.insert(doc);
    const entry = this.slots[slot]!;
    if (entry[1] !== doc.title) {
      this.titles.remove(slot);
      this.titles.add(slot, doc.title);
      entry[1] = doc.title;
      this.changed();
    }
    if (entry[2] !== claimsSignature(doc)) {
      this.claims.remove(slot);
      this.claims.add(slot, claimWords(await this.deps.readClaims(doc.id)));
      entry[2] = claimsSignature(doc);
      this.changed();
    }
  }

  private drop(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const index of [this.text, this.titles, this.claims, this.notes]) index.remove(slot);
    this.slots[slot] = null;
    this.slotOf.delete(id);
    this.changed();
  }

  /** Re-indexes the notes of one document after a note about it was written, edited or deleted. */
  async notesChanged(docId: string | null): Promise<void> {
    // Before the index starts loading there is nothing to change: loading reads every note.
    if (!docId || !this.ready) return;
    await this.ready;
    const slot = this.slotOf.get(docId);
    if (slot === undefined) return;
    this.notes.remove(slot);
    const notes = this.notesOf(docId);
    if (notes) this.notes.add(slot, notes);
  }

  private notesOf(docId: string): string {
    const bodies: string[] = [];
    for (const note of this.deps.notes()) if (note.docId === docId && !note.deletedAt) bodies.push(note.body);
    return bodies.join('\n');
  }

  private get indexes(): Index[] {
    return [this.text, this.titles, this.claims, this.notes];
  }

  /**
   * The words a query term stands for: itself, words it begins (the last term), or near spellings. A
   * number stands only for itself, with or without a percent sign: "40" finds "40%", never "400".
   */
  private variants(term: string, mode: 'exact' | 'prefix' | 'fuzzy'): string[] {
    if (isNumberTerm(term)) return term.endsWith('%') ? [term] : [term, `${term}%`];
    if (mode === 'exact' || (mode === 'prefix' && term.length < 3) || (mode === 'fuzzy' && term.length < 5)) return [term];
    const maxEdits = term.length >= 10 ? 2 : 1;
    const found = new Map<string, number>();
    for (const index of this.indexes) {
      for (const word of postings(index).keys()) {
        if (mode === 'prefix' ? !word.startsWith(term) : !withinEdits(term, word, maxEdits)) continue;
        found.set(word, (found.get(word) ?? 0) + documentFrequency(index, word));
      }
    }
    if (!found.size) return [term];
    return [...found]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_PREFIX_VARIANTS)
      .map(([word]) => word);
  }

  /**
   * Slots holding every term somewhere in `indexes`: a term may sit in the title and the next in a note.
   * FlexSearch ranks by how early the words occur, which in news and reports is where the subject is.
   */
  private match(terms: string[][], indexes: Index[]): number[] {
    let result: Resolver<DocumentData> | null = null;
    for (const words of terms) {
      const parts = indexes.flatMap((index) => words.map((query) => ({ index, query })));
      const either = new Resolver(parts[0]);
      if (parts.length > 1) either.or(...parts.slice(1));
      // and() changes the resolver in place; on an empty one it hands back a bare array instead.
      if (!either.result.length) return [];
      if (result) result.and(either);
      else result = either;
      if (!result.result.length) return [];
    }
    return result ? (result.resolve({ limit: Math.max(1, this.slots.length) }) as number[]) : [];
  }

  /** Each group's words with their variants; only the last word of an open-ended query is a prefix. */
  private query(groups: string[][], mode: 'prefix' | 'fuzzy', openEnd = true): string[][] {
    return groups.map((group, g) => {
      const last = g === groups.length - 1;
      return [...new Set(group.flatMap((word, w) => this.variants(word, mode === 'prefix' && !(last && openEnd && w === group.length - 1) ? 'exact' : mode)))];
    });
  }

  /** Slots holding any of the words, in any index. */
  private anyOf(words: string[]): Set<number> {
    const out = new Set<number>();
    for (const word of words) for (const slot of this.match([this.variants(word, 'exact')], this.indexes)) out.add(slot);
    return out;
  }

  /** The bare index query, without filters, ranking or snippets: the peer figure for benchmarks. */
  rawSearch(query: string): number {
    const words = encode(query);
    return words.length ? this.match(this.query(words.map((w) => [w]), 'prefix'), this.indexes).length : 0;
  }

  /**
   * Ranked documents for a query with filters. With filters and no words, the documents the filters
   * keep, newest first: a filter alone is a way to list documents.
   */
  async search(request: SearchQuery, records: (id: string) => DocumentRecord | undefined): Promise<SearchResult> {
    const started = performance.now();
    if (typeof request?.query !== 'string') throw new DossierError('bad-request', 'A search needs a query.');
    await this.open();
    const parsed = parseQuery(request.query);
    const { groups, phrases, excludedPhrases, terms } = parsed;
    const limit = Math.min(Math.max(request.limit ?? 20, 1), 200);
    const tags = request.tags?.map((t) => foldText(t));
    const filtered = !!(request.formats?.length || request.outlet?.trim() || request.collection || tags?.length || request.from || request.to);
    if (!groups.length && !filtered && !parsed.excluded.length && !excludedPhrases.length) return { hits: [], total: 0, tookMs: 0 };
    const accepts = (doc: DocumentRecord | undefined): doc is DocumentRecord => {
      if (!doc || doc.deletedAt) return false;
      if (request.formats?.length && !request.formats.includes(doc.format)) return false;
      if (request.outlet?.trim() && !matchesByWords(request.outlet, doc.outlet)) return false;
      if (request.collection && !doc.collections?.includes(request.collection)) return false;
      if (tags?.length && !tags.every((t) => doc.tags.some((own) => foldText(own) === t))) return false;
      if (request.from && (!doc.published || doc.published.slice(0, 10) < request.from)) return false;
      if (request.to && (!doc.published || doc.published.slice(0, 10) > request.to)) return false;
      return true;
    };
    const excluded = parsed.excluded.length ? this.anyOf(parsed.excluded) : new Set<number>();
    let variants: string[][] = [];
    let inTitle = new Set<number>();
    let inNotes = new Set<number>();
    const docs: Array<[number, DocumentRecord]> = [];
    if (groups.length) {
      variants = this.query(groups, 'prefix', parsed.openEnd);
      let slots = this.match(variants, this.indexes);
      // Nothing found: allow small typos ("evacuted") before giving up.
      if (!slots.length) {
        variants = this.query(groups, 'fuzzy');
        slots = this.match(variants, this.indexes);
      }
      inTitle = new Set(this.match(variants, [this.titles]));
      inNotes = new Set(this.match(variants, [this.notes]));
      const ranked = [...slots.filter((s) => inTitle.has(s)), ...slots.filter((s) => !inTitle.has(s))];
      for (const slot of ranked) {
        if (excluded.has(slot)) continue;
        const doc = records(this.slots[slot]?.[0] ?? '');
        if (accepts(doc)) docs.push([slot, doc]);
      }
    } else {
      for (const doc of this.deps.documents()) {
        const slot = this.slotOf.get(doc.id) ?? -1;
        if (!excluded.has(slot) && accepts(doc)) docs.push([slot, doc]);
      }
      docs.sort(([, a], [, b]) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));
    }
    const highlight = [...new Set([...terms, ...variants.flat()])];
    const hits: SearchHit[] = [];
    const checksText = phrases.length > 0 || excludedPhrases.length > 0;
    for (const [slot, doc] of docs) {
      if (hits.length >= limit) break;
      const text = groups.length || checksText ? this.deps.readTextSync(doc.id) : '';
      if (checksText) {
        const flat = text.replace(/\s+/g, ' ').toLowerCase();
        const title = doc.title.toLowerCase();
        const has = (p: string) => flat.includes(p.toLowerCase()) || title.includes(p.toLowerCase());
        if (!phrases.every(has) || excludedPhrases.some(has)) continue;
      }
      const snippet = groups.length ? makeSnippet(text, highlight, phrases) : null;
      const fields = [inTitle.has(slot) && 'title', snippet && 'text', inNotes.has(slot) && 'notes'].filter((f): f is string => !!f);
      hits.push({
        docId: doc.id,
        title: doc.title,
        format: doc.format,
        outlet: doc.outlet,
        published: doc.published,
        score: Number((1 - hits.length / (docs.length + 1)).toFixed(3)),
        fields: fields.length ? fields : groups.length ? ['claims'] : [],
        snippet,
      });
    }
    return { hits, total: checksText ? hits.length : docs.length, tookMs: Number((performance.now() - started).toFixed(2)) };
  }

  private changed(): void {
    this.dirty = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // A failed save (a full disk) must not take the host down: the index stays dirty and is saved
    // again with the next change or at close; the file on disk is the previous whole snapshot.
    this.saveTimer = setTimeout(() => void this.flush().catch(() => (this.dirty = true)), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.dirty) return;
    this.dirty = false;
    // Written in one go, so the file is one consistent snapshot of the index.
    const lines = [JSON.stringify({ version: INDEX_VERSION, slots: this.slots } satisfies StoredHeader)];
    for (const [name, index] of Object.entries(this.stored) as Array<[StoredName, Index]>) {
      let chunk: string[] = [];
      let chars = 0;
      const line = () => lines.push(`[${JSON.stringify(name)},[${chunk.join(',')}]]`);
      for (const entry of postings(index)) {
        const json = JSON.stringify(entry);
        chunk.push(json);
        chars += json.length;
        if (chars >= LINE_CHARS) {
          line();
          chunk = [];
          chars = 0;
        }
      }
      if (chunk.length) line();
    }
    await writeAtomic(this.file, lines.join('\n'));
  }

  async close(): Promise<void> {
    if (this.ready) await this.ready.catch(() => {});
    // The index is derived data: failing to save it (a read-only or full disk) only costs a rebuild.
    await this.flush().catch(() => {});
  }
}
