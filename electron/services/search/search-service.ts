// Full-text search over document titles, text and claim sources with MiniSearch. The index is kept
// on disk and reconciled with the library at start-up, so only documents it missed are read again.
import MiniSearch from 'minisearch';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import type { SearchHit, SearchQuery, SearchResult, SearchSnippet } from '../../../shared/types/search.ts';
import { DossierError } from '../errors.ts';
import { writeAtomic } from '../storage/atomic.ts';

const INDEX_VERSION = 3;
const SAVE_DELAY_MS = 2000;
const SNIPPET_RADIUS = 90;

interface IndexedDocument {
  id: string;
  title: string;
  text: string;
  claims: string;
}

export interface SearchDeps {
  dir: string;
  documents(): Iterable<DocumentRecord>;
  readText(id: string): Promise<string>;
  /** Synchronous read for snippets: twenty small files read in a row beat twenty thread-pool round trips. */
  readTextSync(id: string): string;
  readClaims(id: string): Promise<ClaimSet | null>;
}

// Function words make up about half of running text: leaving them out of the index halves its size
// and keeps common-word queries from scoring every document.
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i in is it its of on or she that the their them they this to was were which who will with would'.split(' '),
);

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

const OPTIONS = {
  fields: ['title', 'text', 'claims'],
  processTerm,
  searchOptions: {
    boost: { title: 3, claims: 1.5 },
    processTerm,
    // Prefix matching only for the word being typed; typo tolerance is a fallback (see search()).
    prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length > 2,
    combineWith: 'AND' as const,
  },
};

function claimField(claims: ClaimSet | null): string {
  if (!claims) return '';
  const words = new Set<string>();
  for (const claim of claims.claims) {
    if (claim.attribution) for (const name of [claim.attribution.source, ...claim.attribution.via]) words.add(name);
    for (const q of claim.quantities) if (q.unit) words.add(q.unit);
  }
  return [...words].join(' ');
}

