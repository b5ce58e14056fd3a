// The host's side of comparing library documents: it names each document with its review decisions for
// the compare executor to read (compare-request.ts), and brings out-of-date claims up to date first, so
// the comparison reads the same claims the Reader shows.
import type { ClaimSet } from '../../../shared/types/claims.ts';
import type { CompareResult } from '../../../shared/types/compare.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import type { StoredReview } from '../review/review-service.ts';
import type { CompareExecutor } from './compare-runner.ts';
import type { CompareInput } from './compare-service.ts';
import type { CompareRequest, CompareScope, StoredCompareDoc } from './compare-request.ts';

export interface LibraryComparerDeps {
  libraryDir: string;
  /** The claim engine version stored claims must come from; null when the library runs no engine. */
  engineVersion: string | null;
  document(id: string): DocumentRecord;
  /** A document's review decisions. */
  reviews(docId: string): StoredReview[];
  /** Whether the document's stored claims are current, as far as its record tells, so they can be read as stored. */
  storedClaimsCurrent(id: string): boolean;
  /** A document's claims with its review decisions merged in, extracted again (and stored) when out of date. */
  claims(id: string): Promise<ClaimSet>;
  executor: CompareExecutor;
}

export interface CompareOptions {
  scope: CompareScope;
  /**
   * Whether a figure is credited to its document's outlet, as the Compare view shows it; without, to what
   * its sentence or title names, as briefs show it.
   */
  outlets: boolean;
}

type RequestDoc = CompareRequest['docs'][number];

export class LibraryComparer {
  constructor(private readonly deps: LibraryComparerDeps) {}

  async compare(docIds: string[], options: CompareOptions): Promise<CompareResult> {
    const docs: RequestDoc[] = [];
    for (const id of docIds) docs.push(this.deps.storedClaimsCurrent(id) ? this.stored(id, options) : await this.refreshed(id, options, false));
    // Claims can go out of date between the check and the reading (or the record says less than the
    // file): the executor names those, they are brought up to date, and the second time given inline.
    for (let attempt = 0; ; attempt++) {
      const reply = await this.deps.executor.compare({ libraryDir: this.deps.libraryDir, engineVersion: this.deps.engineVersion, docs, scope: options.scope });
      if ('result' in reply) return reply.result;
      const stale = new Set(reply.stale);
      for (const [i, doc] of docs.entries()) if (doc.docId && stale.has(doc.docId)) docs[i] = await this.refreshed(doc.docId, options, attempt > 0);
    }
  }

  /** What a comparison of these documents depends on, as a key: it changes whenever their comparison could. */
  state(docIds: string[]): string {
    return docIds
      .map((id) => {
        const record = this.deps.document(id);
        const reviews = this.deps.reviews(id).map((r) => `${r.id}@${r.updatedAt}`);
        return JSON.stringify([id, record.claimsVersion, record.claimCount, record.title, record.published, record.outlet, reviews]);
      })
      .join('\n');
  }

  private stored(id: string, options: CompareOptions): StoredCompareDoc {
    const record = this.deps.document(id);
    return {
      docId: id,
      title: record.title,
      published: record.published,
      outlet: options.outlets ? (record.outlet ?? null) : null,
      reviews: this.deps.reviews(id),
      chars: record.chars,
      claimCount: record.claimCount ?? 0,
    };
  }

  /** The document after its claims are brought up to date: read as stored when they now are, else given with its claims. */
  private async refreshed(id: string, options: CompareOptions, inline: boolean): Promise<RequestDoc> {
    const claims = await this.deps.claims(id);
    if (!inline && this.deps.storedClaimsCurrent(id)) return this.stored(id, options);
    const record = this.deps.document(id);
    const input: CompareInput = { doc: id, docId: id, title: record.title, published: record.published, outlet: options.outlets ? (record.outlet ?? null) : null, claims };
    return input;
  }
}
