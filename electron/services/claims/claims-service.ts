// How a document's claim list comes about, in one place: the stored extraction (re-extracted by the library
// when missing or made by another engine version) with the user's review decisions and added claims merged in.
import type { Claim, ClaimSet, ReviewStatus } from '../../../shared/types/claims.ts';
import type { ReviewService } from '../review/review-service.ts';

export interface ClaimsServiceDeps {
  /** The engine's claim set for a document, extracted again when stale. */
  extracted: (docId: string) => Promise<ClaimSet>;
  review: ReviewService;
}

export class ClaimsService {
  constructor(private readonly deps: ClaimsServiceDeps) {}

  /** A document's claims as the user sees them: extracted, with review decisions merged in. */
  async list(docId: string): Promise<ClaimSet> {
    return this.deps.review.apply(docId, await this.deps.extracted(docId));
  }

  /** Accept, reject or correct one claim; returns it as it now reads. */
  async review(docId: string, claimId: string, status: ReviewStatus | undefined, edits: unknown): Promise<Claim> {
    return this.deps.review.review(docId, await this.deps.extracted(docId), claimId, status, edits);
  }

  /** Undo the corrections to one claim; returns it as it now reads. */
  async revert(docId: string, claimId: string): Promise<Claim> {
    return this.deps.review.revert(docId, await this.deps.extracted(docId), claimId);
  }

  /** Record a claim the user selected in the text. */
  async add(docId: string, start: number, end: number, edits: unknown): Promise<Claim> {
    return this.deps.review.add(docId, await this.deps.extracted(docId), start, end, edits);
  }
}
