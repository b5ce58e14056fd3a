// The one definition of a figure: intervals for approximate, bounded, ranged, vague and denied amounts,
// agreement between two figures, and the figure written as qualified.
import { describe, expect, it } from 'vitest';
import { describeFigure, figureInterval, figuresAgree, formatFigure, formatNumber, type FigureLike } from '../../../shared/figures/index.ts';

const f = (text: string, low: number, high: number | null = low, extra: Partial<FigureLike> = {}): FigureLike => ({ text, low, high, approximate: false, bound: 'exact', ...extra });

describe('figureInterval', () => {
  it('gives an exact figure the rounding its digits allow', () => {
    expect(figureInterval(f('15 million', 15e6))).toEqual([14.5e6, 15.5e6]);
    expect(figureInterval(f('637,431', 637431))).toEqual([637430.5, 637431.5]);
    // A round number reaches no further than "about" would (5%): 70 metres is no rounding of 74.
    expect(figureInterval(f('70', 70))).toEqual([66.5, 73.5]);
    expect(figureInterval(f('400', 400))).toEqual([380, 420]);
    expect(figuresAgree(f('20,000', 20000), f('18,300', 18300))).toBe(false);
  });

  it('widens an approximate figure a little either side, and opens bounds on one side', () => {
    const [lo, hi] = figureInterval(f('about 3,000', 3000, 3000, { approximate: true }));
    expect(lo).toBeCloseTo(2850);
    expect(hi).toBeCloseTo(3150);
    expect(figureInterval(f('at least 14', 14, 14, { bound: 'at-least' }))).toEqual([14, Infinity]);
    expect(figureInterval(f('up to 100,000', 100000, 100000, { bound: 'at-most' }))).toEqual([0, 100000]);
    expect(figureInterval(f('25,000 to 30,000', 25000, 30000, { bound: 'range' }))).toEqual([25000, 30000]);
  });

  it('reads a vague amount as its least value with no invented upper bound', () => {
    expect(figureInterval(f('thousands', 1000, null, { vague: true }))).toEqual([1000, Infinity]);
    expect(formatFigure(f('tens of thousands', 10000, null, { vague: true }))).toBe('tens of thousands');
  });

  it('reads a denied figure as well under its number', () => {
    const [lo, hi] = figureInterval(f('nowhere near 3,000', 3000, 3000, { denied: true }));
    expect(lo).toBe(0);
    expect(hi).toBeLessThan(3000 * 0.7);
    expect(formatFigure(f('nowhere near 3,000', 3000, 3000, { denied: true }))).toBe('well under 3,000');
    expect(describeFigure(f('nowhere near 3,000', 3000, 3000, { denied: true }))).toBe('disputes 3,000: fewer than 3,000');
  });
});

describe('figuresAgree', () => {
  it('lets rounding and overlapping bounds agree, and keeps a close but different count apart', () => {
    expect(figuresAgree(f('more than 90 billion', 90e9, 90e9, { bound: 'at-least' }), f('more than 100 billion', 100e9, 100e9, { bound: 'at-least' }))).toBe(true);
    expect(figuresAgree(f('nearly 3,000', 3000, 3000, { approximate: true }), f('2,975', 2975))).toBe(true);
    expect(figuresAgree(f('around 700,000', 700000, 700000, { approximate: true }), f('637,430', 637430))).toBe(false);
    expect(figuresAgree(f('some 3,000', 3000, 3000, { approximate: true }), f('nowhere near 3,000', 3000, 3000, { denied: true }))).toBe(false);
  });
});

describe('formatFigure', () => {
  it('writes figures as a person would, with separators and scale words', () => {
    expect(formatFigure(f('11000', 11000))).toBe('11,000');
    expect(formatFigure(f('145.5m', 145.5e6))).toBe('145.5 million');
    expect(formatFigure(f('some 3,000', 3000, 3000, { approximate: true }))).toBe('about 3,000');
    expect(formatFigure(f('25,000 to 30,000', 25000, 30000, { bound: 'range' }))).toBe('25,000–30,000');
    expect(formatFigure(f('more than 4,600', 4600, 4600, { bound: 'at-least' }))).toBe('at least 4,600');
    expect(formatNumber(637430)).toBe('637,430');
  });
});
