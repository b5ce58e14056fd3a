// Claim review decisions: stored with an anchor, merged into claim sets, and re-attached when the
// extraction changes (new ids, shifted offsets).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimSet } from '../../../shared/types/claims.ts';
import { LibraryStore } from '../../../electron/services/storage/library-store.ts';
import { ReviewService, type StoredReview } from '../../../electron/services/review/review-service.ts';

const text = 'Officials said 300 homes flooded. The river rose two metres. Aid arrived on Tuesday.';

function claim(id: string, sentence: string, source: string | null = null, offset = 0): Claim {
  const start = text.indexOf(sentence) + offset;
  return { id, start, end: start + sentence.length, text: sentence, kind: 'statement', certainty: source ? 'attributed' : 'asserted', hedges: [], negated: false, attribution: source ? { source, via: [], cue: 'said' } : null, quantities: [], entities: [], score: 0.9 };
}

const setV1: ClaimSet = { text, claims: [claim('c1', 'Officials said 300 homes flooded.', 'Officials'), claim('c2', 'The river rose two metres.')], engineVersion: '1' };

let dir: string;
let store: LibraryStore;
let review: ReviewService;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-review-'));
  store = new LibraryStore(dir);
  review = new ReviewService(store.collection<StoredReview>('reviews'));
  await store.open();
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('claim review', () => {
  it('rejects and edits claims, and the decisions survive re-extraction with new ids', async () => {
    const rejected = await review.review('aaaaaaaaaaaa', setV1, 'c2', 'rejected', undefined);
    expect(rejected.review).toMatchObject({ status: 'rejected', edited: false });
    const edited = await review.review('aaaaaaaaaaaa', setV1, 'c1', undefined, { source: 'City officials', via: ['Local Radio'], quantities: [{ low: 300, high: 300, unit: 'homes' }] });
    expect(edited.attribution).toMatchObject({ source: 'City officials', via: ['Local Radio'] });
    expect(edited.review).toMatchObject({ status: 'accepted', edited: true });

    // A new engine version: different ids and a third claim in front.
    const setV2: ClaimSet = { text, claims: [claim('k9', 'Aid arrived on Tuesday.'), claim('k1', 'Officials said 300 homes flooded.', 'Officials'), claim('k2', 'The river rose two metres.')], engineVersion: '2' };
    const merged = review.apply('aaaaaaaaaaaa', setV2);
    const byText = (t: string) => merged.claims.find((c) => c.text === t)!;
    expect(byText('The river rose two metres.').review?.status).toBe('rejected');
    expect(byText('Officials said 300 homes flooded.').attribution?.source).toBe('City officials');
    expect(byText('Officials said 300 homes flooded.').quantities[0]).toMatchObject({ low: 300, high: 300, unit: 'homes' });
    expect(byText('Aid arrived on Tuesday.').review).toBeUndefined();
  });

  it('adds a claim from a selection and keeps it when the document is extracted again', async () => {
    const start = text.indexOf('Aid arrived');
    const added = await review.add('aaaaaaaaaaaa', setV1, start, start + 'Aid arrived on Tuesday.'.length, { kind: 'event' });
    expect(added).toMatchObject({ text: 'Aid arrived on Tuesday.', kind: 'event', review: { added: true, status: 'accepted' } });
    const merged = review.apply('aaaaaaaaaaaa', { ...setV1, engineVersion: '2' });
    expect(merged.claims.map((c) => c.text)).toEqual(['Officials said 300 homes flooded.', 'The river rose two metres.', 'Aid arrived on Tuesday.']);
  });

  it('refuses bad input', async () => {
    await expect(review.review('aaaaaaaaaaaa', setV1, 'c404', 'rejected', undefined)).rejects.toThrow(/No claim/);
    await expect(review.review('aaaaaaaaaaaa', setV1, 'c1', 'maybe' as never, undefined)).rejects.toThrow(/Unknown review status/);
    await expect(review.review('aaaaaaaaaaaa', setV1, 'c1', undefined, { quantities: [{ low: 5, high: 1 }] })).rejects.toThrow(/low ≤ high/);
    await expect(review.add('aaaaaaaaaaaa', setV1, 10, 5, null)).rejects.toThrow(/outside/);
  });
});
