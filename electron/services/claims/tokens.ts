// Word-level tokens with offsets over a single sentence string, and small word tests shared by the rule layers.
// One linear regex per sentence is cheaper than reading token properties back out of wink for every layer.

export interface Tok {
  /** Token as written. */
  text: string;
  /** Lower-cased text with curly apostrophes folded to "'". */
  lower: string;
  /** Offsets relative to the sentence string, end exclusive. */
  start: number;
  end: number;
}

// A word keeps inner apostrophes, dots, commas, colons, slashes and hyphens ("Russia’s", "U.S", "25,000",
// "10,000-12,000", "USDL-12-0267") but never ends on one, so trailing punctuation becomes its own token.
// Every other non-space character is a token by itself. A char-code scanner: this runs on most sentences.
const WORDISH = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2013 || c === 0x2014 || c === 0x2026) return false;
  return WORDISH.test(String.fromCodePoint(s.codePointAt(i) ?? c));
}

function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 58 || c === 47 || c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x1680;
}

export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    // Lower-casing allocates; most tokens are already lower-case ASCII, so track whether it is needed.
    let plain = c >= 97 && c <= 122;
    if (isWordChar(c, s, i)) {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      let end = i;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (isWordChar(d, s, i)) {
          if (d < 97 || d > 122) plain = plain && d >= 48 && d <= 57;
          i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
          end = i;
        } else if (isJoiner(d)) {
          if (d > 127) plain = false;
          i++;
        } else break;
      }
      i = end;
    } else {
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    }
    const text = s.slice(start, i);
    let lower = text;
    if (!plain) {
      lower = text.toLowerCase();
      if (lower.indexOf('’') >= 0) lower = lower.replace(/’/g, "'");
    }
    out.push({ text, lower, start, end: i });
  }
  return out;
}

/** Object without a prototype, so a token such as "constructor" never hits an inherited key. */
export function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export const isWordTok = (t: Tok | undefined): boolean => !!t && isWordChar(t.text.charCodeAt(0), t.text, 0);
export const isCapitalized = (t: Tok | undefined): boolean => {
  if (!t) return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
};
export const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '«', '(', '[']);
export const CLOSE_QUOTES = new Set(['”', '"', '’', "'", '»', ')', ']']);
export const isQuoteTok = (t: Tok | undefined): boolean => !!t && (t.text === '“' || t.text === '”' || t.text === '"' || t.text === '‘' || t.text === '’' || t.text === '«' || t.text === '»');

/** Index of the first token that is not an opening quote or bracket. */
export function firstContentIndex(toks: Tok[]): number {
  let i = 0;
  while (i < toks.length && OPEN_QUOTES.has(toks[i].text)) i++;
  return i;
}

export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
export const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your',
]);

/** Function words that never head a noun phrase. */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your',
  'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'nor', 'so', 'yet',
  'who', 'whom', 'whose', 'which', 'what', 'when', 'where', 'while', 'whether', 'than', 'as', 'if',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'shall', 'not', 'no',
  'it', 'they', 'he', 'she', 'we', 'you', 'i', 'them', 'him', 'us', 'me', 'there', 'here',
  'after', 'before', 'since', 'during', 'until', 'into', 'onto', 'over', 'under', 'about', 'around',
  'per', 'each', 'every', 'because', 'although', 'though', 'unless', 'via', 'upon', 'within', 'without',
]);

/** Common irregular past forms, for telling verbs from counted nouns and for spotting past-tense events. */
export const IRREGULAR_PAST = new Set([
  'sent', 'fled', 'left', 'lost', 'won', 'took', 'made', 'fell', 'rose', 'hit', 'struck', 'went', 'came', 'became',
  'began', 'grew', 'gave', 'got', 'held', 'kept', 'led', 'met', 'paid', 'put', 'ran', 'saw', 'said', 'sold', 'spent',
  'stood', 'told', 'took', 'thought', 'brought', 'bought', 'caught', 'fought', 'sought', 'taught', 'built', 'felt',
  'found', 'heard', 'knew', 'lay', 'meant', 'read', 'set', 'shot', 'shut', 'slid', 'spoke', 'spread', 'stole', 'swept',
  'threw', 'understood', 'wrote', 'drove', 'flew', 'froze', 'broke', 'chose', 'woke', 'bore', 'tore', 'wore', 'swore',
  'drew', 'withdrew', 'overtook', 'undertook', 'forgave', 'forbade', 'sank', 'sprang', 'shrank', 'rang', 'sang',
  'dug', 'hung', 'stuck', 'struck', 'swung', 'bled', 'fed', 'bent', 'lent', 'cast', 'cost', 'cut', 'quit', 'let',
  'arose', 'awoke', 'beat', 'bit', 'blew', 'burnt', 'dealt', 'fled', 'forgot', 'hid', 'leapt', 'lit', 'rode', 'shook',
  'slew', 'sped', 'split', 'strove', 'wept', 'won', 'wound', 'overran', 'overthrew', 'rebuilt', 'upheld', 'withheld',
]);
