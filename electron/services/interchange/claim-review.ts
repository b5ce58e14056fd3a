// A reviewed claim as schema.org ClaimReview JSON-LD, the markup fact-check pages publish: the claim
// (claimReviewed), who made it and where it appeared (itemReviewed, a schema.org Claim with author and
// appearance), and the analyst's verdict as a Rating. Dossier's verdicts say whether a claim stands as
// the source states it (accepted or added), had to be corrected, or was rejected.
import type { Claim } from '../../../shared/types/claims.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import type { Note } from '../../../shared/types/notes.ts';
import type { ClaimReviewVerdict } from '../../../shared/types/interchange.ts';
import { splitAuthors } from '../sources/sources.ts';
import { DossierError } from '../errors.ts';

export const CLAIM_REVIEW_MIME = 'application/ld+json';

/** The verdicts on a scale of 1 (worst) to 3 (best), with the words a reader sees. */
const RATINGS: Record<ClaimReviewVerdict, { value: number; name: string }> = {
  accepted: { value: 3, name: 'Accepted: the claim is as the source states it' },
  added: { value: 3, name: 'Accepted: a claim the analyst identified in the source' },
  corrected: { value: 2, name: 'Corrected: the claim needed correcting' },
  rejected: { value: 1, name: 'Rejected: not a claim the source supports as extracted' },
};

export function verdictOf(claim: Claim): ClaimReviewVerdict | null {
  const review = claim.review;
  if (!review || review.status === 'pending') return null;
  if (review.status === 'rejected') return 'rejected';
  if (review.added) return 'added';
  return review.edited ? 'corrected' : 'accepted';
}

/** A person's or an organisation's name as schema.org wants it. */
function agent(name: string, organisation: boolean): Record<string, string> {
  return { '@type': organisation ? 'Organization' : 'Person', name };
}

export interface ClaimReviewOptions {
  /** Who publishes the review (a fact-check desk); schema.org and search engines expect it. */
  reviewer?: string | null;
  /** Where the review is published. */
  url?: string | null;
  /** Notes the analyst wrote on this claim, kept as the review's text. */
  notes?: Note[];
  reviewedAt?: string | null;
}

/** One reviewed claim as a ClaimReview; a claim without a decision gives an error saying so. */
export function claimReview(doc: DocumentRecord, claim: Claim, options: ClaimReviewOptions = {}): Record<string, unknown> {
  const verdict = verdictOf(claim);
  if (!verdict) throw new DossierError('not-reviewed', `This claim has not been reviewed yet: accept, correct or reject it first (“${claim.text.slice(0, 80)}”).`);
  const rating = RATINGS[verdict];
  const speaker = claim.attribution?.source ?? null;
  const docAuthors = splitAuthors(doc.author);
  const appearance: Record<string, unknown> = { '@type': doc.outlet ? 'NewsArticle' : 'CreativeWork', headline: doc.title };
  if (doc.url) appearance.url = doc.url;
  if (doc.published) appearance.datePublished = doc.published;
  if (docAuthors.length) appearance.author = docAuthors.map((a) => agent(a, false));
  if (doc.outlet) appearance.publisher = agent(doc.outlet, true);
  const itemReviewed: Record<string, unknown> = { '@type': 'Claim', appearance };
  // Who made the claim: the source it is attributed to, else the writer, else the outlet.
  const author = speaker ?? docAuthors[0] ?? doc.outlet;
  if (author) itemReviewed.author = agent(author, !speaker && !docAuthors.length);
  if (doc.published) itemReviewed.datePublished = doc.published;
  const body = (options.notes ?? []).map((n) => n.body.trim()).filter(Boolean).join('\n\n');
  const review: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.text.replace(/\s+/g, ' ').trim(),
    itemReviewed,
    reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 3, worstRating: 1, alternateName: rating.name },
  };
  if (options.reviewedAt) review.datePublished = options.reviewedAt.slice(0, 10);
  if (options.reviewer) review.author = agent(options.reviewer, true);
  if (options.url) review.url = options.url;
  if (body) review.reviewBody = body;
  return review;
}
