// The engine's public contract: normalisation, the ClaimSet shape and offsets, claim kinds and scores, and
// sound results on large and degenerate inputs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimSet } from '../../../shared/types/claims.ts';
import { ENGINE_VERSION, extractClaims, normalizeText } from '../../../electron/services/claims/engine.ts';

const FIXTURES = join(process.cwd(), 'tests/unit/claims/fixtures/articles');
const articles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => normalizeText(readFileSync(join(FIXTURES, f), 'utf8')));

function checkInvariants(set: ClaimSet): void {
  let last = -1;
  set.claims.forEach((c, i) => {
    expect(c.id).toBe(`c${i + 1}`);
    expect(c.start).toBeGreaterThanOrEqual(last);
    expect(c.end).toBeGreaterThan(c.start);
    expect(set.text.slice(c.start, c.end)).toBe(c.text);
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(1);
    for (const q of [...c.quantities, ...c.entities]) {
      expect(q.start).toBeGreaterThanOrEqual(c.start);
      expect(q.end).toBeLessThanOrEqual(c.end);
      expect(set.text.slice(q.start, q.end)).toBe(q.text);
    }
    for (const q of c.quantities) if (q.high !== null) expect(q.low).toBeLessThanOrEqual(q.high);
    if (c.hedges.length) expect(c.certainty).toBe('hedged');
    else expect(c.certainty).toBe(c.attribution ? 'attributed' : 'asserted');
    last = c.end;
  });
}

describe('normalizeText', () => {
  it('turns CRLF and CR into LF and composes to NFC, nothing else', () => {
    expect(normalizeText('a\r\nb\rc\n\td  ')).toBe('a\nb\nc\n\td  ');
    expect(normalizeText('Zoe\u0308 cafe\u0301')).toBe('Zoë café');
  });
});

describe('extractClaims', () => {
  it('returns an empty set for empty or blank text', () => {
    expect(extractClaims('')).toEqual({ text: '', claims: [], engineVersion: ENGINE_VERSION });
    expect(extractClaims(' \n\n\t ').claims).toEqual([]);
  });

  it('returns the text it was given and a version', () => {
    const text = articles[0];
    const set = extractClaims(text);
    expect(set.text).toBe(text);
    expect(typeof ENGINE_VERSION).toBe('string');
    expect(set.engineVersion).toBe(ENGINE_VERSION);
  });

  it('keeps ids, offsets, quantities, entities and certainty consistent on every fixture article', () => {
    for (const text of articles) {
      const set = extractClaims(text);
      expect(set.claims.length).toBeGreaterThan(10);
      checkInvariants(set);
    }
  });

  it('is deterministic', () => {
    expect(extractClaims(articles[1])).toEqual(extractClaims(articles[1]));
  });

  it('offsets survive astral characters and odd spaces', () => {
    const text = normalizeText('Fans 😀 cheered\u00a0loudly as 3,000 people marched. Police said the march\u2028was peaceful.');
    checkInvariants(extractClaims(text));
  });

  it('classifies kinds', () => {
    const kinds = extractClaims(
      [
        'The storm destroyed 300 homes.',
        '“We will rebuild every house,” the mayor said.',
        'The council will vote on the plan next week.',
        'The bridge collapsed on Tuesday.',
        'Coastal towns face rising seas.',
      ].join('\n'),
    ).claims.map((c) => c.kind);
    expect(kinds).toEqual(['quantity', 'quote', 'forecast', 'event', 'statement']);
  });

  it('records typed entities for quantities, dates and sources', () => {
    const [c] = extractClaims('The ministry said 40% of wells ran dry in August.').claims;
    expect(c.entities.map((e) => [e.type, e.text])).toEqual([
      ['SOURCE', 'The ministry'],
      ['PERCENT', '40%'],
      ['DATE', 'August'],
    ]);
  });

  it('scores attributed quantity claims above bare short statements', () => {
    const [a, b] = extractClaims('Officials said 1,200 homes were flooded.\nIt rained.').claims;
    expect(a.score).toBeGreaterThan(b.score);
  });
});

