// Dates as newsrooms print them: absolute dates in the many formats real pages use, a document's date
// line or dateline near its top, and relative days ("on Monday", "yesterday") resolved against a
// reference date. Pure, so import metadata, Compare and the renderer share one reading of a date.
import calendar from '../lexicon/calendar.json' with { type: 'json' };

export type DatePrecision = 'year' | 'month' | 'day' | 'minute';

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  /** ISO 8601: "2021-03-09" for a day, "2021-03-09T14:20" when a time is printed, "2021-03" for a month. */
  iso: string;
  precision: DatePrecision;
  /** False when the year was inferred from the reference date ("March 9" in a dateline). */
  yearGiven: boolean;
  /** For a numeric date that reads both ways ("03-11-2023"), the day-first reading. */
  alternative?: string;
}

const monthIndex = new Map<string, number>();
calendar.months.forEach((names, i) => names.forEach((n) => monthIndex.set(n, i + 1)));
const weekdayIndex = new Map<string, number>();
calendar.weekdays.forEach((names, i) => names.forEach((n) => weekdayIndex.set(n, i)));
const byLength = (a: string, b: string) => b.length - a.length;
const MONTH = `(${[...monthIndex.keys()].sort(byLength).join('|')})\\.?`;
const WEEKDAY = `(?:(?:${[...weekdayIndex.keys()].sort(byLength).join('|')})\\.?,?\\s+)?`;
const ZONE = `(?:\\s*\\(?(?:${calendar.timeZones.join('|')})\\)?)?`;
const TIME = `(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::\\d{2})?\\s*(a\\.?m\\.?|p\\.?m\\.?)?${ZONE})?`;
const ORD = '(?:st|nd|rd|th)?';

/** Each pattern names where its year, month, day and time groups sit. */
const PATTERNS: Array<{ re: RegExp; y: number; m: number; d: number; t: number; monthName: boolean }> = [
  { re: new RegExp(`\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?()?)?\\b`, 'gi'), y: 1, m: 2, d: 3, t: 4, monthName: false },
  { re: new RegExp(`\\b(\\d{4})[-/ ]${MONTH}[-/ ](\\d{1,2})\\b${TIME}`, 'gi'), y: 1, m: 2, d: 3, t: 4, monthName: true },
  { re: new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORD}\\b(?:,?\\s*(\\d{4})\\b)?${TIME}`, 'gi'), y: 3, m: 1, d: 2, t: 4, monthName: true },
  { re: new RegExp(`\\b${WEEKDAY}(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}(?:,?\\s*(\\d{4})\\b)?${TIME}`, 'gi'), y: 3, m: 2, d: 1, t: 4, monthName: true },
  { re: new RegExp(`\\b(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})\\b${TIME}`, 'gi'), y: 3, m: 1, d: 2, t: 4, monthName: false },
];
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'gi');

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** The year that puts month/day closest to, and not far after, the reference date. */
function inferYear(m: number, d: number, ref: string | null | undefined): number | null {
  if (!ref) return null;
  const r = new Date(`${ref.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(r.getTime())) return null;
  const y = r.getUTCFullYear();
  const candidate = Date.UTC(y, m - 1, d);
  // A date up to a week after the reference is still this year (a dateline can run ahead by a day or two).
  return candidate - r.getTime() > 7 * 86_400_000 ? y - 1 : y;
}

function toIso(y: number, m: number, d: number, hour?: string, minute?: string, meridiem?: string): { iso: string; precision: DatePrecision } {
  const day = `${y}-${pad(m)}-${pad(d)}`;
  if (hour === undefined || minute === undefined) return { iso: day, precision: 'day' };
  let h = Number(hour);
  const mer = meridiem?.toLowerCase().replace(/\./g, '');
  if (mer === 'pm' && h < 12) h += 12;
  if (mer === 'am' && h === 12) h = 0;
  if (h > 23 || Number(minute) > 59) return { iso: day, precision: 'day' };
  return { iso: `${day}T${pad(h)}:${minute}`, precision: 'minute' };
}

