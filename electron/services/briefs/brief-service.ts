// Research briefs: stored outlines of headings, free text, claims, notes and comparison groups,
// resolved against the current library (claims re-found by their anchors) for export.
import { randomBytes } from 'node:crypto';
import type { Brief, BriefItem, CitedSource, ResolvedBrief, ResolvedBriefItem, ResolvedCitation, ResolvedGroup } from '../../../shared/types/brief.ts';
import type { Claim, ClaimSet, Quantity } from '../../../shared/types/claims.ts';
import type { CompareGroup } from '../../../shared/types/compare.ts';
import type { PageSpan } from '../../../shared/types/ingest.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import type { Note } from '../../../shared/types/notes.ts';
import { resolveAnchor, makeAnchor } from '../anchors/anchors.ts';
import type { CompareResult } from '../../../shared/types/compare.ts';
import type { CompareScope } from '../compare/compare-request.ts';
import type { LibraryComparer } from '../compare/library-comparer.ts';
import { isFigureLine } from '../compare/compare-service.ts';
import { DossierError } from '../errors.ts';
import { formatFigure } from '../../../shared/figures/index.ts';
import { isDeniedFigure } from '../../../shared/compare/measure.ts';
import { isDisputed } from '../../../shared/compare/disputed.ts';
import type { AnalystReview } from '../../../shared/types/brief.ts';
import type { ShardedCollection } from '../storage/sharded-collection.ts';
import { each, type BriefOutline, type StreamedBrief } from './export/streamed.ts';

export interface BriefDeps {
  briefs: ShardedCollection<Brief>;
  document(id: string): DocumentRecord;
  documents(): DocumentRecord[];
  text(id: string): Promise<string>;
  pages(id: string): Promise<PageSpan[] | null>;
  /** Claims with the user's review merged in. */
  claims(id: string): Promise<ClaimSet>;
  notes(): Promise<Note[]>;
  /** Compares library documents' figures, in the compare worker where the host has one, so a large export leaves the host answering. */
  comparer: Pick<LibraryComparer, 'compare' | 'state'>;
}

const newId = () => randomBytes(6).toString('hex');
/** How far into a text its date line, and the outlet it may name, can lie. */
const DATE_LINE_CHARS = 1_000;

/** A document's claims an all-claims brief lists: all but those the analyst rejected. */
const keptClaims = (set: ClaimSet): Claim[] => set.claims.filter((c) => c.review?.status !== 'rejected');

function checkItems(items: unknown): BriefItem[] {
  if (!Array.isArray(items)) throw new DossierError('bad-request', 'Brief items must be a list.');
  return items.map((raw): BriefItem => {
    const item = raw as BriefItem;
    const id = typeof item?.id === 'string' && item.id ? item.id : newId();
    switch (item?.type) {
      case 'heading':
        return { id, type: 'heading', text: String(item.text ?? '') };
      case 'text':
        return { id, type: 'text', markdown: String(item.markdown ?? '') };
      case 'claim':
        if (typeof item.docId !== 'string' || typeof item.claimId !== 'string' || !item.anchor?.quote) throw new DossierError('bad-request', 'A claim item needs docId, claimId and anchor.');
        return { id, type: 'claim', docId: item.docId, claimId: item.claimId, anchor: item.anchor };
      case 'note':
        if (typeof item.noteId !== 'string') throw new DossierError('bad-request', 'A note item needs a noteId.');
        return { id, type: 'note', noteId: item.noteId };
      case 'group':
        if (!Array.isArray(item.docIds) || typeof item.label !== 'string') throw new DossierError('bad-request', 'A group item needs docIds and a label.');
        return { id, type: 'group', docIds: item.docIds.map(String), label: item.label };
      default:
        throw new DossierError('bad-request', `Unknown brief item type: ${String((raw as { type?: unknown })?.type)}`);
    }
  });
}

/** The documents and notes a brief refers to. */
export function briefRefs(brief: Brief): { docIds: string[]; noteIds: string[] } {
  const docIds: string[] = [];
  const noteIds: string[] = [];
  for (const item of brief.items) {
    if (item.type === 'claim') docIds.push(item.docId);
    else if (item.type === 'group') docIds.push(...item.docIds);
    else if (item.type === 'note') noteIds.push(item.noteId);
  }
  return { docIds, noteIds };
}

/**
 * Whether a brief belongs with a collection whose documents are `docIds` (in its archive or vault): it
 * cites at least one of them, and nothing outside them.
 */
