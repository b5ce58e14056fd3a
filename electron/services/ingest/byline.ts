// Bylines as pages print them carry more than names: "By", dates and times, "Updated…", share and
// comment counters glued to the last name ("by Jane Smith22 Dec 2016651"). This keeps the names.
import calendar from '../../../shared/lexicon/calendar.json' with { type: 'json' };
import { findDates } from '../../../shared/text/dates.ts';

const MONTHS = calendar.months.flat().sort((a, b) => b.length - a.length).join('|');
const WEEKDAYS = calendar.weekdays.flat().sort((a, b) => b.length - a.length).join('|');
/**
 * A month or weekday name left beside a removed number ("Dec" of "22 Dec 2016651"). Only there: "Jan",
 * "May" and "June" are names too.
 */
const DATE_WORDS = new RegExp(`\\b(?:${MONTHS}|${WEEKDAYS})\\b\\.?,?\\s*(?=\\|)|(?<=\\|\\s*)\\b(?:${MONTHS}|${WEEKDAYS})\\b\\.?`, 'gi');
/** Where the byline proper ends: what follows is a timestamp or page furniture. */
const TAIL = /\b(?:updated|published|posted|last modified|modified|read more|comments?|shares?|min(?:ute)?s? read)\b.*$/i;
const TIME_WORDS = /\b(?:a\.?m\.?|p\.?m\.?|at|on|GMT|UTC|[A-Z]{2,4}T)\b\.?/g;

/** The names in a byline, or null when nothing like a name is left. */
export function cleanByline(value: string | null | undefined): string | null {
  if (!value) return null;
  // Pull apart letters and digits glued by the page's layout ("Nolan22 Dec 2016651").
  let text = value.replace(/\s+/g, ' ').replace(/(\p{L})(\d)/gu, '$1 $2').replace(/(\d)(\p{L})/gu, '$1 $2');
  for (const date of findDates(text).reverse()) text = `${text.slice(0, date.start)} | ${text.slice(date.end)}`;
  text = text.replace(TAIL, '');
  // Whatever digits remain are counters, times or stray years.
  text = text.replace(/\d+(?:[:.,/]\d+)*/g, ' | ').replace(DATE_WORDS, ' ');
  const parts = text
    .split(/\s*[|•·—–]\s*|\s+-\s+/)
    .map((part) =>
      part
        .replace(/^\s*(?:written\s+)?by[:\s]+/i, '')
        .replace(TIME_WORDS, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^[\s,;:.&-]+|[\s,;:&-]+$/g, '')
        .trim(),
    )
    .filter((part) => /\p{L}{2}/u.test(part));
  const names = [...new Set(parts)].join(', ');
  return names || null;
}
