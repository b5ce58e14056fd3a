// Word-level tokens with offsets over one sentence string, the shared word lists (Lexicon) and small word tests.
// One char-code scan per sentence is cheaper than reading token properties back out of wink for every layer.
import { grammar, time } from '../../../shared/lexicon/index.ts';

/**
 * A token of a sentence. Text and lower-case forms are cut from the sentence on first use: the rule layers
 * look at a few tokens around numbers and reporting verbs, so most tokens never need their own string.
 */
export class Tok {
  private t: string | undefined;
  private l: string | undefined;

  constructor(
    private readonly s: string,
    /** Offsets relative to the sentence string, end exclusive. */
    readonly start: number,
    readonly end: number,
    /** Already lower-case ASCII: lower === text. */
    private readonly plain: boolean,
    /** hashWord() of the lower-cased token, so lexicon lookups can skip most tokens without cutting strings. */
    readonly hash: number,
    /** hashWord() of the part before the first hyphen ("twenty" in "twenty-five"); equals `hash` without one. */
    readonly headHash: number,
  ) {}

  /** Token as written. */
  get text(): string {
    return (this.t ??= this.s.slice(this.start, this.end));
  }

  /** Lower-cased text with curly apostrophes folded to "'". */
  get lower(): string {
    if (this.l === undefined) {
      const t = this.text;
      if (this.plain) this.l = t;
      else {
        const l = t.toLowerCase();
        this.l = l.indexOf('’') >= 0 ? l.replace(/’/g, "'") : l;
      }
    }
    return this.l;
  }

  /** First UTF-16 code unit, without cutting the string. */
  code0(): number {
    return this.s.charCodeAt(this.start);
  }
}

// A word keeps inner apostrophes, dots, commas, colons, slashes and hyphens ("Europe’s", "U.S", "25,000",
// "10,000-12,000", "USDL-23-1021") but never ends on one, so trailing punctuation becomes its own token.
// Every other non-space character is a token by itself.
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

// Character classes for the ASCII range, so the scanner does one table lookup per character:
// 1 = letter or digit, 2 = joiner inside a word, 4 = space.
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = 1;
for (let c = 65; c <= 90; c++) ASCII[c] = 1;
for (let c = 97; c <= 122; c++) ASCII[c] = 1;
for (const c of [39, 46, 44, 58, 47, 45]) ASCII[c] = 2;
for (const c of [32, 9, 10, 11, 12, 13]) ASCII[c] = 4;

export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c < 128 ? ASCII[c] === 4 : isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    // Lower-casing allocates; most tokens are already lower-case ASCII, so track whether it is needed.
    let plain = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    // The hash covers the token's own characters: joiners are folded in only once a word character follows.
    let h = fold(c);
    let head = 0;
    let headPending = 0;
    let hyphen = false;
    if (c < 128 ? ASCII[c] === 1 : isWordChar(c, s, i)) {
      if (c >= 0xd800 && c <= 0xdbff) {
        h = (Math.imul(h, 31) + s.charCodeAt(i + 1)) | 0;
        i += 2;
      } else i++;
      let end = i;
      let hp = h;
      let pendingHyphen = false;
      while (i < n) {
        c = s.charCodeAt(i);
        if (c < 128 ? ASCII[c] === 1 : isWordChar(c, s, i)) {
          if (c >= 128) plain = false;
          else if (c < 97 && c > 57) plain = false;
          hp = (Math.imul(hp, 31) + fold(c)) | 0;
          if (c >= 0xd800 && c <= 0xdbff) {
            hp = (Math.imul(hp, 31) + s.charCodeAt(i + 1)) | 0;
            i += 2;
          } else i++;
          h = hp;
          end = i;
          if (pendingHyphen) {
            hyphen = true;
            head = headPending;
            pendingHyphen = false;
          }
        } else if (c < 128 ? ASCII[c] === 2 : isJoiner(c)) {
          if (c > 127) plain = false;
          if (c === 45 && !hyphen && !pendingHyphen) {
            pendingHyphen = true;
            headPending = hp;
          }
          hp = (Math.imul(hp, 31) + fold(c)) | 0;
          i++;
        } else break;
      }
      i = end;
    } else {
      plain = false;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        h = (Math.imul(h, 31) + s.charCodeAt(i + 1)) | 0;
        i += 2;
      } else i++;
    }
    out.push(new Tok(s, start, i, plain, h, hyphen ? head : h));
  }
  return out;
}

