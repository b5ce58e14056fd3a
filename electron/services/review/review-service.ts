// Claim review: accept, reject or correct extracted claims, revert a correction to what the engine
// extracted, or add one by selecting text (read by the engine for its speaker, figures and hedges, which
// the analyst then confirms). Decisions are anchored by quote and context, so they re-attach to the new
// claims after re-extraction.
import { randomBytes } from 'node:crypto';
import type { TextAnchor } from '../../../shared/types/anchors.ts';
import type { Claim, ClaimEdits, ClaimKind, ClaimSet, Quantity, ReviewStatus } from '../../../shared/types/claims.ts';
import { DossierError } from '../errors.ts';
import { makeAnchor, resolveAnchor } from '../anchors/anchors.ts';
import { formatNumber } from '../../../shared/figures/index.ts';
import type { ShardedCollection } from '../storage/sharded-collection.ts';

export interface StoredReview {
  id: string;
  docId: string;
  anchor: TextAnchor;
  status: ReviewStatus;
  edits: ClaimEdits | null;
  added: boolean;
  /** For an added claim: the engine's reading of the passage (speaker, figures, certainty) when it was added. */
  suggested?: ClaimEdits | null;
  createdAt: string;
  updatedAt: string;
}

/** The engine's reading of a passage the analyst selected, as the fields an edit could set. */
export type PassageReader = (text: string, start: number, end: number) => ClaimEdits;

const STATUSES: ReviewStatus[] = ['accepted', 'rejected', 'pending'];
const CERTAINTIES = ['asserted', 'attributed', 'hedged'];
const KINDS: ClaimKind[] = ['quantity', 'event', 'statement', 'quote', 'forecast'];

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function checkEdits(edits: unknown): ClaimEdits | null {
  if (edits === undefined || edits === null) return null;
  if (typeof edits !== 'object') throw new DossierError('bad-request', 'Claim edits must be an object.');
  const e = edits as ClaimEdits;
  // No field changed is no correction: the claim must not read as edited.
  if (!Object.keys(e).length) return null;
  if (e.certainty !== undefined && !CERTAINTIES.includes(e.certainty)) throw new DossierError('bad-request', `Unknown certainty: ${String(e.certainty)}`);
  if (e.kind !== undefined && !KINDS.includes(e.kind)) throw new DossierError('bad-request', `Unknown claim kind: ${String(e.kind)}`);
  if (e.via !== undefined && (!Array.isArray(e.via) || e.via.some((v) => typeof v !== 'string'))) throw new DossierError('bad-request', 'via must be a list of outlet names.');
  if (e.source !== undefined && e.source !== null && typeof e.source !== 'string') throw new DossierError('bad-request', 'source must be text.');
  for (const q of e.quantities ?? []) {
    if (!Number.isFinite(q.low) || (q.high !== null && (!Number.isFinite(q.high) || q.low > q.high))) throw new DossierError('bad-request', 'A quantity needs numbers with low ≤ high.');
  }
  return e;
}

function applyEdits(claim: Claim, edits: ClaimEdits | null): Claim {
  if (!edits) return claim;
  const next: Claim = { ...claim };
  if (edits.source !== undefined || edits.via !== undefined) {
    const source = edits.source !== undefined ? edits.source : (claim.attribution?.source ?? null);
    next.attribution = source ? { source, via: edits.via ?? claim.attribution?.via ?? [], cue: claim.attribution?.cue ?? 'edited' } : null;
  }
  if (edits.certainty) next.certainty = edits.certainty;
  if (edits.kind) next.kind = edits.kind;
  if (edits.negated !== undefined) next.negated = edits.negated;
  if (edits.quantities) {
    // A figure typed in the editor is written with its separators ("11,000 troops", not "11000").
    next.quantities = edits.quantities.map((q): Quantity => ({
      text: q.text ?? (q.high === null ? `at least ${formatNumber(q.low)}` : q.low === q.high ? formatNumber(q.low) : `${formatNumber(q.low)} to ${formatNumber(q.high)}`),
      start: claim.start,
      end: claim.end,
      low: q.low,
      high: q.high,
      approximate: q.approximate ?? false,
      bound: q.bound ?? (q.high === null ? 'at-least' : q.low === q.high ? 'exact' : 'range'),
      unit: q.unit ?? null,
      vague: q.high === null,
    }));
  }
  return next;
}

/**
 * Merges stored decisions (a document's own) into a fresh claim set; decisions whose passage is gone stay
 * stored. A pure function of its inputs, so a worker that reads claims from the library applies the
 * decisions the host sends it exactly as the host would.
 */
