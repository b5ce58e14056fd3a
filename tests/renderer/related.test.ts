// relatedClaim: from a claim in one report to the most comparable claim in another, by what the figures
// measure (the Compare engine's reading), figures that can both hold and wording; plus the plain-words
// description the popover shows.
import { describe, expect, it } from 'vitest';
import type { Claim, Quantity } from '../../shared/types/claims';
import { compareClaims, rankRelated, relatedClaim } from '@renderer/lib/related';
import { claimFacts, describeQuantity, summarizeClaim } from '@renderer/lib/describe';

let nextId = 0;
function quantity(text: string, low: number, high = low, extra: Partial<Quantity> = {}): Quantity {
  return { text, start: 0, end: text.length, low, high, approximate: false, bound: low === high ? 'exact' : 'range', unit: null, vague: false, ...extra };
}
function claim(text: string, quantities: Quantity[] = [], extra: Partial<Claim> = {}): Claim {
  // Each figure sits where its text does, as the engine reports it.
  for (const q of quantities) {
    const at = text.indexOf(q.text);
    if (at >= 0) Object.assign(q, { start: at, end: at + q.text.length });
  }
  return {
    id: `c${++nextId}`,
    start: 0,
    end: text.length,
    text,
    kind: quantities.length ? 'quantity' : 'statement',
    certainty: 'asserted',
    hedges: [],
    negated: false,
    attribution: null,
    quantities,
    entities: [],
    score: 0.5,
    ...extra,
  };
}

describe('relatedClaim', () => {
  const some3000 = claim('Some 3,000 soldiers crossed the ridge overnight, according to regional officials.', [
    quantity('3,000', 3000, 3000, { approximate: true, unit: 'soldiers' }),
  ]);
  const nowhereNear = claim('Analysts said the first crossing involved nowhere near 3,000 soldiers, only a few hundred scouts.', [
    quantity('3,000', 3000, 3000, { bound: 'at-most', unit: 'soldiers' }),
    quantity('a few hundred', 200, 500, { unit: 'scouts' }),
  ], { negated: true });
  const elevenThousand = claim('Satellite images suggest 11,000 troops are now massed behind the ridge.', [quantity('11,000', 11000, 11000, { unit: 'troops' })]);
  const families = claim('Roughly 2,000 families have fled the valley villages.', [quantity('2,000', 2000, 2000, { approximate: true, unit: 'families' })]);
  const geneva = claim('Negotiators are expected to meet in Geneva on Friday.');
  const kilometres = claim('The convoy stretched for 3,000 kilometres.', [quantity('3,000', 3000, 3000, { unit: 'kilometres' })]);

  it('leads from "some 3,000 soldiers" to "nowhere near 3,000 soldiers" first, then to "11,000 troops"', () => {
    expect(relatedClaim(some3000, [geneva, families, elevenThousand, nowhereNear, kilometres])).toBe(nowhereNear);
    const ranked = rankRelated(some3000, [geneva, families, elevenThousand, nowhereNear, kilometres]).map((m) => m.claim);
    expect(ranked.slice(0, 2)).toEqual([nowhereNear, elevenThousand]);
  });

  it('treats troops, soldiers and personnel as one measure', () => {
    const personnel = claim('The ministry put the garrison at 9,500 personnel.', [quantity('9,500', 9500, 9500, { unit: 'personnel' })]);
    expect(relatedClaim(elevenThousand, [families, personnel, geneva])).toBe(personnel);
    expect(compareClaims(elevenThousand, personnel).reasons.join(' ')).toMatch(/^same measure: /);
  });

  it('does not jump from a deployment to deserters or casualties of the same soldiers', () => {
    const additional = claim('The army is sending an additional 25,000 to 30,000 soldiers to the front.', [quantity('25,000 to 30,000', 25000, 30000, { unit: 'soldiers' })]);
    const deserted = claim('Some 18 soldiers are believed to have deserted their unit.', [quantity('18', 18, 18, { approximate: true, unit: 'soldiers' })]);
    const killed = claim('Around 4,000 of those soldiers were killed or injured.', [quantity('4,000', 4000, 4000, { approximate: true, unit: 'soldiers' })]);
    expect(relatedClaim(additional, [deserted, killed, elevenThousand])).toBe(elevenThousand);
    expect(compareClaims(additional, deserted).reasons.join(' ')).not.toMatch(/same measure/);
  });

  it('does not compare figures across different units, even when the numbers are equal', () => {
    const match = compareClaims(some3000, kilometres);
    expect(match.reasons).not.toContain('overlapping figures');
    expect(compareClaims(some3000, nowhereNear).score).toBeGreaterThan(match.score);
  });

  it('says why two claims match', () => {
    const reasons = compareClaims(some3000, elevenThousand).reasons;
    expect(reasons[0]).toMatch(/^same measure: /);
    expect(reasons).toContain('figures that differ');
  });

  it('overlaps ranges and bounds: "25,000 to 30,000" meets "at least 28,000", not "about 4,000"', () => {
    const range = claim('Between 25,000 and 30,000 people attended.', [quantity('25,000 and 30,000', 25000, 30000, { unit: 'people' })]);
    const atLeast = claim('Organisers said at least 28,000 people attended.', [quantity('28,000', 28000, 28000, { bound: 'at-least', unit: 'people' })]);
    const about4000 = claim('Police said about 4,000 people attended.', [quantity('4,000', 4000, 4000, { approximate: true, unit: 'people' })]);
    expect(relatedClaim(range, [about4000, atLeast])).toBe(atLeast);
  });

  it('matches claims without figures by wording, and gives up when nothing is alike', () => {
    const talks = claim('Talks between the two capitals are due to resume in Geneva on Friday.');
    expect(relatedClaim(talks, [families, geneva])).toBe(geneva);
    const unrelated = claim('The harvest festival drew record crowds of tourists.');
    expect(relatedClaim(unrelated, [geneva, families])).toBeNull();
    expect(relatedClaim(talks, [])).toBeNull();
  });

  it('skips rejected candidates and the claim itself', () => {
    const rejected = { ...nowhereNear, review: { id: 'r1', status: 'rejected' as const, edited: false, added: false } };
    expect(relatedClaim(some3000, [some3000, { ...some3000 }, rejected, elevenThousand])).toBe(elevenThousand);
  });

  it('compares claims whose ids repeat across documents', () => {
    // Every document numbers its claims c1, c2, …: an equal id is not the same claim.
    const other = { ...nowhereNear, id: some3000.id };
    expect(relatedClaim(some3000, [elevenThousand, other])).toBe(other);
  });
});