/** Case and apostrophe folding used by the token hash (A-Z to a-z, ’ to '). */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}

/**
 * Word lists of all rule layers, looked up by token hash in one pass per sentence. Each layer registers its
 * lists at load time and gets a flag bit back; flagsOf() then gives every token the bits of the lists it is
 * in. Only hashes are compared, so a rare collision can flag a stray token; that is harmless because the
 * layers compare the token text before acting on it.
 */
export class Lexicon {
  // Open-addressing table: hash -> flag bits. Sized for a few thousand words; lookups never allocate.
  private static readonly SIZE = 1 << 13;
  private readonly keys = new Int32Array(Lexicon.SIZE);
  private readonly vals = new Int32Array(Lexicon.SIZE);
  private readonly used = new Uint8Array(Lexicon.SIZE);
  private count = 0;
  private nextBit = 1;
  private buffer = new Int32Array(256);

  define(words: Iterable<string>): number {
    const bit = this.nextBit;
    if (bit === 0) throw new Error('lexicon: too many word lists');
    this.nextBit = bit === 0x40000000 ? 0 : bit << 1;
    for (const w of words) {
      const h = hashWord(w);
      let i = h & (Lexicon.SIZE - 1);
      while (this.used[i] && this.keys[i] !== h) i = (i + 1) & (Lexicon.SIZE - 1);
      if (!this.used[i]) {
        if (++this.count > Lexicon.SIZE / 2) throw new Error('lexicon: table full');
        this.used[i] = 1;
        this.keys[i] = h;
      }
      this.vals[i] |= bit;
    }
    return bit;
  }

  flagsOfHash(h: number): number {
    let i = h & (Lexicon.SIZE - 1);
    while (this.used[i]) {
      if (this.keys[i] === h) return this.vals[i];
      i = (i + 1) & (Lexicon.SIZE - 1);
    }
    return 0;
  }

  /**
   * Flags of each token, in a buffer reused from call to call (valid until the next call; read the first
   * toks.length entries).
   */
  flagsOf(toks: Tok[]): Int32Array {
    if (this.buffer.length < toks.length) this.buffer = new Int32Array(toks.length * 2);
    const out = this.buffer;
    for (let i = 0; i < toks.length; i++) out[i] = this.flagsOfHash(toks[i].hash);
    return out;
  }
}

export const LEXICON = new Lexicon();

/** The hash a token of this (lower-case) word gets in tokenize(). */
export function hashWord(w: string): number {
  let h = 0;
  for (let k = 0; k < w.length; k++) h = (Math.imul(h, 31) + fold(w.charCodeAt(k))) | 0;
  return h;
}

/** Object without a prototype, so a token such as "constructor" never hits an inherited key. */
export function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export const isWordTok = (t: Tok | undefined): boolean => {
  if (!t) return false;
  const c = t.code0();
  return c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : isWordChar(c, t.text, 0);
};
export const isCapitalized = (t: Tok | undefined): boolean => {
  if (!t) return false;
  const c = t.code0();
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
};
export const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '«', '(', '[']);

export const MONTHS: ReadonlySet<string> = time.months;
export const WEEKDAYS: ReadonlySet<string> = time.weekdays;

/** Function words that never head a noun phrase. */
export const FUNCTION_WORDS = new Set(grammar.tokens.functionWords);

/** Common irregular past forms, for telling verbs from counted nouns and for spotting past-tense events. */
export const IRREGULAR_PAST = new Set(grammar.tokens.irregularPast);