export function briefWithin(brief: Brief, docIds: ReadonlySet<string>): boolean {
  const cited = briefRefs(brief).docIds;
  return cited.length > 0 && cited.every((id) => docIds.has(id));
}

export function pageAt(pages: PageSpan[] | null, offset: number): number | null {
  if (!pages) return null;
  return pages.find((p) => offset >= p.start && offset < p.end)?.page ?? pages.at(-1)?.page ?? null;
}

/** Finds the claim an item points at in the current claim set: by anchor first, then by id. */
function findClaim(set: ClaimSet, item: Extract<BriefItem, { type: 'claim' }>): Claim | null {
  const at = resolveAnchor(set.text, item.anchor);
  if (at) {
    const exact = set.claims.find((c) => c.start === at.start && c.end === at.end);
    if (exact) return exact;
    const overlapping = set.claims.find((c) => c.start < at.end && at.start < c.end);
    if (overlapping) return overlapping;
  }
  return set.claims.find((c) => c.id === item.claimId && c.text === item.anchor.quote.exact) ?? null;
}

/** "nowhere near 3,000": the figure is cited only to be disputed, read as Compare reads it. */
function isDenied(claim: Claim, q: Quantity): boolean {
  const start = q.start - claim.start;
  if (start < 0 || q.end - claim.start > claim.text.length) return false; // a figure the analyst typed in
  return isDeniedFigure(claim.text, { start, end: q.end - claim.start, quantityText: q.text, unit: q.unit });
}

/** How the analyst's review shows in a brief: a correction or an addition says more than an acceptance. */
export function analystReview(claim: Claim): AnalystReview | null {
  const review = claim.review;
  if (!review) return null;
  if (review.added) return 'added';
  if (review.edited) return 'corrected';
  return review.status === 'accepted' ? 'accepted' : null;
}

/** How many documents' claim sets a resolver keeps: a brief's claims come document by document. */
const SETS_KEPT = 4;
/** Characters of document text kept for quoting passages (about 1,000 long reports). */
const QUOTE_TEXT_BUDGET = 32_000_000;

/**
 * Resolves a brief's items one at a time: finds each claim in its document's current claims, quotes
 * its passage and names its source. It keeps a few documents' claim sets and, for quoting, the texts
 * of recently cited documents up to a budget, so memory stays flat however long the brief is.
 */
class BriefResolver {
  private readonly sources = new Map<string, CitedSource>();
  readonly disputes: ResolvedGroup[] = [];
  private readonly sets = new Map<string, { set: ClaimSet }>();
  private readonly texts = new Map<string, { text: string; pages?: PageSpan[] | null }>();
  private textChars = 0;
  private notes: Promise<Map<string, Note>> | null = null;
  private readonly comparisons = new Map<string, Promise<CompareResult>>();

  constructor(
    private readonly deps: BriefDeps,
    private readonly title: string,
    private readonly compare: (docIds: string[]) => Promise<CompareResult>,
  ) {}

  /** A document's claims, with its text kept for quoting. */
  async load(docId: string): Promise<{ set: ClaimSet }> {
    const kept = this.sets.get(docId);
    if (kept) {
      // Most recently used last.
      this.sets.delete(docId);
      this.sets.set(docId, kept);
      return kept;
    }
    const entry = { set: await this.deps.claims(docId) };
    this.sets.set(docId, entry);
    if (this.sets.size > SETS_KEPT) this.sets.delete(this.sets.keys().next().value!);
    if (!this.texts.has(docId)) {
      this.texts.set(docId, { text: entry.set.text });
      this.textChars += entry.set.text.length;
      for (const [id, { text }] of this.texts) {
        if (this.textChars <= QUOTE_TEXT_BUDGET || id === docId) break;
        this.texts.delete(id);
        this.textChars -= text.length;
      }
    }
    return entry;
  }

  /** A comparison already under way for these documents (an all-claims brief starts it early). */
  expectComparison(docIds: string[], result: Promise<CompareResult>): void {
    this.comparisons.set(docIds.join('\n'), result);
  }

  sourceList(): CitedSource[] {
    return [...this.sources.values()];
  }

  private async cite(docId: string, start: number, end: number): Promise<ResolvedCitation> {
    const doc = this.deps.document(docId);
    if (!this.sources.has(docId)) this.sources.set(docId, { docId, title: doc.title, author: doc.author, outlet: doc.outlet, published: doc.published, url: doc.url, format: doc.format, lang: doc.lang });
    let quoted = this.texts.get(docId);
    if (!quoted) {
      const { set } = await this.load(docId);
      quoted = this.texts.get(docId) ?? { text: set.text };
    }
    if (quoted.pages === undefined) quoted.pages = await this.deps.pages(docId);
    return { source: this.sources.get(docId)!, quote: quoted.text.slice(start, end), start, end, page: pageAt(quoted.pages, start), link: `dossier://doc/${docId}#${start}-${end}` };
  }

