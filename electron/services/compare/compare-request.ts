// A comparison of library documents as the host asks for it: each document named with its review
// decisions, its claims read from the library folder by the thread that compares (the compare worker in
// the hosts), so the host never holds every document's claims at once nor copies them to the worker.
import type { CompareResult } from '../../../shared/types/compare.ts';
import { isDisputed } from '../../../shared/compare/disputed.ts';
import { applyReviews, type StoredReview } from '../review/review-service.ts';
import { documentDir, readClaimsFile } from '../storage/document-files.ts';
import { compareClaims, type CompareInput } from './compare-service.ts';

/** A library document whose stored claims the comparing thread reads itself. */
export interface StoredCompareDoc {
  docId: string;
  title: string;
  published: string | null;
  outlet: string | null;
  /** The document's review decisions, merged into its stored claims as the host merges them. */
  reviews: StoredReview[];
  /** Characters of its text and its number of claims, for the comparison's time limit. */
  chars: number;
  claimCount: number;
}

/** What comes back: everything, the figure groups alone, or only the groups whose figures disagree. */
export type CompareScope = 'all' | 'groups' | 'disputed';

export interface CompareRequest {
  libraryDir: string;
  /** The claim engine version stored claims must come from; null takes them as stored. */
  engineVersion: string | null;
  /** In the order compared: read from the library, or given with their claims when the library cannot store them current (read-only). */
  docs: Array<StoredCompareDoc | CompareInput>;
  scope: CompareScope;
}

/** The comparison, or the documents whose stored claims are missing or out of date, for the host to bring up to date first. */
export type CompareReply = { result: CompareResult } | { stale: string[] };

/** Characters of text and claims a request compares, for its time limit. */
export function requestSize(request: CompareRequest): number {
  let size = 0;
  for (const doc of request.docs) size += 'claims' in doc ? doc.claims.text.length + doc.claims.claims.length * 200 : doc.chars + doc.claimCount * 200;
  return size;
}

/** Reads each stored document's claims, merges its review decisions, and compares them all. */
export async function runCompareRequest(request: CompareRequest): Promise<CompareReply> {
  const inputs: CompareInput[] = [];
  const stale: string[] = [];
  for (const doc of request.docs) {
    if ('claims' in doc) {
      inputs.push(doc);
      continue;
    }
    const read = await readClaimsFile(documentDir(request.libraryDir, doc.docId));
    if (!read || (request.engineVersion !== null && read.set.engineVersion !== request.engineVersion)) stale.push(doc.docId);
    // Once one is stale nothing is compared: the rest need not be kept.
    else if (!stale.length) inputs.push({ doc: doc.docId, docId: doc.docId, title: doc.title, published: doc.published, outlet: doc.outlet, claims: applyReviews(doc.reviews, read.set) });
  }
  if (stale.length) return { stale };
  const result = compareClaims(inputs, { corroborations: request.scope === 'all' });
  if (request.scope === 'disputed') result.groups = result.groups.filter((g) => isDisputed(g.verdict));
  return { result };
}
