// The one definition of a figure as qualified: the interval an approximate, bounded, denied or vague
// amount stands for, whether two figures can both hold, and how to write one ("about 3,000", "well
// under 3,000", "thousands"). Compare, the reader's Related, the CLI and brief export all use it.
import type { QuantityBound } from '../types/claims.ts';

export interface FigureLike {
  /** The figure as written ("some 3,000", "thousands"). */
  text: string;
  low: number;
  /** Null for vague amounts, which imply only a least value. */
  high: number | null;
  approximate: boolean;
  bound: QuantityBound;
  unit?: string | null;
  vague?: boolean;
  /** "nowhere near 3,000", "deny that 3,000 died": the number is cited only to be disputed. */
  denied?: boolean;
}

/** How far "about", "some" or "nearly" reach either side of the number. */
export const APPROXIMATE_REACH = 0.05;
/** A denied figure ("nowhere near 3,000") stands for at most this share of the number. */
export const DENIED_SHARE = 0.67;

/**
 * Half a unit of the last significant digit written: "15 million" may be 14.5 to 15.5 million. Zeros
 * written after a decimal point are significant: "7.0" is 6.95 to 7.05, not 6.5 to 7.5. A round number
 * reaches no further than "about" would: "70 metres" is no rounding of 74, nor "20,000" of 18,300.
 */
function roundingReach(value: number, text = ''): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const digits = Math.abs(value).toPrecision(15).replace(/\.?0+$/, '').replace('.', '').replace(/^0+/, '');
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  let significant = Math.max(1, digits.replace(/0+$/, '').length);
  const written = /(\d[\d,]*)\.(\d+)/.exec(text);
  if (written) significant = Math.max(significant, `${written[1].replace(/,/g, '')}${written[2]}`.replace(/^0+/, '').length);
  return Math.min(0.5 * 10 ** (magnitude - significant + 1), Math.abs(value) * APPROXIMATE_REACH);
}

/** The interval of values a figure, as qualified, allows. */
export function figureInterval(f: FigureLike): [number, number] {
  const high = f.high ?? Number.POSITIVE_INFINITY;
  if (f.denied) return [0, f.low * DENIED_SHARE];
  if (f.vague) return [f.low, Number.POSITIVE_INFINITY];
  switch (f.bound) {
    case 'at-least':
      return [f.low, Number.POSITIVE_INFINITY];
    case 'at-most':
      return [0, high];
    case 'range':
      return [f.approximate ? f.low * (1 - APPROXIMATE_REACH) : f.low, f.approximate ? high * (1 + APPROXIMATE_REACH) : high];
    default: {
      if (f.approximate) return [f.low * (1 - APPROXIMATE_REACH), high * (1 + APPROXIMATE_REACH)];
      const reach = roundingReach(f.low, f.text);
      return [f.low - reach, high + reach];
    }
  }
}

/** True when both figures can hold at once. */
export function figuresAgree(a: FigureLike, b: FigureLike): boolean {
  const [al, ah] = figureInterval(a);
  const [bl, bh] = figureInterval(b);
  return Math.max(al, bl) <= Math.min(ah, bh);
}

const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

// One formatter per precision: building one per call is slow for thousands of figures.
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const fourDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A number as a person writes it: "11,000", "2.4 million", "0.5". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  for (const [scale, word] of SCALES) {
    const scaled = abs / scale;
    // "145.5 million" reads better than "145,500,000"; "637,430" stays as it is.
    if (scaled >= 1 && Math.abs(scaled * 100 - Math.round(scaled * 100)) < 1e-6) {
      return `${value < 0 ? '−' : ''}${twoDecimals.format(scaled)} ${word}`;
    }
  }
  return `${value < 0 ? '−' : ''}${(abs < 1 ? fourDecimals : twoDecimals).format(abs)}`;
}

/** The figure written as qualified, with no invented bounds: "about 3,000", "well under 3,000", "thousands". */
export function formatFigure(f: FigureLike): string {
  if (f.vague) return f.text.trim();
  const n = formatNumber(f.low);
  if (f.denied) return `well under ${n}`;
  const high = f.high ?? f.low;
  switch (f.bound) {
    case 'at-least':
      return `at least ${n}`;
    case 'at-most':
      return `at most ${formatNumber(high)}`;
    case 'range':
      return `${f.approximate ? 'about ' : ''}${n}–${formatNumber(high)}`;
    default:
      return `${f.approximate ? 'about ' : ''}${n}`;
  }
}

/** A plain-words account of what the figure allows, for a hover or a reason. */
export function describeFigure(f: FigureLike): string {
  const [lo, hi] = figureInterval(f);
  if (f.vague) return `${f.text.trim()}: at least ${formatNumber(f.low)}, with no upper bound given`;
  if (f.denied) return `disputes ${formatNumber(f.low)}: fewer than ${formatNumber(f.low)}`;
  if (!Number.isFinite(hi)) return `${formatNumber(lo)} or more`;
  if (lo === hi) return formatNumber(lo);
  return `between ${formatNumber(lo)} and ${formatNumber(hi)}`;
}