/** Every absolute date in `text`, left to right, without overlaps. Dates with no year take it from `ref`. */
export function findDates(text: string, ref?: string | null): FoundDate[] {
  const found: FoundDate[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let match = p.re.exec(text); match; match = p.re.exec(text)) {
      const start = match.index;
      const end = start + match[0].replace(/[\s,]+$/, '').length;
      if (taken(start, end)) continue;
      let m = p.monthName ? (monthIndex.get(match[p.m].toLowerCase()) ?? 0) : Number(match[p.m]);
      let d = Number(match[p.d]);
      // Numeric dates are read month first, as US pages print them, unless that cannot be a month.
      if (!p.monthName && p.y === 3 && m > 12 && d <= 12) [m, d] = [d, m];
      const yearGiven = Boolean(match[p.y]);
      const y = yearGiven ? Number(match[p.y]) : inferYear(m, d, ref);
      if (y === null || !validDay(y, m, d)) continue;
      // "May 5" is a date, but "may 5" in running text is usually the verb.
      if (!yearGiven && p.monthName && /^may$/i.test(match[p.m]) && match[p.m] === 'may') continue;
      const { iso, precision } = toIso(y, m, d, match[p.t], match[p.t + 1], match[p.t + 2]);
      const ambiguous = !p.monthName && p.y === 3 && m <= 12 && d <= 12 && m !== d;
      found.push({ start, end, text: text.slice(start, end), iso, precision, yearGiven, ...(ambiguous ? { alternative: `${y}-${pad(d)}-${pad(m)}${iso.slice(10)}` } : {}) });
    }
  }
  MONTH_YEAR.lastIndex = 0;
  for (let match = MONTH_YEAR.exec(text); match; match = MONTH_YEAR.exec(text)) {
    const end = match.index + match[0].length;
    if (taken(match.index, end)) continue;
    const m = monthIndex.get(match[1].toLowerCase()) ?? 0;
    found.push({ start: match.index, end, text: match[0], iso: `${match[2]}-${pad(m)}`, precision: 'month', yearGiven: true });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Reads a string that is a date with little else around it ("Updated: 09 March,2021 08:48 am"). */
export function parseDate(value: string, ref?: string | null): string | null {
  const dates = findDates(value.replace(/,(?=\d)/g, ', '), ref).filter((d) => d.precision !== 'month');
  return dates[0]?.iso ?? null;
}

export interface DocumentDate {
  /** ISO date (and time when printed). */
  published: string;
  /** The outlet named on the same line, when there is one ("Reuters", "The Washington Post"). */
  outlet: string | null;
  /** The line or dateline's span in the text. */
  start: number;
  end: number;
  kind: 'date-line' | 'dateline';
  /** For a numeric date that reads both ways, the other reading: the caller may know which fits. */
  alternative?: string;
}

const LABEL = /^(?:(?:last\s+)?(?:updated|published|posted|modified|first published|date)(?:\s+on)?\s*:?\s*)/i;
const BYLINE = /^by\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}\s*(?:[|•·,–—-]\s*)?/u;
/** Case-insensitive letters inside a case-sensitive pattern (the dateline's place must be capitals). */
const anyCase = (word: string) => word.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
const MONTH_ANY_CASE = `(${[...monthIndex.keys()].sort(byLength).map(anyCase).join('|')})\\.?`;
const DATELINE = new RegExp(`^([\\p{Lu}][\\p{Lu}\\p{M} .'’-]{1,40}(?:,\\s*[\\p{L} .]{2,30})?),\\s*${MONTH_ANY_CASE}\\s+(\\d{1,2})(?:,?\\s*(\\d{4}))?\\s*(?:\\(([^)]{2,40})\\))?\\s*[-–—]`, 'u');

/**
 * The date a document was published, from a date line or a dateline in its first lines. A dateline
 * without a year ("LIMA, March 9 (Reuters) -") takes it from `ref` (a file date, say) when given.
 */
export function findDocumentDate(text: string, ref?: string | null): DocumentDate | null {
  let offset = 0;
  const lines = text.slice(0, 1500).split('\n');
  for (let i = 0; i < Math.min(lines.length, 8); i++) {
    const line = lines[i];
    const trimmed = line.trim();
    const dateline = DATELINE.exec(trimmed);
    if (dateline) {
      const m = monthIndex.get(dateline[2].toLowerCase()) ?? 0;
      const d = Number(dateline[3]);
      const y = dateline[4] ? Number(dateline[4]) : inferYear(m, d, ref);
      if (y && validDay(y, m, d)) {
        const lead = line.indexOf(trimmed);
        return { published: `${y}-${pad(m)}-${pad(d)}`, outlet: dateline[5]?.trim() ?? null, start: offset + lead, end: offset + lead + dateline[0].length, kind: 'dateline' };
      }
    }
    if (trimmed && trimmed.length <= 160) {
      const dates = findDates(trimmed).filter((f) => f.precision === 'day' || f.precision === 'minute');
      if (dates.length && dates[0].yearGiven) {
        // What is left once the date, labels and a byline are removed must be short: an outlet or nothing.
        const rest = (trimmed.slice(0, dates[0].start) + ' ' + trimmed.slice(dates[0].end))
          .replace(LABEL, '')
          .replace(BYLINE, '')
          .replace(/\b(?:updated|published|posted)\b:?/gi, ' ')
          .replace(/[|•·]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/^[,:;–—-]+|[,:;–—-]+$/g, '')
          .trim();
        const restWords = rest.split(' ').filter(Boolean).length;
        // A short remainder is an outlet ("Which?", "24/7 Wall St."); a long one ending a sentence is prose.
        if (restWords <= 8 && !(restWords > 4 && /[.!?]$/.test(rest))) {
          const lead = line.indexOf(trimmed);
          const outlet = rest && rest.length <= 80 && (/[\p{Lu}\d]/u.test(rest[0]) || restWords <= 3) ? rest : null;
          return { published: dates[0].iso, outlet, start: offset + lead, end: offset + lead + trimmed.length, kind: 'date-line', ...(dates[0].alternative ? { alternative: dates[0].alternative } : {}) };
        }
      }
    }
    offset += line.length + 1;
  }
  return null;
}