  /** A claim as exports show it, from the claim itself. */
  async claim(docId: string, claim: Claim): Promise<ResolvedBriefItem> {
    return {
      type: 'claim',
      text: claim.text,
      certainty: claim.certainty,
      attribution: claim.attribution ? { source: claim.attribution.source, via: claim.attribution.via } : null,
      hedges: claim.hedges,
      negated: claim.negated,
      quantities: claim.quantities.map((q) => ({
        text: q.text,
        low: q.low,
        high: q.high,
        approximate: q.approximate,
        bound: q.bound,
        unit: q.unit,
        vague: q.vague,
        figure: formatFigure({ ...q, high: q.vague ? null : q.high, denied: isDenied(claim, q) }),
      })),
      citation: await this.cite(docId, claim.start, claim.end),
      review: analystReview(claim),
    };
  }

  async item(item: BriefItem): Promise<ResolvedBriefItem> {
    switch (item.type) {
      case 'heading':
        return { type: 'heading', text: item.text };
      case 'text':
        return { type: 'text', markdown: item.markdown };
      case 'claim': {
        const { set } = await this.load(item.docId);
        const claim = findClaim(set, item);
        if (!claim) throw new DossierError('stale-brief', `A claim in “${this.title}” no longer occurs in its document: “${item.anchor.quote.exact.slice(0, 80)}”.`);
        return this.claim(item.docId, claim);
      }
      case 'note': {
        this.notes ??= this.deps.notes().then((notes) => new Map(notes.map((n) => [n.id, n])));
        const note = (await this.notes).get(item.noteId);
        if (!note) throw new DossierError('stale-brief', `A note in “${this.title}” has been deleted.`);
        // notes.list() has already re-attached the anchor, or marked it as no longer found.
        const citation = note.docId && note.anchor && note.attached !== false ? await this.cite(note.docId, note.anchor.position.start, note.anchor.position.end) : null;
        return { type: 'note', markdown: note.body, citation };
      }
      case 'group': {
        // Group items over the same documents share one comparison: an all-claims brief has one group
        // item per disputed figure, all over every document, and comparing again for each is quadratic.
        const key = item.docIds.join('\n');
        let compared = this.comparisons.get(key);
        if (!compared) {
          compared = this.compare(item.docIds);
          this.comparisons.set(key, compared);
        }
        const group = (await compared).groups.find((g) => g.label === item.label);
        if (!group) throw new DossierError('stale-brief', `The comparison “${item.label}” no longer has figures in its documents.`);
        const resolved = await this.group(group);
        if (isDisputed(resolved.verdict)) this.disputes.push(resolved);
        return { type: 'group', group: resolved };
      }
    }
  }

  private async group(group: CompareGroup): Promise<ResolvedGroup> {
    const members = [];
    for (const m of group.members) {
      members.push({ quantityText: m.figure, date: m.date, low: m.quantity.low, high: m.quantity.high, source: m.source, via: m.via, citation: await this.cite(m.docId ?? m.doc, m.start, m.end) });
    }
    return { label: group.label, unit: group.unit, verdict: group.verdict, reason: group.reason, members };
  }
}

/** Reports an export's reading: `done` of `total` steps in reading number `pass` (a PDF reads its brief twice). */
export type ExportProgress = (pass: number, done: number, total: number) => void;

export class BriefService {
  constructor(private readonly deps: BriefDeps) {}

  list(): Brief[] {
    return [...this.deps.briefs.values()].filter((b) => !b.deletedAt).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  }

  get(id: string): Brief {
    const brief = typeof id === 'string' ? this.deps.briefs.get(id) : undefined;
    if (!brief || brief.deletedAt) throw new DossierError('not-found', `No brief with id ${String(id)}.`);
    return brief;
  }

  async create(title: string, items: unknown = []): Promise<Brief> {
    const now = new Date().toISOString();
    const brief: Brief = { id: newId(), title: String(title ?? '').trim() || 'Untitled brief', createdAt: now, updatedAt: now, items: checkItems(items), deletedAt: null };
    await this.deps.briefs.put(brief.id, brief);
    return brief;
  }