export function applyReviews(reviews: StoredReview[], set: ClaimSet): ClaimSet {
  if (!reviews.length) return set;
  const claims = set.claims.map((c) => ({ ...c }));
  const added: Claim[] = [];
  for (const review of reviews) {
    const at = resolveAnchor(set.text, review.anchor);
    if (!at) continue;
    const state = { id: review.id, status: review.status, edited: !!review.edits, added: review.added };
    if (review.added) {
      const base: Claim = {
        id: `u${review.id.slice(0, 6)}`,
        start: at.start,
        end: at.end,
        text: set.text.slice(at.start, at.end),
        kind: 'statement',
        certainty: 'asserted',
        hedges: [],
        negated: false,
        attribution: null,
        quantities: [],
        entities: [],
        score: 1,
      };
      added.push({ ...applyEdits(applyEdits(base, review.suggested ?? null), review.edits), review: state });
      continue;
    }
    let best = -1;
    let bestOverlap = 0;
    claims.forEach((claim, i) => {
      const o = overlap(claim, at);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = i;
      }
    });
    if (best < 0 || bestOverlap < 0.5 * Math.min(at.end - at.start, claims[best].end - claims[best].start)) continue;
    claims[best] = { ...applyEdits(claims[best], review.edits), review: state };
  }
  return { ...set, claims: [...claims, ...added].sort((a, b) => a.start - b.start) };
}

export class ReviewService {
  /** `readPassage` is the claim engine's reading of a selected passage, suggested for claims the analyst adds. */
  constructor(
    private readonly reviews: ShardedCollection<StoredReview>,
    private readonly readPassage: PassageReader | null = null,
  ) {}

  /** A document's stored decisions. */
  forDocument(docId: string): StoredReview[] {
    const out: StoredReview[] = [];
    for (const review of this.reviews.values()) if (review.docId === docId) out.push(review);
    return out;
  }

  /** Merges the stored decisions into a fresh claim set; decisions whose passage is gone stay stored. */
  apply(docId: string, set: ClaimSet): ClaimSet {
    return applyReviews(this.forDocument(docId), set);
  }

  /** Records a decision on one claim of the current set; returns the claim as it now reads. */
  async review(docId: string, set: ClaimSet, claimId: string, status: ReviewStatus | undefined, rawEdits: unknown): Promise<Claim> {
    if (status !== undefined && !STATUSES.includes(status)) throw new DossierError('bad-request', `Unknown review status: ${String(status)}`);
    const edits = checkEdits(rawEdits);
    const merged = this.apply(docId, set);
    const claim = merged.claims.find((c) => c.id === claimId);
    if (!claim) throw new DossierError('not-found', `No claim ${String(claimId)} in this document.`);
    const now = new Date().toISOString();
    const existing = claim.review ? this.reviews.get(claim.review.id) : undefined;
    // A correction alone leaves the verdict open: saving an edit is not accepting the claim.
    const review: StoredReview = existing
      ? { ...existing, status: status ?? existing.status, edits: edits ? { ...existing.edits, ...edits } : existing.edits, updatedAt: now }
      : { id: randomBytes(8).toString('hex'), docId, anchor: makeAnchor(set.text, claim.start, claim.end), status: status ?? (edits ? 'pending' : 'accepted'), edits, added: false, createdAt: now, updatedAt: now };
    await this.reviews.put(review.id, review);
    return this.apply(docId, set).claims.find((c) => c.review?.id === review.id)!;
  }

  /**
   * Undoes the analyst's corrections: an extracted claim reads again as the engine extracted it (its
   * review is dropped, verdict included); an added claim goes back to the engine's reading of its passage.
   */
  async revert(docId: string, set: ClaimSet, claimId: string): Promise<Claim> {
    const merged = this.apply(docId, set);
    const claim = merged.claims.find((c) => c.id === claimId);
    if (!claim) throw new DossierError('not-found', `No claim ${String(claimId)} in this document.`);
    const existing = claim.review ? this.reviews.get(claim.review.id) : undefined;
    if (!existing) return claim;
    if (existing.added) {
      await this.reviews.put(existing.id, { ...existing, edits: null, updatedAt: new Date().toISOString() });
      return this.apply(docId, set).claims.find((c) => c.review?.id === existing.id)!;
    }
    await this.reviews.delete(existing.id);
    return this.apply(docId, set).claims.find((c) => c.id === claimId) ?? claim;
  }

  /** Adds a claim the engine missed, from a passage the user selected, with the engine's reading of it. */
  async add(docId: string, set: ClaimSet, start: number, end: number, rawEdits: unknown): Promise<Claim> {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > set.text.length || start >= end) {
      throw new DossierError('bad-request', 'The selected passage is outside the document.');
    }
    if (!set.text.slice(start, end).trim()) throw new DossierError('bad-request', 'Select some text to make a claim of it.');
    const now = new Date().toISOString();
    const suggested = this.readPassage ? this.readPassage(set.text, start, end) : null;
    const review: StoredReview = {
      id: randomBytes(8).toString('hex'),
      docId,
      anchor: makeAnchor(set.text, start, end),
      status: 'accepted',
      edits: checkEdits(rawEdits),
      added: true,
      suggested,
      createdAt: now,
      updatedAt: now,
    };
    await this.reviews.put(review.id, review);
    return this.apply(docId, set).claims.find((c) => c.review?.id === review.id)!;
  }
}
