// Claim review decisions: stored with an anchor, merged into claim sets, and re-attached when the
// extraction changes (new ids, shifted offsets); corrections that leave the verdict open, reverted to the
// engine's extraction, and written with their separators; claims added with the engine's reading.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimSet } from '../../../shared/types/claims.ts';
import { LibraryStore } from '../../../electron/services/storage/library-store.ts';
import { ReviewService, type StoredReview } from '../../../electron/services/review/review-service.ts';
import { normalizeText, readPassage } from '../../../electron/services/claims/engine.ts';

const text = 'Officials said 300 homes flooded. The river rose two metres. Aid arrived on Tuesday.';

function claim(id: string, sentence: string, source: string | null = null, offset = 0): Claim {
  const start = text.indexOf(sentence) + offset;
  return { id, start, end: start + sentence.length, text: sentence, kind: 'statement', certainty: source ? 'attributed' : 'asserted', hedges: [], negated: false, attribution: source ? { source, via: [], cue: 'said' } : null, quantities: [], entities: [], score: 0.9 };
}

const setV1: ClaimSet = { text, claims: [claim('c1', 'Officials said 300 homes flooded.', 'Officials'), claim('c2', 'The river rose two metres.')], engineVersion: '1' };

let dir: string;
let store: LibraryStore;
let review: ReviewService;
let reading: ReviewService;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-review-'));
  store = new LibraryStore(dir);
  const reviews = store.collection<StoredReview>('reviews');
  review = new ReviewService(reviews);
  reading = new ReviewService(reviews, readPassage);
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
    // A correction is not a verdict: the claim stays open until accepted.
    expect(edited.review).toMatchObject({ status: 'pending', edited: true });

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

  it('reverts a corrected claim to the engine extraction, and writes edited figures with separators', async () => {
    const edited = await review.review('aaaaaaaaaaaa', setV1, 'c1', 'accepted', { source: 'City officials', quantities: [{ low: 11000, high: 11000, unit: 'troops' }, { low: 2500, high: 3000, unit: null }] });
    expect(edited.quantities.map((q) => q.text)).toEqual(['11,000', '2,500 to 3,000']);
    expect(edited.review).toMatchObject({ status: 'accepted', edited: true });
    const reverted = await review.revert('aaaaaaaaaaaa', setV1, 'c1');
    expect(reverted).toEqual(setV1.claims[0]);
    expect(review.apply('aaaaaaaaaaaa', setV1).claims[0].review).toBeUndefined();
    // An empty correction is none.
    const same = await review.review('aaaaaaaaaaaa', setV1, 'c2', 'accepted', {});
    expect(same.review).toMatchObject({ status: 'accepted', edited: false });
  });

  it('reads an added passage with the claims engine: the speaker a lead-in names, and its figures', async () => {
    const story = normalizeText(
      ['The canal reopened on Monday.', 'Osama Rabie, the head of the canal authority, also said:', 'Would the backlog of 422 ships clear by Friday? Perhaps not.'].join('\n\n'),
    );
    const set: ClaimSet = { text: story, claims: [], engineVersion: 'x' };
    const start = story.indexOf('Would the');
    const end = story.indexOf('Friday?') + 'Friday?'.length;
    const added = await reading.add('bbbbbbbbbbbb', set, start, end, undefined);
    expect(added.attribution?.source).toBe('Osama Rabie, the head of the canal authority');
    expect(added.certainty).toBe('attributed');
    expect(added.quantities.map((q) => q.low)).toEqual([422]);
    expect(added.review).toMatchObject({ added: true, edited: false });
    // The analyst's correction wins, and reverting it goes back to the engine's reading.
    const corrected = await reading.review('bbbbbbbbbbbb', set, added.id, undefined, { source: 'a canal pilot' });
    expect(corrected.attribution?.source).toBe('a canal pilot');
    expect((await reading.revert('bbbbbbbbbbbb', set, added.id)).attribution?.source).toBe('Osama Rabie, the head of the canal authority');
  });

  it('refuses bad input', async () => {
    await expect(review.review('aaaaaaaaaaaa', setV1, 'c404', 'rejected', undefined)).rejects.toThrow(/No claim/);
    await expect(review.review('aaaaaaaaaaaa', setV1, 'c1', 'maybe' as never, undefined)).rejects.toThrow(/Unknown review status/);
    await expect(review.review('aaaaaaaaaaaa', setV1, 'c1', undefined, { quantities: [{ low: 5, high: 1 }] })).rejects.toThrow(/low ≤ high/);
    await expect(review.add('aaaaaaaaaaaa', setV1, 10, 5, null)).rejects.toThrow(/outside/);
  });
});