  async update(id: string, changes: { title?: string; items?: unknown }): Promise<Brief> {
    const brief = { ...this.get(id), updatedAt: new Date().toISOString() };
    if (changes.title !== undefined) brief.title = String(changes.title).trim() || 'Untitled brief';
    if (changes.items !== undefined) brief.items = checkItems(changes.items);
    await this.deps.briefs.put(id, brief);
    return brief;
  }

  async duplicate(id: string): Promise<Brief> {
    const source = this.get(id);
    return this.create(`${source.title} (copy)`, source.items.map((item) => ({ ...item, id: newId() })));
  }

  async delete(id: string): Promise<{ id: string; title: string }> {
    const brief = this.get(id);
    await this.deps.briefs.put(id, { ...brief, deletedAt: new Date().toISOString() });
    return { id, title: brief.title };
  }

  async restore(id: string): Promise<Brief> {
    const brief = typeof id === 'string' ? this.deps.briefs.get(id) : undefined;
    if (!brief) throw new DossierError('not-found', `No brief with id ${String(id)} can be restored.`);
    const restored = { ...brief, deletedAt: null };
    await this.deps.briefs.put(id, restored);
    return restored;
  }

  async purgeDeleted(): Promise<void> {
    for (const brief of [...this.deps.briefs.values()]) if (brief.deletedAt) await this.deps.briefs.delete(brief.id);
  }

  /** A claim item for a claim of a document, anchored so it survives re-extraction. */
  static claimItem(docId: string, text: string, claim: Claim): BriefItem {
    return { id: newId(), type: 'claim', docId, claimId: claim.id, anchor: makeAnchor(text, claim.start, claim.end) };
  }

  /** The last comparison, kept so that exporting an all-claims brief compares its documents once. */
  private lastComparison: { key: string; result: CompareResult } | null = null;

  /**
   * The documents' figure groups (`groups`), or only the disputed ones (`disputed`, all an all-claims
   * brief lists). Figures are credited as briefs show them, not to the outlet.
   */
  private async compared(docIds: string[], scope: Exclude<CompareScope, 'all'>): Promise<CompareResult> {
    // Claims, reviews and the documents' details change what is compared: the comparer's state is the key.
    const key = `${scope}\n${this.deps.comparer.state(docIds)}`;
    if (this.lastComparison?.key === key) return this.lastComparison.result;
    const result = await this.deps.comparer.compare(docIds, { scope, outlets: false });
    this.lastComparison = { key, result };
    return result;
  }

  /** The groups of an all-claims brief: the figures its documents dispute, compared across all of them. */
  private static disputedItems(result: CompareResult, docIds: string[]): BriefItem[] {
    const disputed = result.groups.filter((g) => isDisputed(g.verdict));
    if (!disputed.length) return [];
    return [{ id: newId(), type: 'heading', text: 'Figures compared across sources' }, ...disputed.map((group): BriefItem => ({ id: newId(), type: 'group', docIds, label: group.label }))];
  }

  /** A brief of every claim in the library (rejected ones left out), a section per document. */
  async allClaimsBrief(title = 'All claims'): Promise<Brief> {
    const items: BriefItem[] = [];
    const docs = this.deps.documents();
    const resolver = this.resolver(title);
    for (const doc of docs) {
      const { set } = await resolver.load(doc.id);
      const kept = keptClaims(set);
      if (!kept.length) continue;
      items.push({ id: newId(), type: 'heading', text: doc.title });
      for (const claim of kept) items.push(BriefService.claimItem(doc.id, set.text, claim));
    }
    // Compared for every group, as resolving the brief's group items will ask.
    const docIds = docs.map((d) => d.id);
    items.push(...BriefService.disputedItems(await this.compared(docIds, 'groups'), docIds));
    const now = new Date().toISOString();
    return { id: 'all-claims', title, createdAt: now, updatedAt: now, items };
  }

  private resolver(title: string): BriefResolver {
    return new BriefResolver(this.deps, title, (docIds) => this.compared(docIds, 'groups'));
  }

  /** The brief with every claim found in its document, every note and comparison filled in, all in memory. */
  async resolve(brief: Brief): Promise<ResolvedBrief> {
    const stream = this.stream(brief);
    const items: ResolvedBriefItem[] = [];
    for await (const item of stream.items) items.push(item);
    const disputes: ResolvedGroup[] = [];
    for await (const group of stream.disputes()) disputes.push(group);
    return { title: stream.title, generatedAt: stream.generatedAt, items, sources: stream.sources(), disputes };
  }

