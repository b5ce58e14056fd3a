// What a quantity measures: the counted noun normalised to a measure (troops, casualties, deserters,
// money, percent...), the actor it belongs to, and whether it is an increment. Works on the claim text
// around the quantity, because the same noun ("soldiers") counts different things ("killed", "deserted").
import type { Claim, Quantity } from '../../../shared/types/claims.ts';

const MEASURES: Array<{ key: string; label: string; pattern: RegExp }> = [
  { key: 'deserters', label: 'deserters', pattern: /\bdesert(?:ed|ers?|ing|ion)\b|\bdefect(?:ed|ors?|ion)\b|\bfled\b|\bmissing\b/ },
  { key: 'casualties', label: 'killed or wounded', pattern: /\b(?:killed|dead|deaths?|died|wounded|injured|casualt(?:y|ies)|losses|lost their lives|fatalit(?:y|ies))\b/ },
  { key: 'prisoners', label: 'captured or held', pattern: /\b(?:captured|prisoners?|detained|taken captive|pows?)\b/ },
  { key: 'troops', label: 'troops deployed', pattern: /\b(?:troops?|soldiers?|personnel|forces?|fighters?|servicem(?:a|e)n|service members|conscripts|mercenar(?:y|ies)|recruits|battalions?|brigades?|divisions?|units?|army|military|(?:north |south )?koreans?|russians?|ukrainians?)\b/ },
];

const UNIT_ALIASES: Record<string, string> = {
  percent: 'percent', '%': 'percent', 'per cent': 'percent', percentage: 'percent',
  dollars: 'money', dollar: 'money', usd: 'money', euros: 'money', euro: 'money', pounds: 'money', $: 'money', '€': 'money', '£': 'money',
  days: 'days', day: 'days', weeks: 'weeks', week: 'weeks', months: 'months', month: 'months', years: 'years', year: 'years', hours: 'hours', hour: 'hours',
  miles: 'distance', mile: 'distance', kilometres: 'distance', kilometers: 'distance', km: 'distance', metres: 'distance', meters: 'distance',
};

const DEMONYM = /\b(North Korean|South Korean|Russian|Ukrainian|Chinese|Iranian|American|U\.S\.|British|French|German|Israeli|Palestinian|Syrian|Turkish|Indian|Pakistani|Belarusian|Polish)/i;
const ADDITIONAL = /\b(?:additional|another|more|extra|further|new)\s+(?:[\w,.-]+\s+){0,3}$/i;
const DENIAL = /\b(?:nowhere near|not (?:anywhere )?near|far (?:fewer|less) than|much (?:fewer|less) than|not even)\s+$/i;

const CUE = /(?:\b(?:absolutely|some|about|around|roughly|nearly|almost|approximately|an estimated|estimated|at least|more than|over|up to|as many as|nowhere near|not near|not anywhere near|fewer than|less than|an additional|additional|another|only)\s+)+$/i;

/** The figure as a reader would quote it: its cue words, the number and its noun ("some 3,000 North Koreans"). */
export function figureText(claim: Claim, q: Quantity): string {
  const before = claim.text.slice(Math.max(0, q.start - claim.start - 40), Math.max(0, q.start - claim.start));
  const cue = CUE.exec(before)?.[0] ?? '';
  const unit = q.unit && !q.text.toLowerCase().includes(q.unit.toLowerCase()) ? ` ${claim.text.slice(q.end - claim.start).match(new RegExp(`^\\s*${q.unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'))?.[0].trim() ?? q.unit}` : '';
  return `${cue}${q.text}${unit}`.trim();
}

export interface Measure {
  key: string;
  label: string;
  actor: string | null;
  additional: boolean;
  /** "nowhere near X": the figure is cited only to be denied. */
  denied: boolean;
}

function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
}

/** The words of the claim around one quantity, where its counted noun and verb live. */
function window(claim: Claim, q: Quantity): { before: string; after: string } {
  const relStart = Math.max(0, q.start - claim.start);
  const relEnd = Math.max(relStart, q.end - claim.start);
  const before = claim.text.slice(Math.max(0, relStart - 70), relStart);
  const afterText = claim.text.slice(relEnd, relEnd + 110);
  // Stop at the next figure or clause break so one quantity's verb does not leak to the next.
  const cut = afterText.search(/[;:]|\s(?:and|but|while|yet)\s(?=[^,]*\d)|,\s+(?:an?|the)\s+(?:additional|further)|\d/);
  return { before, after: cut > 0 ? afterText.slice(0, cut) : afterText };
}

export function measureOf(claim: Claim, q: Quantity): Measure | null {
  const { before, after } = window(claim, q);
  const near = `${q.unit ?? ''} ${after}`.toLowerCase();
  const wide = `${before} ${q.unit ?? ''} ${after}`.toLowerCase();
  // The actor is read only from the counted noun phrase itself ("3,000 North Koreans", "4,000 of those
  // North Korean soldiers"), never from elsewhere in the sentence ("soldiers to assist Russian forces").
  const nounPhrase = `${q.unit ?? ''} ${after.split(/\s(?:to|who|that|which|were|was|are|is|have|has|had|in|on|at|from|for|with|by)\s|[,.;:!?”"]/)[0]}`;
  const found = DEMONYM.exec(nounPhrase)?.[1] ?? null;
  const actor = found ? found.replace(/^U\.S\.$/i, 'US').replace(/\b\w/g, (c) => c.toUpperCase()) : null;
  const base = { actor, additional: ADDITIONAL.test(before), denied: DENIAL.test(before) };
  const unit = q.unit?.toLowerCase().trim() ?? '';
  const alias = UNIT_ALIASES[unit] ?? UNIT_ALIASES[singular(unit)];
  if (alias && alias !== 'percent' && alias !== 'money') {
    return { key: `duration:${alias}`, label: alias, ...base };
  }
  if (alias) {
    const subject = /\b(?:of|in|on)\s+(?:the\s+)?([a-z]+(?:\s[a-z]+)?)/.exec(after.toLowerCase())?.[1] ?? '';
    return { key: `${alias}:${singular(subject.split(' ')[0] ?? '')}`, label: alias, ...base };
  }
  for (const measure of MEASURES) {
    if (measure.pattern.test(near)) return { key: measure.key, label: measure.label, ...base };
  }
  for (const measure of MEASURES) {
    if (measure.key !== 'troops' && measure.pattern.test(wide)) return { key: measure.key, label: measure.label, ...base };
  }
  if (unit) return { key: `unit:${singular(unit.split(/\s+/).pop() ?? unit)}`, label: unit, ...base };
  // A bare figure ("11,000 sent in November") counts what its sentence is about.
  if (MEASURES[3].pattern.test(wide) || MEASURES[3].pattern.test(claim.text.toLowerCase()) || base.denied) return { key: 'troops', label: MEASURES[3].label, ...base };
  return null;
}

/** Interval a figure stands for, so "some 3,000" and "nowhere near 3,000" can be tested for overlap. */
export function interval(q: Quantity, denied: boolean): [number, number] {
  // A vague amount implies only its lower bound.
  const high = q.high ?? Number.POSITIVE_INFINITY;
  if (denied) return [0, high * 0.6];
  switch (q.bound) {
    case 'at-least':
      return [q.low, Number.POSITIVE_INFINITY];
    case 'at-most':
      return [0, high];
    case 'range':
      return [q.low, high];
    default:
      return q.approximate || q.vague ? [q.low * 0.85, high * 1.15] : [q.low, high];
  }
}
