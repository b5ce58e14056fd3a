// Scales for the Compare charts: values to positions (linear from zero, or logarithmic when figures span
// orders of magnitude) with round tick values, and dates to positions with readable tick labels.
import { figureInterval, formatNumber } from '../../../shared/figures';

export interface Tick {
  at: number;
  label: string;
}

export interface Scale {
  /** Position from 0 to 1; values beyond the domain are clamped. */
  at(value: number): number;
  ticks: Tick[];
  log: boolean;
}

/** Short numbers for axis ticks: "2.5M", "30k". */
function shortNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${+(value / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(0)}k`;
  return formatNumber(value);
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** A value scale covering `values` (finite, non-negative), logarithmic past two orders of magnitude. */
export function valueScale(values: number[]): Scale {
  const finite = values.filter((v) => Number.isFinite(v) && v >= 0);
  const max = Math.max(1, ...finite);
  const positive = finite.filter((v) => v > 0);
  const min = positive.length ? Math.min(...positive) : max;
  if (max / min > 100) {
    const lo = Math.floor(Math.log10(min));
    const hi = Math.ceil(Math.log10(max));
    const ticks: Tick[] = [];
    for (let p = lo; p <= hi; p++) ticks.push({ at: (p - lo) / Math.max(1, hi - lo), label: shortNumber(10 ** p) });
    return { at: (v) => (v <= 0 ? 0 : Math.min(1, Math.max(0, (Math.log10(v) - lo) / Math.max(1, hi - lo)))), ticks, log: true };
  }
  const step = niceStep(max, 4);
  const top = Math.ceil((max * 1.05) / step) * step;
  const ticks: Tick[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push({ at: v / top, label: shortNumber(v) });
  return { at: (v) => Math.min(1, Math.max(0, v / top)), ticks, log: false };
}

const DAY = 86_400_000;

/** A time scale over ISO dates, with a tick label per day, month or year as the span asks. */
export function timeScale(isoDates: string[]): Scale | null {
  const times = isoDates.map((d) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`)).filter((t) => Number.isFinite(t));
  if (new Set(times).size < 2) return null;
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = max - min;
  const pad = span * 0.04;
  const at = (t: number) => (t - min + pad) / (span + 2 * pad);
  const format: Intl.DateTimeFormatOptions =
    span > 2 * 365 * DAY ? { year: 'numeric', timeZone: 'UTC' } : span > 60 * DAY ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  const ticks: Tick[] = [];
  // Whole days only, and no label twice (a two-day span gets three ticks, not five).
  const steps = Math.min(4, Math.max(1, Math.round(span / DAY)));
  for (let i = 0; i <= steps; i++) {
    const t = min + Math.round((span * i) / steps / DAY) * DAY;
    const label = new Date(t).toLocaleDateString(undefined, format);
    if (!ticks.some((k) => k.label === label)) ticks.push({ at: at(t), label });
  }
  return { at: (v) => at(v), ticks, log: false };
}

/** The value scale of a comparison group's chart: every member's interval as the shared figure definition reads it. */
export function groupScale(members: Array<{ quantity: { text: string; low: number; high: number | null; approximate: boolean; bound: 'exact' | 'range' | 'at-least' | 'at-most'; vague?: boolean }; denied: boolean }>): Scale {
  return valueScale(members.flatMap((m) => {
    const [lo, hi] = figureInterval({ ...m.quantity, denied: m.denied });
    return [lo, Number.isFinite(hi) ? hi : lo * 1.5];
  }));
}