const MONTH_ALONE = new RegExp(`\\b(?:in|since|during|until|by|last|early|late|mid-?)\\s+${MONTH_ANY_CASE}\\b(?!\\s+\\d)`, 'g');

/** Months named without a year ("in October"), as the latest such month not after the reference (ISO "YYYY-MM"). */
export function findMonths(sentence: string, ref: string | null | undefined): RelativeDay[] {
  if (!ref || !/^\d{4}-\d{2}/.test(ref)) return [];
  const [ry, rm] = [Number(ref.slice(0, 4)), Number(ref.slice(5, 7))];
  const out: RelativeDay[] = [];
  MONTH_ALONE.lastIndex = 0;
  for (let match = MONTH_ALONE.exec(sentence); match; match = MONTH_ALONE.exec(sentence)) {
    // "May" capitalised only: lower-case "may" is the verb.
    if (!/^\p{Lu}/u.test(match[1])) continue;
    const m = monthIndex.get(match[1].toLowerCase()) ?? 0;
    const y = m > rm ? ry - 1 : ry;
    out.push({ start: match.index, end: match.index + match[0].length, text: match[0], iso: `${y}-${pad(m)}` });
  }
  return out;
}

const DAY_MS = 86_400_000;
const RELATIVE = new RegExp(
  `\\b(?:(last|on|this|next)\\s+)?(${calendar.weekdays.map((w) => w[0]).join('|')})\\b|\\b(${Object.keys(calendar.relativeDays).sort(byLength).join('|')})\\b`,
  'gi',
);

/** "A week earlier", "three days before": a span counted back from the reference date. */
const SPAN_BACK = new RegExp(
  // "three days before the floods" counts from the floods, not the report: "before" only ends a phrase.
  `\\b(${Object.keys(calendar.spanCounts).join('|')}|\\d{1,2})\\s+(${Object.keys(calendar.spanDays).sort(byLength).join('|')})\\s+(?:(?:${calendar.spansBack.join('|')})\\b|(?:${calendar.spansBackAtEnd.join('|')})\\b(?!\\s+\\p{L}))`,
  'giu',
);

export interface RelativeDay {
  start: number;
  end: number;
  text: string;
  iso: string;
  /** Counted back by a span ("a week earlier"): about a day off either way, since the span may count from the event rather than the report. */
  approximate?: boolean;
}

/** The ISO day `days` after (or, negative, before) the day of `ref`. */
export function shiftDay(ref: string, days: number): string {
  const r = new Date(`${ref.slice(0, 10)}T00:00:00Z`);
  return new Date(r.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Relative days in a sentence ("on Monday", "yesterday"), resolved against the document's date. */
export function findRelativeDays(sentence: string, ref: string | null | undefined): RelativeDay[] {
  if (!ref || Number.isNaN(new Date(`${ref.slice(0, 10)}T00:00:00Z`).getTime())) return [];
  const refDay = new Date(`${ref.slice(0, 10)}T00:00:00Z`).getUTCDay();
  const out: RelativeDay[] = [];
  RELATIVE.lastIndex = 0;
  for (let match = RELATIVE.exec(sentence); match; match = RELATIVE.exec(sentence)) {
    let days: number;
    if (match[2]) {
      // Weekday names are capitalised in running text; lower case is a common noun ("a sunday roast").
      if (!/^\p{Lu}/u.test(match[2])) continue;
      const target = weekdayIndex.get(match[2].toLowerCase()) ?? 0;
      const back = (refDay - target + 7) % 7;
      // News uses a bare weekday for the past week; "next Monday" looks ahead.
      days = match[1]?.toLowerCase() === 'next' ? (target - refDay + 7) % 7 || 7 : match[1]?.toLowerCase() === 'last' && back === 0 ? -7 : -back;
    } else {
      days = calendar.relativeDays[match[3].toLowerCase() as keyof typeof calendar.relativeDays] ?? 0;
    }
    out.push({ start: match.index, end: match.index + match[0].length, text: match[0], iso: shiftDay(ref, days) });
  }
  SPAN_BACK.lastIndex = 0;
  for (let match = SPAN_BACK.exec(sentence); match; match = SPAN_BACK.exec(sentence)) {
    const count = /^\d/.test(match[1]) ? Number(match[1]) : calendar.spanCounts[match[1].toLowerCase() as keyof typeof calendar.spanCounts];
    const span = calendar.spanDays[match[2].toLowerCase() as keyof typeof calendar.spanDays];
    out.push({ start: match.index, end: match.index + match[0].length, text: match[0], iso: shiftDay(ref, -count * span), approximate: true });
  }
  return out.sort((a, b) => a.start - b.start);
}
