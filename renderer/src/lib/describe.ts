// Claims in plain words: who says so and through whom, the figures with their bounds, hedges and
// negation, as the claim popover, the claims panel and screen readers present them.
import type { Claim, ClaimKind, Certainty, Quantity } from '../../../shared/types/claims';
import type { Verdict } from '../../../shared/types/compare';
import { formatFigure } from '../../../shared/figures';
import { figureIn } from '../../../shared/compare/measure';

export { formatNumber } from '../../../shared/figures';

/**
 * The figure as qualified, through the one figure formatter Compare and exports use: "about 3,000
 * soldiers", "well under 3,000" for "nowhere near 3,000", "25,000–30,000 troops"; vague amounts as the
 * document wrote them ("tens of thousands of people"); rates with their denominator.
 */
export function describeQuantity(q: Quantity, claim?: Claim): string {
  if (q.vague || q.high === null) {
    const written = q.text.toLowerCase();
    return q.unit ? `${written}${/s$/.test(written) ? ' of' : ''} ${q.unit}` : written;
  }
  const figure = claim ? figureIn(claim.text, claim.start, q) : { ...q };
  const text = formatFigure(figure);
  const per = q.canonicalUnit?.per ? ` per ${q.canonicalUnit.per}` : '';
  return `${text}${q.unit && !text.toLowerCase().includes(q.unit.toLowerCase()) ? ` ${q.unit}` : ''}${per}`;
}

/** "Western officials, via CNN", or null for a claim the document makes in its own voice. */
export function describeSource(claim: Claim): string | null {
  if (!claim.attribution) return null;
  const via = claim.attribution.via.map((outlet) => `, via ${outlet}`).join('');
  return `${claim.attribution.source}${via}`;
}

function quoteList(words: string[]): string {
  return words.map((w) => `‘${w}’`).join(', ');
}

export const CERTAINTY_LABEL: Record<Certainty, string> = {
  asserted: 'Asserted',
  attributed: 'Attributed',
  hedged: 'Hedged',
};

/** A comparison group's verdict as Compare and the brief composer show it. */
export const VERDICT_LABEL: Record<Verdict, string> = { conflicting: 'Conflict', evolving: 'Changed over time', consistent: 'Agree', single: 'One source' };

export const KIND_LABEL: Record<ClaimKind, string> = {
  quantity: 'Quantity',
  event: 'Event',
  statement: 'Statement',
  quote: 'Quote',
  forecast: 'Forecast',
};

/** "say" or "says", by the head noun of the source: "Analysts at the institute" say, "The governor of X" says. */
function verbFor(source: string): string {
  const words = source.split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && /^(?:at|of|from|in|for|with|on|to|close|familiar)$/i.test(w));
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? '';
  const plural = /^(?:two|three|four|five|several|many|some|both)$/i.test(words[0] ?? '') || (/s$/i.test(head) && !/(?:ss|us|is|news)$/i.test(head)) || /^(?:people|police|staff|personnel)$/i.test(head);
  return plural ? 'say' : 'says';
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/**
 * One sentence for the whole claim, e.g.
 * "Western officials, via CNN, say about 4,000 (approximate) soldiers — hedged by ‘may’".
 */
export function summarizeClaim(claim: Claim): string {
  const figures = claim.quantities.map((q) => describeQuantity(q, claim)).join(', ');
  let sentence: string;
  if (claim.attribution) {
    const { source, via } = claim.attribution;
    const who = via.length ? `${source}${via.map((outlet) => `, via ${outlet}`).join('')},` : source;
    sentence = `${capitalize(who)} ${verbFor(source)} ${figures || 'so'}`;
  } else if (claim.opinion) sentence = 'The writer’s opinion, not a checkable fact';
  else sentence = figures ? `The document states ${figures}` : 'The document states this in its own voice';
  const tails: string[] = [];
  if (claim.negated) tails.push('negated');
  if (claim.hedges.length) tails.push(`hedged by ${quoteList(claim.hedges)}`);
  else if (claim.certainty === 'hedged') tails.push('hedged');
  return tails.length ? `${sentence} — ${tails.join(', ')}` : sentence;
}

export interface ClaimFact {
  label: string;
  value: string;
}

/** The attribution chain, hedges, negation, figures and review state as label/value rows. */
export function claimFacts(claim: Claim): ClaimFact[] {
  const facts: ClaimFact[] = [];
  if (claim.attribution) {
    facts.push({ label: 'Source', value: claim.attribution.source });
    if (claim.attribution.via.length) facts.push({ label: 'Via', value: claim.attribution.via.join(' → ') });
  } else {
    facts.push({ label: 'Source', value: 'the document itself (no one is cited)' });
  }
  const certainty = CERTAINTY_LABEL[claim.certainty];
  // Opinion is never presented as an asserted fact.
  if (claim.opinion) facts.push({ label: 'Certainty', value: 'Opinion: the writer evaluates or speculates, not a checkable fact' });
  else facts.push({ label: 'Certainty', value: claim.hedges.length ? `${certainty}, by ${quoteList(claim.hedges)}` : certainty });
  if (claim.negated) facts.push({ label: 'Negation', value: 'yes: the claim says this is not so' });
  for (const q of claim.quantities) facts.push({ label: 'Figure', value: describeQuantity(q, claim) });
  const review = reviewLabel(claim);
  if (review) facts.push({ label: 'Review', value: review });
  return facts;
}

/** "Rejected", "Accepted, edited", "Added by you", or null for a claim nobody reviewed. */
export function reviewLabel(claim: Claim): string | null {
  const review = claim.review;
  if (!review) return null;
  const parts: string[] = [];
  if (review.added) parts.push('Added by you');
  else if (review.status === 'accepted') parts.push('Accepted');
  else if (review.status === 'rejected') parts.push('Rejected');
  if (review.edited) parts.push(parts.length ? 'edited' : 'Edited');
  if (review.added && review.status === 'rejected') parts.push('rejected');
  return parts.length ? parts.join(', ') : null;
}
