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
import { compareClaims, type CompareInput } from '../compare/compare-service.ts';
import type { CompareResult } from '../../../shared/types/compare.ts';
import { DossierError } from '../errors.ts';
import { formatFigure } from '../../../shared/figures/index.ts';
import { measureOf } from '../../../shared/compare/measure.ts';
import type { AnalystReview } from '../../../shared/types/brief.ts';
import type { ShardedCollection } from '../storage/sharded-collection.ts';

export interface BriefDeps {
  briefs: ShardedCollection<Brief>;
  document(id: string): DocumentRecord;
  documents(): DocumentRecord[];
  text(id: string): Promise<string>;
  pages(id: string): Promise<PageSpan[] | null>;
  /** Claims with the user's review merged in. */
  claims(id: string): Promise<ClaimSet>;
  notes(): Promise<Note[]>;
  /** Compares figures; the hosts pass their compare worker, so a large export leaves the host answering. */
  compare?(inputs: CompareInput[]): Promise<CompareResult>;
}

const newId = () => randomBytes(6).toString('hex');

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
  return measureOf(claim.text, { start, end: q.end - claim.start, quantityText: q.text, unit: q.unit }).denied;
}

/** How the analyst's review shows in a brief: a correction or an addition says more than an acceptance. */
export function analystReview(claim: Claim): AnalystReview | null {
  const review = claim.review;
  if (!review) return null;
  if (review.added) return 'added';
  if (review.edited) return 'corrected';
  return review.status === 'accepted' ? 'accepted' : null;
}

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

  /** A brief of every claim in the library (rejected ones left out), a section per document. */
  /** The last comparison, kept so that exporting an all-claims brief compares its documents once. */
  private lastComparison: { key: string; result: CompareResult } | null = null;

  private async compared(inputs: CompareInput[]): Promise<CompareResult> {
    // Reviews change what is compared: their states are part of the key.
    const reviewed = (set: ClaimSet) => set.claims.filter((c) => c.review).map((c) => `${c.id}${c.review!.status}${c.review!.edited ? '*' : ''}`).join(',');
    const key = inputs.map((i) => `${i.docId}:${i.claims.claims.length}:${i.claims.engineVersion ?? ''}:${reviewed(i.claims)}`).join('\n');
    if (this.lastComparison?.key === key) return this.lastComparison.result;
    const result = this.deps.compare ? await this.deps.compare(inputs) : compareClaims(inputs);
    this.lastComparison = { key, result };
    return result;
  }

  async allClaimsBrief(title = 'All claims'): Promise<Brief> {
    const items: BriefItem[] = [];
    const docs = this.deps.documents();
    const inputs = [];
    for (const doc of docs) {
      const set = await this.deps.claims(doc.id);
      inputs.push({ doc: doc.id, docId: doc.id, title: doc.title, published: doc.published, claims: set });
      const kept = set.claims.filter((c) => c.review?.status !== 'rejected');
      if (!kept.length) continue;
      items.push({ id: newId(), type: 'heading', text: doc.title });
      for (const claim of kept) items.push(BriefService.claimItem(doc.id, set.text, claim));
    }
    const disputed = (await this.compared(inputs)).groups.filter((g) => g.verdict === 'conflicting' || g.verdict === 'evolving');
    if (disputed.length) {
      items.push({ id: newId(), type: 'heading', text: 'Figures compared across sources' });
      const docIds = docs.map((d) => d.id);
      for (const group of disputed) items.push({ id: newId(), type: 'group', docIds, label: group.label });
    }
    const now = new Date().toISOString();
    return { id: 'all-claims', title, createdAt: now, updatedAt: now, items };
  }

  async resolve(brief: Brief): Promise<ResolvedBrief> {
    const sources = new Map<string, CitedSource>();
    const cache = new Map<string, { set: ClaimSet; pages: PageSpan[] | null }>();
    const load = async (docId: string) => {
      if (!cache.has(docId)) cache.set(docId, { set: await this.deps.claims(docId), pages: await this.deps.pages(docId) });
      return cache.get(docId)!;
    };
    const cite = async (docId: string, start: number, end: number): Promise<ResolvedCitation> => {
      const doc = this.deps.document(docId);
      if (!sources.has(docId)) sources.set(docId, { docId, title: doc.title, author: doc.author, outlet: doc.outlet, published: doc.published, url: doc.url, format: doc.format, lang: doc.lang });
      const { set, pages } = await load(docId);
      return { source: sources.get(docId)!, quote: set.text.slice(start, end), start, end, page: pageAt(pages, start), link: `dossier://doc/${docId}#${start}-${end}` };
    };
    const notes = brief.items.some((i) => i.type === 'note') ? new Map((await this.deps.notes()).map((n) => [n.id, n])) : new Map<string, Note>();
    const items: ResolvedBriefItem[] = [];
    const disputes: ResolvedGroup[] = [];
    const comparisons = new Map<string, ReturnType<typeof compareClaims>>();

    for (const item of brief.items) {
      if (item.type === 'heading' || item.type === 'text') {
        items.push(item.type === 'heading' ? { type: 'heading', text: item.text } : { type: 'text', markdown: item.markdown });
      } else if (item.type === 'claim') {
        const { set } = await load(item.docId);
        const claim = findClaim(set, item);
        if (!claim) throw new DossierError('stale-brief', `A claim in “${brief.title}” no longer occurs in its document: “${item.anchor.quote.exact.slice(0, 80)}”.`);
        items.push({
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
          citation: await cite(item.docId, claim.start, claim.end),
          review: analystReview(claim),
        });
      } else if (item.type === 'note') {
        const note = notes.get(item.noteId);
        if (!note) throw new DossierError('stale-brief', `A note in “${brief.title}” has been deleted.`);
        // notes.list() has already re-attached the anchor, or marked it as no longer found.
        const citation = note.docId && note.anchor && note.attached !== false ? await cite(note.docId, note.anchor.position.start, note.anchor.position.end) : null;
        items.push({ type: 'note', markdown: note.body, citation });
      } else {
        // Group items over the same documents share one comparison: an all-claims brief has one group
        // item per disputed figure, all over every document, and comparing again for each is quadratic.
        const key = item.docIds.join('\n');
        let compared = comparisons.get(key);
        if (!compared) {
          const inputs = [];
          for (const docId of item.docIds) {
            const doc = this.deps.document(docId);
            inputs.push({ doc: docId, docId, title: doc.title, published: doc.published, claims: (await load(docId)).set });
          }
          compared = await this.compared(inputs);
          comparisons.set(key, compared);
        }
        const group = compared.groups.find((g) => g.label === item.label);
        if (!group) throw new DossierError('stale-brief', `The comparison “${item.label}” no longer has figures in its documents.`);
        const resolved = await this.resolveGroup(group, cite);
        items.push({ type: 'group', group: resolved });
        if (resolved.verdict === 'conflicting' || resolved.verdict === 'evolving') disputes.push(resolved);
      }
    }
    return { title: brief.title, generatedAt: new Date().toISOString(), items, sources: [...sources.values()], disputes };
  }

  private async resolveGroup(group: CompareGroup, cite: (docId: string, start: number, end: number) => Promise<ResolvedCitation>): Promise<ResolvedGroup> {
    const members = [];
    for (const m of group.members) {
      members.push({ quantityText: m.figure, date: m.date, low: m.quantity.low, high: m.quantity.high, source: m.source, via: m.via, citation: await cite(m.docId ?? m.doc, m.start, m.end) });
    }
    return { label: group.label, unit: group.unit, verdict: group.verdict, reason: group.reason, members };
  }
}
