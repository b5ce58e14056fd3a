// Text helpers shared by the extractors: line-end and Unicode normalisation, metadata clean-up,
// date parsing to ISO 8601, and the fallback title taken from the text itself.

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The form every offset in the app refers to: LF line ends, NFC. */
export function finalizeText(text: string): string {
  return normalizeNewlines(text).normalize('NFC');
}

/** Collapses whitespace (including NBSP and line breaks) in a metadata value; empty becomes null. */
export function cleanField(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim().normalize('NFC');
  return cleaned || null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** PDF date strings: D:YYYYMMDDHHmmSSOHH'mm' with every part after the year optional. */
function pdfDateToIso(value: string): string | null {
  const m = /^D:\s*(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+-])?\s*(\d{2})?'?(\d{2})?'?/.exec(value);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, rel, offH, offM] = m;
  if (!month) return year;
  if (!day) return `${year}-${month}`;
  if (!hour) return `${year}-${month}-${day}`;
  const time = `${hour}:${minute ?? '00'}:${second ?? '00'}`;
  let zone = '';
  if (rel === 'Z' || rel === 'z') zone = 'Z';
  else if (rel && offH) zone = `${rel}${offH}:${offM ?? '00'}`;
  return `${year}-${month}-${day}T${time}${zone}`;
}

/**
 * A date as ISO 8601, keeping the precision and time zone that were found. Accepts ISO forms,
 * "YYYY-MM-DD HH:MM:SS", PDF dates and anything Date.parse understands; null when unparseable.
 */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = cleanField(value);
  if (!text) return null;
  if (/^D:/.test(text)) return pdfDateToIso(text);
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return text;
  const iso = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (iso) {
    const zone = iso[3] ? (iso[3].toUpperCase() === 'Z' ? 'Z' : iso[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${iso[1]}T${iso[2]}${zone}`;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  // Without a time of day, Date.parse means local midnight: report the calendar date, not a shifted UTC instant.
  if (!/\d:\d\d/.test(text)) return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return date.toISOString();
}

const TITLE_MAX = 120;
/** A first sentence used as a title is shortened to about a headline's length. */
const SENTENCE_TITLE_MAX = 100;

/** Abbreviations whose period does not end a sentence (lower-cased, without the final period). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st sr jr vs etc e.g i.e u.s u.k u.n gen gov sen rep col lt sgt capt cmdr adm no nos fig inc ltd co corp dept univ approx est jan feb mar apr jun jul aug sep sept oct nov dec mt ft'.split(
    ' ',
  ),
);

function firstSentence(paragraph: string): string {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const ender = /[.!?]+["'”’)\]]*(?= |$)/g;
  let end = text.length;
  for (let m = ender.exec(text); m; m = ender.exec(text)) {
    const before = /(\S+)$/.exec(text.slice(0, m.index))?.[1] ?? '';
    const word = before.replace(/^["'“‘([]+/, '').toLowerCase();
    const next = text.slice(m.index + m[0].length).trimStart();
    const isAbbreviation = m[0][0] === '.' && (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before));
    if (isAbbreviation || /^\p{Ll}/u.test(next)) continue;
    end = m.index + m[0].length;
    break;
  }
  const sentence = text.slice(0, end);
  if (sentence.length <= SENTENCE_TITLE_MAX) return sentence;
  const cut = sentence.lastIndexOf(' ', SENTENCE_TITLE_MAX);
  const head = sentence.slice(0, cut > SENTENCE_TITLE_MAX / 2 ? cut : SENTENCE_TITLE_MAX);
  return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

function looksLikeHeading(line: string, nextLine: string | null): boolean {
  if (!line || line.length > TITLE_MAX || !/[\p{L}\p{N}]/u.test(line)) return false;
  if (/(\.|…|[,;:])$/.test(line)) return false;
  // A hard-wrapped paragraph continues on the next line in lower case: not a heading.
  if (nextLine && /^\p{Ll}/u.test(nextLine.trim())) return false;
  return true;
}

/**
 * A title when the file declares none: the first line if it reads like a heading, otherwise
 * the first sentence, cut on a word boundary with "…" when long. Null for text without words.
 */
export function guessTitle(text: string): string | null {
  // Note references ("[1]") belong to the text, not to a title made from it.
  const body = text.replace(/^\s+/, '').replace(/\[\d{1,3}\]/g, '');
  if (!body) return null;
  const lines = body.split('\n', 2);
  // List markers from the structured formats are layout, not part of a title.
  const first = lines[0].trim().replace(/^(?:[-•*]|\d+[.)])\s+/, '');
  const next = lines.length > 1 && lines[1].trim() ? lines[1] : null;
  if (looksLikeHeading(first, next)) return cleanField(first);
  const paragraph = body.split(/\n\s*\n/, 1)[0];
  return cleanField(firstSentence(paragraph));
}