  /**
   * The brief resolved one item at a time, for exports: no more than a few documents' claims are held
   * at once. `progress` hears how many items of each reading (`pass`) are resolved.
   */
  stream(brief: Brief, progress?: ExportProgress): StreamedBrief {
    let last: BriefResolver | null = null;
    let pass = 0;
    return {
      title: brief.title,
      generatedAt: new Date().toISOString(),
      items: {
        [Symbol.asyncIterator]: () => {
          last = this.resolver(brief.title);
          return BriefService.resolveEach(brief.items, last, pass++, progress);
        },
      },
      sources: () => last?.sourceList() ?? [],
      disputes: () => each(last?.disputes ?? []),
    };
  }

  private static async *resolveEach(items: BriefItem[], resolver: BriefResolver, pass: number, progress?: ExportProgress): AsyncGenerator<ResolvedBriefItem> {
    for (const [i, item] of items.entries()) {
      yield await resolver.item(item);
      progress?.(pass, i + 1, items.length);
    }
  }

  /**
   * Every claim in the library (rejected ones left out), a section per document, then the disputed
   * figures, as `allClaimsBrief` lists them, but read one document at a time. The comparison of all
   * documents runs (in the compare worker, where the host has one) while the sections are written.
   */
  streamAllClaims(title = 'All claims', progress?: ExportProgress): StreamedBrief {
    let last: BriefResolver | null = null;
    let pass = 0;
    // Started by the outline or the first reading of the items, whichever comes first, kept for a second.
    let comparison: Promise<CompareResult> | null = null;
    const compare = (docs: DocumentRecord[]) => {
      // Only the disputed groups come back from the worker: they are all the brief lists.
      comparison ??= this.compared(docs.map((d) => d.id), 'disputed');
      comparison.catch(() => {}); // awaited after the sections; a failure is reported there
      return comparison;
    };
    return {
      title,
      generatedAt: new Date().toISOString(),
      items: {
        [Symbol.asyncIterator]: () => {
          const docs = this.deps.documents();
          const resolver = (last = this.resolver(title));
          return this.allClaimsItems(docs, resolver, compare(docs), pass++, progress);
        },
      },
      sources: () => last?.sourceList() ?? [],
      disputes: () => each(last?.disputes ?? []),
      outline: async (needs) => {
        const docs = this.deps.documents();
        compare(docs);
        return this.outlineAllClaims(docs, needs);
      },
    };
  }

  /**
   * The all-claims brief counted from its claim files, without resolving a passage: its claims, the
   * documents they come from, and whether anything it may print needs more than the standard fonts.
   * What it may print of a document: its kept claims, the fields a citation shows, and the lines the
   * comparison reads beside the claims (headlines, table rows, captions, a date line naming the outlet),
   * which a disputed figure can quote even from a document whose claims were all rejected.
   */
  private async outlineAllClaims(docs: DocumentRecord[], needs: (text: string) => boolean): Promise<BriefOutline> {
    let claims = 0;
    let documents = 0;
    let needed = false;
    for (const doc of docs) {
      const set = await this.deps.claims(doc.id);
      const kept = keptClaims(set);
      claims += kept.length;
      if (kept.length) documents++;
      if (needed) continue;
      const cited = [doc.title, doc.author, doc.outlet, doc.published, doc.url];
      const lines = set.text.split('\n').filter(isFigureLine);
      needed = cited.some((field) => !!field && needs(field)) || needs(set.text.slice(0, DATE_LINE_CHARS)) || lines.some(needs) || kept.some((claim) => needs(JSON.stringify(claim)));
    }
    return { claims, documents, needed };
  }

  private async *allClaimsItems(docs: DocumentRecord[], resolver: BriefResolver, comparison: Promise<CompareResult>, pass: number, progress?: ExportProgress): AsyncGenerator<ResolvedBriefItem> {
    const docIds = docs.map((d) => d.id);
    resolver.expectComparison(docIds, comparison);
    // Steps: each document's section, then the disputed figures as one.
    const steps = docs.length + 1;
    for (const [i, doc] of docs.entries()) {
      const { set } = await resolver.load(doc.id);
      const kept = keptClaims(set);
      if (kept.length) {
        yield { type: 'heading', text: doc.title };
        for (const claim of kept) yield await resolver.claim(doc.id, claim);
      }
      progress?.(pass, i + 1, steps);
    }
    for (const item of BriefService.disputedItems(await comparison, docIds)) yield await resolver.item(item);
    progress?.(pass, steps, steps);
  }
}
