// Finds, for a claim in one document, the most comparable claim in another, with the Compare engine's own
// reading of what each figure measures (shared/compare): the same measure first, then figures that can
// both hold, then wording. Pure, so the reader and its tests share one definition with Compare.
import type { Claim, Quantity } from '../../../shared/types/claims';
import { figuresAgree } from '../../../shared/figures';
import { measureOf, figureIn, labelOf, type Measure } from '../../../shared/compare/measure';
import { LEX } from '../../../shared/compare/lexicon';

export interface RelatedMatch {
  claim: Claim;
  /** 0..1, higher is more alike. */
  score: number;
  /** Why the two claims were matched, in plain words ("same measure: deaths", "overlapping figures"). */
  reasons: string[];
}

// Measures are read once per claim: a reader pane asks for the same claims many times.
const measured = new WeakMap<Claim, Measure[]>();

function measuresOf(claim: Claim): Measure[] {
  let found = measured.get(claim);
  if (!found) {
    found = claim.quantities.map((q) => measureOf(claim.text, { start: q.start - claim.start, end: q.end - claim.start, quantityText: q.text, unit: q.unit }));
    measured.set(claim, found);
  }
  return found;
}

/** The measure a figure counts, whether or not it is an increment ("an additional 25,000" and "11,000"). */
const baseKey = (m: Measure) => m.key?.replace(/\|added$/, '') ?? null;

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    if (match[0].length >= 3 && !LEX.stopwords.has(match[0])) words.add(match[0]);
  }
  return words;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

const figure = (claim: Claim, q: Quantity) => figureIn(claim.text, claim.start, q);

/** How alike two claims are, with the reasons; exported so the reader can say why it jumped where it did. */
export function compareClaims(claim: Claim, candidate: Claim): RelatedMatch {
  const reasons: string[] = [];
  const wordScore = jaccard(contentWords(claim.text), contentWords(candidate.text));
  if (!claim.quantities.length || !candidate.quantities.length) {
    if (wordScore > 0.15) reasons.push('similar wording');
    // Claims without figures only compare by wording, and count for less than a figure match.
    const score = claim.quantities.length || candidate.quantities.length ? wordScore * 0.6 : wordScore;
    return { claim: candidate, score, reasons };
  }
  const mine = measuresOf(claim);
  const theirs = measuresOf(candidate);
  let sameMeasure: Measure | null = null;
  let agree = false;
  let disputes = false;
  for (let i = 0; i < mine.length; i++) {
    for (let j = 0; j < theirs.length; j++) {
      const a = baseKey(mine[i]);
      if (!a || a !== baseKey(theirs[j])) continue;
      // "Tens of thousands" is no figure to compare, as in Compare.
      if (claim.quantities[i].vague || candidate.quantities[j].vague) continue;
      const placesA = mine[i].places.join('+');
      const placesB = theirs[j].places.join('+');
      // Another country's figure is another measure, as in Compare.
      if (placesA && placesB && placesA !== placesB) continue;
      const fa = figure(claim, claim.quantities[i]);
      const fb = figure(candidate, candidate.quantities[j]);
      const both = figuresAgree(fa, fb);
      // "nowhere near 3,000" against "some 3,000": one disputes the very figure the other gives.
      if (fa.denied !== fb.denied && figuresAgree({ ...fa, denied: false }, { ...fb, denied: false })) disputes = true;
      if (!sameMeasure || (both && !agree)) {
        sameMeasure = mine[i];
        agree = both;
      }
    }
  }
  if (sameMeasure) reasons.push(`same measure: ${labelOf(sameMeasure)}`);
  if (sameMeasure && disputes) reasons.push('disputes the same figure');
  else if (sameMeasure && agree) reasons.push('overlapping figures');
  else if (sameMeasure) reasons.push('figures that differ');
  if (wordScore > 0.15) reasons.push('similar wording');
  const score = (sameMeasure ? 0.6 : 0) + (agree || disputes ? 0.15 : 0) + 0.25 * Math.min(1, wordScore * 2);
  return { claim: candidate, score, reasons };
}

/** Below this a "related" claim would be a guess; the reader says there is none instead. */
export const RELATED_THRESHOLD = 0.12;

/** True for the claim itself, also when it arrives as a copy; ids alone repeat across documents (c1, c2…). */
function isSameClaim(a: Claim, b: Claim): boolean {
  return a === b || (a.id === b.id && a.start === b.start && a.text === b.text);
}

/** Candidates ranked by likeness to `claim`, best first; rejected candidates are left out. */
export function rankRelated(claim: Claim, candidates: readonly Claim[]): RelatedMatch[] {
  return candidates
    .filter((c) => !isSameClaim(claim, c) && c.review?.status !== 'rejected')
    .map((c) => compareClaims(claim, c))
    .filter((m) => m.score >= RELATED_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.claim.score - a.claim.score || a.claim.start - b.claim.start);
}

/** The claim among `candidates` most like `claim`, or null when none is alike enough. */
export function relatedClaim(claim: Claim, candidates: readonly Claim[]): Claim | null {
  return rankRelated(claim, candidates)[0]?.claim ?? null;
}