describe('claims in plain words', () => {
  it('summarises source, outlets, figures and hedges in one sentence', () => {
    const c = claim('Western officials told CNN about 4,000 soldiers may have been killed.', [quantity('about 4,000', 4000, 4000, { approximate: true, unit: 'soldiers' })], {
      certainty: 'hedged',
      hedges: ['may'],
      attribution: { source: 'Western officials', via: ['CNN'], cue: 'told' },
    });
    expect(summarizeClaim(c)).toBe('Western officials, via CNN, say about 4,000 soldiers — hedged by ‘may’');
    expect(claimFacts(c)).toEqual(
      expect.arrayContaining([
        { label: 'Source', value: 'Western officials' },
        { label: 'Via', value: 'CNN' },
        { label: 'Certainty', value: 'Hedged, by ‘may’' },
      ]),
    );
  });

  it('describes bounds, ranges and negation', () => {
    expect(describeQuantity(quantity('at least 120,000', 120000, 120000, { bound: 'at-least', unit: 'people' }))).toBe('at least 120,000 people');
    expect(describeQuantity(quantity('25,000 to 30,000', 25000, 30000, { unit: 'troops' }))).toBe('25,000–30,000 troops');
    expect(describeQuantity(quantity('thousands', 1000, 1000, { vague: true, unit: 'people' }))).toBe('thousands people');
    expect(describeQuantity(quantity('$2.5 billion', 2.5e9, 2.5e9, { unit: 'dollars' }))).toBe('2.5 billion dollars');
    const negated = claim('The office denied that vehicles used the road.', [], { negated: true, attribution: { source: 'The office', via: [], cue: 'denied' } });
    expect(summarizeClaim(negated)).toBe('The office says so — negated');
    const analysts = claim('Analysts at the institute said nowhere near 3,000 soldiers crossed.', [quantity('3,000', 3000, 3000, { bound: 'at-most', unit: 'soldiers' })], {
      attribution: { source: 'Analysts at the Orlen Institute', via: [], cue: 'said' },
    });
    expect(summarizeClaim(analysts)).toBe('Analysts at the Orlen Institute say well under 3,000 soldiers');
    const own = claim('Talks resume on Friday.');
    expect(summarizeClaim(own)).toBe('The document states this in its own voice');
    expect(claimFacts(negated)).toContainEqual({ label: 'Negation', value: 'yes: the claim says this is not so' });
  });
});
