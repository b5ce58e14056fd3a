// Finds, for a claim in one document, the most comparable claim in another: the same counted noun or
// unit, overlapping figures, similar wording. Pure, so the reader and its tests share one definition.
import type { Claim, Quantity } from '../../../shared/types/claims';

/** Words that name the same thing in news copy; keys are singular, lower-case forms. */
const SYNONYMS: Record<string, string> = {
  troop: 'soldier',
  soldier: 'soldier',
  personnel: 'soldier',
  serviceman: 'soldier',
  servicemember: 'soldier',
  'service member': 'soldier',
  'military personnel': 'soldier',
  person: 'person',
  people: 'person',
  individual: 'person',
  tonne: 'tonne',
  ton: 'tonne',
  'metric ton': 'tonne',
  t: 'tonne',
  kilometre: 'kilometre',
  kilometer: 'kilometre',
  km: 'kilometre',
  metre: 'metre',
  meter: 'metre',
  m: 'metre',
  percent: 'percent',
  'per cent': 'percent',
  '%': 'percent',
  pct: 'percent',
  dollar: 'dollar',
  usd: 'dollar',
  $: 'dollar',
  litre: 'litre',
  liter: 'litre',
  rouble: 'rouble',
  ruble: 'rouble',
};

/** Units of measure, as opposed to counted nouns, only so the reason reads right. */
const MEASURES = /^(?:(?:square |cubic )?(?:kilometre|metre|mile|feet|foot|inch|yard|cm|mm|kg|gram|tonne|pound|litre|gallon|barrel|acre|hectare)|percent|percentage point|basis point|point|degree.*|dollar|euro|yen|yuan|rouble|rupee|peso|hryvnia|second|minute|hour|day|week|month|year|decade|century|centurie|mph|km\/h|.*watt.*)$/;

const STOPWORDS = new Set(
  (
    'the a an and or but of to in on at by for with from into onto over under as is are was were be been being has have had ' +
    'that this these those it its they them their there here he she his her we our you your i not no nor than then so such ' +
    'said says say saying told tells according about some would could should may might can will also more most less least ' +
    'who whom which what when where while after before since during if because only just very much many other others'
  ).split(' '),
);

/** Singular, synonym-folded form of a noun or unit, so "troops", "soldiers" and "personnel" compare equal. */
export function normalizeNoun(raw: string): string {
  const word = raw.trim().toLowerCase().replace(/['’]s?$/, '');
  if (!word) return word;
  if (SYNONYMS[word]) return SYNONYMS[word];
  const singular = singularize(word);
  if (SYNONYMS[singular]) return SYNONYMS[singular];
  // Multi-word units ("russian soldiers", "square kilometres"): the head noun is the last word.
  const parts = word.split(/\s+/);
  if (parts.length > 1) {
    const head = normalizeNoun(parts[parts.length - 1]);
    return parts[0] === 'square' || parts[0] === 'cubic' ? `${parts[0]} ${head}` : head;
  }
  return singular;
}

function singularize(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const word = match[0];
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    words.add(normalizeNoun(word));
  }
  return words;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The span of values a quantity stands for. News copy uses bounds loosely ("as many as 11,000" means
 * about 11,000; "nowhere near 3,000" means well under but near it), so a bound opens to half or double
 * the figure rather than to zero or infinity; approximate figures get some slack.
 */
function interval(q: Quantity): [number, number] {
  // A vague amount ("thousands", high null) is read like "at least" its least value.
  if (q.bound === 'at-least' || q.high === null) return [q.low, q.low >= 0 ? q.low * 2 : q.low / 2];
  if (q.bound === 'at-most') return [q.high >= 0 ? q.high / 2 : q.high * 2, q.high];
  const slack = q.approximate || q.vague ? 0.15 : 0;
  return [q.low - Math.abs(q.low) * slack, q.high + Math.abs(q.high) * slack];
}

function representative(q: Quantity): number {
  if (q.bound === 'at-least' || q.high === null) return q.low;
  if (q.bound === 'at-most') return q.high;
  return (q.low + q.high) / 2;
}

/** 1 when the figures can both be true, less the further apart they are, 0 when not comparable. */
function figureSimilarity(a: Quantity, b: Quantity): number {
  const [aLow, aHigh] = interval(a);
  const [bLow, bHigh] = interval(b);
  if (aLow <= bHigh && bLow <= aHigh) return 1;
  const x = Math.abs(representative(a));
  const y = Math.abs(representative(b));
  if (!x || !y) return 0;
  return 0.5 * (Math.min(x, y) / Math.max(x, y));
}

export interface RelatedMatch {
  claim: Claim;
  /** 0..1, higher is more alike. */
  score: number;
  /** Why the two claims were matched, in plain words ("same noun: soldier", "overlapping figures"). */
  reasons: string[];
}

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
  let sharedUnit: string | null = null;
  let bestFigure = 0;
  let bestFigureSameUnit = false;
  for (const a of claim.quantities) {
    const aUnit = a.unit ? normalizeNoun(a.unit) : null;
    for (const b of candidate.quantities) {
      const bUnit = b.unit ? normalizeNoun(b.unit) : null;
      const sameUnit = !!aUnit && aUnit === bUnit;
      if (sameUnit) sharedUnit ??= aUnit;
      // Figures in different units say nothing about each other ("3,000 soldiers" and "3,000 km").
      if (aUnit && bUnit && !sameUnit) continue;
      const figure = figureSimilarity(a, b);
      if (figure > bestFigure || (figure === bestFigure && sameUnit)) {
        bestFigure = figure;
        bestFigureSameUnit = sameUnit;
      }
    }
  }
  if (sharedUnit) reasons.push(`same ${MEASURES.test(sharedUnit) ? 'unit' : 'noun'}: ${sharedUnit}`);
  if (bestFigure === 1) reasons.push('overlapping figures');
  else if (bestFigure > 0.25 && (bestFigureSameUnit || !sharedUnit)) reasons.push('figures of the same order');
  if (wordScore > 0.15) reasons.push('similar wording');
  const score = 0.45 * (sharedUnit ? 1 : 0) + 0.3 * bestFigure + 0.25 * Math.min(1, wordScore * 2);
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
