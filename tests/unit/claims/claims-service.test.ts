// The claims use case in one place: the engine's extraction of a stored document with the user's review
// decisions and added claims merged in, on a real library folder in a temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import { LibraryStore } from '../../../electron/services/storage/library-store.ts';
import { ReviewService, type StoredReview } from '../../../electron/services/review/review-service.ts';
import { ClaimsService } from '../../../electron/services/claims/claims-service.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';

const DOC = 'bbbbbbbbbbbb';
const text = 'The ferry carried 420 passengers, the operator said. Crossings resume on Friday. The new timetable was a disaster.';

let dir: string;
let store: LibraryStore;
let service: ClaimsService;
let extractions = 0;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-claims-'));
  store = new LibraryStore(dir);
  const review = new ReviewService(store.collection<StoredReview>('reviews'));
  await store.open();
  extractions = 0;
  service = new ClaimsService({
    extracted: async (): Promise<ClaimSet> => {
      extractions++;
      return extractClaims(text);
    },
    review,
  });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ClaimsService', () => {
  it('lists the extraction with review decisions and added claims merged in', async () => {
    const before = await service.list(DOC);
    expect(before.claims.map((c) => c.text)).toEqual(['The ferry carried 420 passengers, the operator said.', 'Crossings resume on Friday.', 'The new timetable was a disaster.']);
    expect(before.claims[2].opinion).toBe(true);
    const second = before.claims[1];
    await service.review(DOC, second.id, 'rejected', undefined);
    const added = await service.add(DOC, 0, 9, undefined);
    expect(added.review).toMatchObject({ added: true });
    const after = await service.list(DOC);
    expect(after.claims.find((c) => c.text === second.text)?.review?.status).toBe('rejected');
    expect(after.claims.some((c) => c.review?.added && c.text === 'The ferry')).toBe(true);
    expect(extractions).toBe(4);
  });
});