// How fast the engine runs, and how its time grows with the text, is measured by `npm run bench`
// (extract.*). These tests check that large and degenerate inputs finish with a sound result; their
// timeouts only catch a hang (catastrophic backtracking on 1 MB would run for hours), not a slowdown.
describe('large and degenerate inputs', () => {
  it('finishes degenerate 1 MB inputs with a sound claim set', { timeout: 180_000 }, () => {
    const units = ['a', 'word ', '. ', '“', '1,', 'said ', 'the ', '😀 ', '\n', 'x\n', 'according to ', '5 % '];
    for (const unit of units) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const set = extractClaims(text);
      expect(set.text, JSON.stringify(unit)).toBe(text);
      checkInvariants(set);
    }
  });

  it('finishes a 20 MB document with claims found all the way through', { timeout: 300_000 }, () => {
    const base = articles.join('\n') + '\n';
    const copies = (size: number) => Math.ceil(size / base.length);
    const small = extractClaims(base.repeat(copies(1_000_000))).claims.length;
    const big = extractClaims(base.repeat(copies(20_000_000))).claims;
    // As many claims per copy of the articles as in 1 MB of them, and the last copy read too.
    expect(big.length / copies(20_000_000)).toBeGreaterThan(0.98 * (small / copies(1_000_000)));
    expect(big.at(-1)!.end).toBeGreaterThan(base.length * (copies(20_000_000) - 1));
  });
});

describe('quote continuity', () => {
  const sources = (raw: string): Array<string | null> => extractClaims(normalizeText(raw)).claims.map((c) => c.attribution?.source ?? null);

  it('gives every sentence of a quotation the speaker named where it closes', () => {
    expect(sources('“The harvest was the worst in a decade. Half the vines were lost. We will replant in spring,” said Clara Mendes, a grower.')).toEqual([
      'Clara Mendes',
      'Clara Mendes',
      'Clara Mendes',
    ]);
  });

  it('carries a speaker named earlier in the paragraph into the quotation', () => {
    expect(sources('Owen Tate said the ferry service had collapsed. “We warned the council for years. Nobody answered.”')).toEqual(['Owen Tate', 'Owen Tate', 'Owen Tate']);
  });

  it('follows a quotation across paragraphs while it continues', () => {
    const raw = 'Rosa Kim, the harbour master, said the storm had passed.\n“Three boats sank at their moorings. The sea wall held.\n“We will need a new pontoon before summer.”\nThe council meets on Monday.';
    expect(sources(raw)).toEqual(['Rosa Kim, the harbour master', 'Rosa Kim, the harbour master', 'Rosa Kim, the harbour master', 'Rosa Kim, the harbour master', null]);
  });

  it('does not give scare quotes or the outlet’s own sentences a speaker', () => {
    expect(sources('Priya Nair said the plan was sound. The so-called “rescue fund” opened on Monday.')).toEqual(['Priya Nair', null]);
  });
});

describe('opinion', () => {
  const first = (raw: string): Claim => extractClaims(normalizeText(raw)).claims[0];

  it.each([
    'There is every reason to doubt the official figures.',
    'It seems the council wants to sell the playing fields.',
    'The decision was a disaster for the town.',
    'Frankly, the new timetable is a mess.',
  ])('labels "%s" as opinion', (text) => {
    expect(first(text).opinion).toBe(true);
  });

  it.each([
    'The museum will close in April.',
    'Sadly, the museum will close in April.',
    '“It is a disaster for the town,” the mayor said.',
  ])('does not label "%s" as opinion', (text) => {
    expect(first(text).opinion).toBe(false);
  });
});

describe('lead-ins and repeats', () => {
  it('gives the paragraph after "X said:" to X, and only that paragraph', () => {
    const set = extractClaims(
      normalizeText(
        [
          'The canal reopened on Monday after six days.',
          'Osama Rabie, the head of the canal authority, told reporters:',
          '“The backlog of ships will be cleared within four days.”',
          'Shipping rates fell by a third over the following month.',
        ].join('\n\n'),
      ),
    );
    const backlog = set.claims.find((c) => c.text.includes('backlog'))!;
    expect(backlog.attribution?.source).toBe('Osama Rabie, the head of the canal authority');
    expect(backlog.attribution?.cue).toBe('lead-in');
    expect(backlog.certainty).toBe('attributed');
    expect(set.claims.find((c) => c.text.includes('Shipping rates'))!.attribution).toBeNull();
    expect(set.claims.some((c) => c.text.includes('told reporters:'))).toBe(false);
  });

  it('keeps one claim for a sentence printed twice, such as a photo caption', () => {
    const caption = 'Tugboats pulled the stranded container ship free on Monday afternoon.';
    const set = extractClaims(normalizeText([caption, 'The ship had run aground on 23 March during a sandstorm.', caption].join('\n\n')));
    expect(set.claims.filter((c) => c.text === caption)).toHaveLength(1);
    expect(set.claims).toHaveLength(2);
  });
});
