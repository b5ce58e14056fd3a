// Dates as a person writes them, in the reader's own locale (Intl.DateTimeFormat), for every list and
// card that shows one: "29 Mar 2021" or "Mar 29, 2021", never "2021-03-29T10:47:05Z".

const FORMATS = {
  year: new Intl.DateTimeFormat(undefined, { year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  moment: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
};

const ISO = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A publication date as written: the day it names stays that day in every time zone, and a year or a
 * month alone stays as precise as it was given. Text that is not an ISO date is returned unchanged.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO.exec(value.trim());
  if (!m) return value;
  const [, year, month, day] = m;
  const utc = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  if (Number.isNaN(utc.getTime())) return value;
  return (day ? FORMATS.day : month ? FORMATS.month : FORMATS.year).format(utc);
}

/** A moment (a note saved, a date and time of publication), in the reader's time zone: "29 Mar 2021, 10:47". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO.exec(value.trim());
  if (!m?.[4]) return formatDate(value);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : FORMATS.moment.format(date);
}