/** Terms and quoted phrases of a query, for snippets and the phrase check. */
export function parseQuery(query: string): { terms: string[]; phrases: string[] } {
  const phrases = [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1].trim().replace(/\s+/g, ' ')).filter(Boolean);
  const terms = query
    .replace(/"/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  return { terms, phrases };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function makeSnippet(text: string, terms: string[], phrases: string[]): SearchSnippet | null {
  const needles = [...phrases.map((p) => escapeRegExp(p).replace(/ /g, '\\s+')), ...terms.map((t) => `${escapeRegExp(t)}[\\p{L}\\p{N}]*`)];
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

export class SearchService {
  private index = new MiniSearch<IndexedDocument>(OPTIONS);
  private readonly file: string;
  private saveTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  private ready: Promise<void> | null = null;

  constructor(private readonly deps: SearchDeps) {
    this.file = join(deps.dir, 'index.json');
  }

  /** Loads the stored index and brings it up to date with the library. */
  open(): Promise<void> {
    this.ready ??= this.load();
    return this.ready;
  }

  private async load(): Promise<void> {
    await mkdir(this.deps.dir, { recursive: true });
    let indexed = new Set<string>();
    if (existsSync(this.file)) {
      try {
        const stored = JSON.parse(await readFile(this.file, 'utf8')) as { version: number; ids: string[]; index: unknown };
        if (stored.version === INDEX_VERSION) {
          this.index = MiniSearch.loadJS(stored.index as never, OPTIONS);
          indexed = new Set(stored.ids);
        }
      } catch {
        this.index = new MiniSearch<IndexedDocument>(OPTIONS); // a damaged index is derived data: rebuild it
      }
    }
    const live = new Set<string>();
    for (const doc of this.deps.documents()) {
      if (doc.deletedAt) continue;
      live.add(doc.id);
      if (!indexed.has(doc.id)) await this.add(doc);
    }
    for (const id of indexed) if (!live.has(id)) this.remove(id);
  }

  async add(doc: DocumentRecord, text?: string, claims?: ClaimSet | null): Promise<void> {
    const entry: IndexedDocument = {
      id: doc.id,
      title: doc.title,
      text: text ?? (await this.deps.readText(doc.id)),
      claims: claimField(claims === undefined ? await this.deps.readClaims(doc.id) : claims),
    };
    if (this.index.has(doc.id)) this.index.discard(doc.id);
    this.index.add(entry);
    this.changed();
  }

  /** Re-indexes a document whose title or claims changed. */
  async update(doc: DocumentRecord): Promise<void> {
    if (doc.deletedAt) this.remove(doc.id);
    else await this.add(doc);
  }

  remove(id: string): void {
    if (!this.index.has(id)) return;
    this.index.discard(id);
    this.changed();
  }

  /** The bare index query, without filters or snippets: the peer figure for benchmarks. */
  rawSearch(query: string): number {
    return this.index.search(query).length;
  }

  async search(request: SearchQuery, records: (id: string) => DocumentRecord | undefined): Promise<SearchResult> {
    const started = performance.now();
    if (typeof request?.query !== 'string') throw new DossierError('bad-request', 'A search needs a query.');
    await this.open();
    const { terms, phrases } = parseQuery(request.query);
    if (!terms.length) return { hits: [], total: 0, tookMs: 0 };
    const limit = Math.min(Math.max(request.limit ?? 20, 1), 200);
    const tags = request.tags?.map((t) => t.toLowerCase());
    const outlet = request.outlet?.toLowerCase();
    const filtered = !!(request.formats?.length || outlet || tags?.length || request.from || request.to);
    const filter = (result: { id: unknown }) => {
      const doc = records(result.id as string);
      if (!doc || doc.deletedAt) return false;
      if (!filtered) return true;
      if (request.formats?.length && !request.formats.includes(doc.format)) return false;
      if (outlet && doc.outlet?.toLowerCase() !== outlet) return false;
      if (tags?.length && !tags.every((t) => doc.tags.some((own) => own.toLowerCase() === t))) return false;
      if (request.from && (!doc.published || doc.published.slice(0, 10) < request.from)) return false;
      if (request.to && (!doc.published || doc.published.slice(0, 10) > request.to)) return false;
      return true;
    };
    let matches = this.index.search(terms.join(' '), { filter });
    // Nothing found: allow small typos ("evacuted") before giving up.
    if (!matches.length) matches = this.index.search(terms.join(' '), { filter, fuzzy: (term: string) => (term.length > 4 ? 0.2 : false) });
    const hits: SearchHit[] = [];
    for (const match of matches) {
      if (hits.length >= limit) break;
      const doc = records(match.id as string)!;
      const text = this.deps.readTextSync(doc.id);
      if (phrases.length) {
        const flat = text.replace(/\s+/g, ' ').toLowerCase();
        if (!phrases.every((p) => flat.includes(p.toLowerCase()) || doc.title.toLowerCase().includes(p.toLowerCase()))) continue;
      }
      hits.push({
        docId: doc.id,
        title: doc.title,
        format: doc.format,
        outlet: doc.outlet,
        published: doc.published,
        score: Number(match.score.toFixed(3)),
        fields: [...new Set(Object.values(match.match).flat())],
        snippet: makeSnippet(text, terms, phrases),
      });
    }
    return { hits, total: phrases.length ? hits.length : matches.length, tookMs: Number((performance.now() - started).toFixed(2)) };
  }

  private changed(): void {
    this.dirty = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.dirty) return;
    this.dirty = false;
    const ids: string[] = [];
    for (const doc of this.deps.documents()) if (this.index.has(doc.id)) ids.push(doc.id);
    await writeAtomic(this.file, JSON.stringify({ version: INDEX_VERSION, ids, index: this.index }));
  }

  async close(): Promise<void> {
    if (this.ready) await this.ready.catch(() => {});
    await this.flush();
  }
}
