// Sentence segmentation (wink-nlp boundaries plus repair rules) and the filters that decide which sentences
// can carry a claim: boilerplate, headings, bylines, datelines, questions, exhortations, fragments, lead-ins.
import { sentenceNlp, hasVerb } from './nlp.ts';
import { grammar, outlets, releaseBoilerplate, time } from '../../../shared/lexicon/index.ts';
import { IRREGULAR_PAST } from './tokens.ts';

export interface Span {
  start: number;
  end: number;
}

export type NonClaimReason =
  | 'empty'
  | 'boilerplate'
  | 'byline'
  | 'dateline'
  | 'heading'
  | 'question'
  | 'exhortation'
  | 'lead-in'
  | 'meta'
  | 'fragment';

// Text goes to wink in blocks of whole lines (one call per block costs less than one per paragraph); a line
// longer than a block is cut at a sentence-like boundary, so memory stays bounded on giant unbroken inputs.
const BLOCK = 100_000;

/** JS `\s` as a char-code test: wink rewrites some spaces (NBSP, U+2028), so alignment must treat them alike. */
function isWs(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 5760 || (c >= 8192 && c <= 8202) ||
    c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279
  );
}

/** Cut a long line at sentence-like boundaries (or at least at spaces) into pieces of at most MAX_CHUNK. */
function chunks(text: string, p: Span, MAX_CHUNK: number): Span[] {
  if (p.end - p.start <= MAX_CHUNK) return [p];
  const out: Span[] = [];
  let s = p.start;
  while (p.end - s > MAX_CHUNK) {
    const limit = s + MAX_CHUNK;
    let cut = -1;
    // Prefer the last ". X" style boundary in the back half of the window; then any space; else a hard cut.
    for (let i = limit - 1; i > s + MAX_CHUNK / 2; i--) {
      const c = text.charCodeAt(i);
      if (isWs(c)) {
        const prev = text[i - 1];
        if (prev === '.' || prev === '!' || prev === '?') { cut = i; break; }
        if (cut < 0) cut = -2 - i; // remember the first space seen, encoded negative
      }
    }
    let at: number;
    if (cut >= 0) at = cut;
    else if (cut < -1) at = -2 - cut;
    else {
      at = limit;
      const c = text.charCodeAt(at - 1);
      if (c >= 0xd800 && c <= 0xdbff) at--; // never split a surrogate pair
    }
    out.push({ start: s, end: at });
    s = at;
    while (s < p.end && isWs(text.charCodeAt(s))) s++;
  }
  if (s < p.end) out.push({ start: s, end: p.end });
  return out;
}

/**
 * Map wink's sentence strings back to offsets by walking non-space characters in step; returns null when the
 * strings cannot be aligned (then a plain punctuation splitter takes over for that chunk).
 */
function align(text: string, c: Span, sents: string[]): Span[] | null {
  const out: Span[] = [];
  let pos = c.start;
  for (const s of sents) {
    let i = 0;
    while (i < s.length && isWs(s.charCodeAt(i))) i++;
    if (i >= s.length) continue;
    while (pos < c.end && isWs(text.charCodeAt(pos))) pos++;
    const start = pos;
    // Usually the sentence is an exact substring; walk character by character only when wink rewrote spaces.
    if (i === 0 && text.startsWith(s, pos)) {
      let e = pos + s.length;
      while (e > pos && isWs(text.charCodeAt(e - 1))) e--;
      out.push({ start, end: e });
      pos += s.length;
      continue;
    }
    let end = pos;
    for (; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (isWs(ch)) continue;
      while (pos < c.end && isWs(text.charCodeAt(pos))) pos++;
      if (pos >= c.end || text.charCodeAt(pos) !== ch) return null;
      pos++;
      end = pos;
    }
    out.push({ start, end });
  }
  while (pos < c.end && isWs(text.charCodeAt(pos))) pos++;
  if (pos < c.end) {
    let e = c.end;
    while (e > pos && isWs(text.charCodeAt(e - 1))) e--;
    out.push({ start: pos, end: e });
  }
  return out;
}

const FALLBACK_RE = /[^.!?…]+(?:[.!?…]+["”’)\]]*|$)/g;
function fallbackSplit(text: string, c: Span): Span[] {
  const out: Span[] = [];
  const piece = text.slice(c.start, c.end);
  FALLBACK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FALLBACK_RE.exec(piece)) !== null) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && isWs(piece.charCodeAt(s))) s++;
    while (e > s && isWs(piece.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: c.start + s, end: c.start + e });
  }
  return out;
}

// Repairs on top of wink's boundaries.
// Month and weekday names (shared/lexicon/time.json) as regular-expression alternatives, capitalised.
const cap = (w: string): string => w[0].toUpperCase() + w.slice(1);
const MONTH_ALTS = [...time.monthNames, ...time.monthAbbreviations].map(cap).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_ALTS = time.weekdayNames.map(cap).join('|');
const WEEKDAY_ABBR_ALTS = time.weekdayAbbreviations.map(cap).join('|');
const TITLE_ABBR_END = new RegExp(`(?:^|[\\s(“"])(?:${grammar.sentences.titleAbbreviations.join('|')}|Lt\\.? ?Gen)\\.$`);
const NUMBER_ABBR_END = new RegExp(`(?:^|[\\s(“"])(?:${[...grammar.sentences.numberAbbreviations, ...time.monthAbbreviations.map(cap)].join('|')})\\.$`);
const STARTERS = grammar.sentences.sentenceStarters.join('|');
const ABBR_THEN_START = new RegExp(`\\b(?:U\\.S|U\\.K|U\\.N|E\\.U|etc|Inc|Corp|Co|Ltd|Jr|Sr)\\.(?=\\s+(?:${STARTERS})\\s)`, 'g');
// "at 6 p.m. Officials said": a clock time ends the sentence unless a zone, day, month or place follows.
const TIME_ABBR_THEN_CAP = new RegExp(
  `\\b[ap]\\.m\\.(?=\\s+\\p{Lu})(?!\\s+(?:${[...time.timeZones, WEEKDAY_ALTS, MONTH_ALTS, WEEKDAY_ABBR_ALTS].join('|')})\\b)(?!\\s+\\p{Lu}\\p{Ll}+\\s+time\\b)`,
  'gu',
);
// "The firm lost £4.2m. The chief ...": an abbreviated amount ends the sentence before a capitalised word.
const AMOUNT_THEN_CAP = /\d(?:m|bn|k|tn|mn|trn|b)\.(?=\s+[“"‘]?\p{Lu})/gu;
const GLUED_BOUNDARY = /\p{Ll}{2}["”’)]?[.!?…]+["”’)]?(?=[“"‘]?\p{Lu}\p{Ll})/gu;

function startsLowerWord(s: string): boolean {
  const m = /^[“"‘'(«\s]*(\p{L}+)/u.exec(s);
  return !!m && /^\p{Ll}+$/u.test(m[1]);
}

// Cheap pre-test for the split rules: a boundary mark followed directly by a capital, or an abbreviation.
const SPLIT_HINT = /[.!?…]["”’)]?["“‘]?[A-Z]|\.\s+[A-Z]/;

function splitInside(text: string, sp: Span): Span[] {
  const piece = text.slice(sp.start, sp.end);
  if (!SPLIT_HINT.test(piece)) return [sp];
  const cuts: number[] = [];
  for (const re of [ABBR_THEN_START, TIME_ABBR_THEN_CAP, GLUED_BOUNDARY, AMOUNT_THEN_CAP]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(piece)) !== null) cuts.push(m.index + m[0].length);
  }
  if (!cuts.length) return [sp];
  cuts.sort((a, b) => a - b);
  const out: Span[] = [];
  let s = 0;
  for (const c of cuts) {
    if (c <= s || c >= piece.length) continue;
    let e = c;
    while (e > s && isWs(piece.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: sp.start + s, end: sp.start + e });
    s = c;
    while (s < piece.length && isWs(piece.charCodeAt(s))) s++;
  }
  if (s < piece.length) out.push({ start: sp.start + s, end: sp.end });
  return out;
}

function repair(text: string, spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const sp of spans) {
    const prev = merged[merged.length - 1];
    if (prev) {
      // Cheap character tests first: merging is rare.
      const c0 = text.charCodeAt(sp.start);
      const lowerStart = (c0 >= 97 && c0 <= 122) || c0 > 127 || c0 === 34 || c0 === 39 || c0 === 40;
      const abbrEnd = text.charCodeAt(prev.end - 1) === 46;
      if (
        (lowerStart && startsLowerWord(text.slice(sp.start, Math.min(sp.end, sp.start + 40)))) ||
        (abbrEnd && TITLE_ABBR_END.test(text.slice(Math.max(prev.start, prev.end - 12), prev.end))) ||
        (abbrEnd && c0 >= 48 && c0 <= 57 && NUMBER_ABBR_END.test(text.slice(Math.max(prev.start, prev.end - 8), prev.end))) ||
        // "magnitude-6.4": a point followed directly by a digit is a decimal, never a boundary.
        (abbrEnd && c0 >= 48 && c0 <= 57 && sp.start === prev.end)
      ) {
        prev.end = sp.end;
        continue;
      }
    }
    merged.push({ start: sp.start, end: sp.end });
  }
  const out: Span[] = [];
  for (const sp of merged) for (const s of splitInside(text, sp)) out.push(s);
  return out;
}

export interface SentenceSpan extends Span {
  /** Index of the paragraph (non-blank line), counting from 0. */
  para: number;
  /** First sentence of its paragraph. */
  first: boolean;
  /** The only sentence of its paragraph: headings, bylines and boilerplate lines look like this. */
  alone: boolean;
}

/**
 * Split a span at line breaks (a line is a paragraph in extracted text), trimming each piece. `nl` caches the
 * next line break at or after a position, so a long line is scanned once, not once per sentence.
 */
function splitLines(text: string, sp: Span, out: Span[], nl: { at: number }): void {
  let s = sp.start;
  while (s < sp.end) {
    if (nl.at < s) {
      nl.at = text.indexOf('\n', s);
      if (nl.at < 0) nl.at = Infinity;
    }
    const lineEnd = Math.min(nl.at, sp.end);
    let a = s;
    let e = lineEnd;
    while (a < e && isWs(text.charCodeAt(a))) a++;
    while (e > a && isWs(text.charCodeAt(e - 1))) e--;
    if (e > a) out.push({ start: a, end: e });
    s = lineEnd + 1;
  }
}

// A line with no sentence mark before its final punctuation is one sentence: there is no boundary for wink to
// decide, so such lines (headlines, bylines, the many one-sentence news paragraphs) skip the tagger.
const SINGLE_MAX = 2_000;

function isCloser(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 34 || c === 39 || c === 41 || c === 93 || c === 0xbb || c <= 32;
}

function isMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/**
 * A possible sentence boundary before the line's final punctuation: a mark followed by a space, a quote or
 * bracket, or a capital. A mark inside a number or a word ("2.9", "example.com") is never a boundary.
 */
function hasInnerMark(text: string, a: number, e: number): boolean {
  let k = e;
  while (k > a && (isCloser(text.charCodeAt(k - 1)) || isMark(text.charCodeAt(k - 1)))) k--;
  for (let i = a; i < k; i++) {
    if (!isMark(text.charCodeAt(i))) continue;
    let j = i + 1;
    let n = text.charCodeAt(j);
    if ((n >= 97 && n <= 122) || (n >= 48 && n <= 57) || n === 44) continue;
    // A lower-case word after the mark ("5 p.m. and", "“Why?” asked one") continues the sentence: the repair
    // step would join such a split anyway.
    while (j < k && (n === 32 || n === 0x201d || n === 0x2019 || n === 34)) n = text.charCodeAt(++j);
    if (j > i + 1 && n >= 97 && n <= 122) continue;
    return true;
  }
  return false;
}

function trimSpan(text: string, sp: Span): Span {
  let a = sp.start;
  let e = sp.end;
  while (a < e && isWs(text.charCodeAt(a))) a++;
  while (e > a && isWs(text.charCodeAt(e - 1))) e--;
  return { start: a, end: e };
}

// wink's tokenizer takes quadratic time on a very long run without spaces (measured: 40k characters, ~2 s), so
// lines holding such runs are split by the plain punctuation splitter instead.
const LONG_RUN = 256;

/** Is there a run of LONG_RUN or more characters without a space in text[a, e)? Jumps from space to space. */
function hasLongRun(text: string, a: number, e: number): boolean {
  let p = a;
  while (p < e) {
    let q = text.indexOf(' ', p);
    if (q < 0 || q > e) q = e;
    if (q - p >= LONG_RUN && /\S{256}/.test(text.slice(p, q))) return true;
    p = q + 1;
  }
  return false;
}

/** Run wink's boundary detection over the given lines (joined into one document) and map sentences back. */
function winkLines(text: string, lines: Span[], out: Span[][]): void {
  if (hasLongRun(text, lines[0].start, lines[lines.length - 1].end)) {
    const ok: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (hasLongRun(text, lines[i].start, lines[i].end)) {
        for (const sp of fallbackSplit(text, lines[i])) out[i].push(sp);
      } else ok.push(i);
    }
    if (ok.length) {
      const sub: Span[][] = ok.map(() => []);
      winkLines(text, ok.map((i) => lines[i]), sub);
      for (let j = 0; j < ok.length; j++) out[ok[j]] = sub[j];
    }
    return;
  }
  const parts: string[] = [];
  const at: number[] = [];
  let len = 0;
  for (const l of lines) {
    at.push(len);
    parts.push(text.slice(l.start, l.end));
    len += l.end - l.start + 1;
  }
  const joined = parts.join('\n');
  const strings = sentenceNlp().readDoc(joined).sentences().out() as string[];
  const whole = { start: 0, end: joined.length };
  const aligned = align(joined, whole, strings) ?? fallbackSplit(joined, whole);
  const pieces: Span[] = [];
  const nl = { at: -1 };
  for (const sp of aligned) splitLines(joined, sp, pieces, nl);
  let k = 0;
  for (const p of pieces) {
    while (k + 1 < lines.length && at[k + 1] <= p.start) k++;
    const shift = lines[k].start - at[k];
    out[k].push({ start: p.start + shift, end: p.end + shift });
  }
}

/** Sentence spans of the whole text, in order, with their paragraph. */
export function segment(text: string): SentenceSpan[] {
  const raw: Span[] = [];
  let pos = 0;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + BLOCK);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > pos) end = nl + 1;
      else {
        // One line longer than a block: cut it at sentence-like boundaries and let wink split each piece.
        const lineEnd = text.indexOf('\n', pos);
        end = lineEnd < 0 ? text.length : lineEnd + 1;
        for (const c of chunks(text, { start: pos, end }, BLOCK)) {
          const buckets: Span[][] = [[]];
          winkLines(text, [trimSpan(text, c)], buckets);
          for (const sp of buckets[0]) raw.push(sp);
        }
        pos = end;
        continue;
      }
    }
    // The lines of this block: single-sentence lines directly, the others through wink in one call.
    const lines: Span[] = [];
    const single: boolean[] = [];
    for (let ls = pos; ls < end; ) {
      let le = text.indexOf('\n', ls);
      if (le < 0 || le > end) le = end;
      const l = trimSpan(text, { start: ls, end: le });
      if (l.end > l.start) {
        lines.push(l);
        single.push(l.end - l.start <= SINGLE_MAX && !hasInnerMark(text, l.start, l.end));
      }
      ls = le + 1;
    }
    const buckets: Span[][] = lines.map(() => []);
    const winkIdx: number[] = [];
    for (let i = 0; i < lines.length; i++) if (!single[i]) winkIdx.push(i);
    if (winkIdx.length) {
      const sub: Span[][] = winkIdx.map(() => []);
      winkLines(text, winkIdx.map((i) => lines[i]), sub);
      for (let j = 0; j < winkIdx.length; j++) buckets[winkIdx[j]] = sub[j];
    }
    for (let i = 0; i < lines.length; i++) {
      if (single[i]) raw.push(lines[i]);
      else for (const sp of buckets[i]) raw.push(sp);
    }
    pos = end;
  }

  // Group by paragraph: a line break between two spans starts a new one. The next line break is cached so
  // the scan stays linear on long lines.
  const out: SentenceSpan[] = [];
  let para = -1;
  let group: Span[] = [];
  let nextNl = -1;
  let prevEnd = -1;
  const flush = (): void => {
    if (!group.length) return;
    const fixed = repair(text, group);
    for (let i = 0; i < fixed.length; i++) out.push({ start: fixed[i].start, end: fixed[i].end, para, first: i === 0, alone: fixed.length === 1 });
    group = [];
  };
  for (const sp of raw) {
    if (prevEnd < 0) {
      para = 0;
    } else {
      if (nextNl < prevEnd) {
        nextNl = text.indexOf('\n', prevEnd);
        if (nextNl < 0) nextNl = Infinity;
      }
      if (nextNl < sp.start) {
        flush();
        para++;
      }
    }
    group.push(sp);
    prevEnd = sp.end;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Filters. Each works on the sentence string; `alone` means the sentence is the whole paragraph (line).

// Lines a news page wraps around the story. Alternatives that are also ordinary words ("Advertisement revenue
// fell", "Loading of the ships began") must be the whole line.
const BOILERPLATE = new RegExp(`^(?:${grammar.sentences.newsBoilerplate.patterns.join('|')})`, 'i');
const PHOTO_CREDIT = /\bvia REUTERS\b|\bREUTERS\/|\/(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images)\b|\(AP Photo|\bAP Photo\/|\bAFP via Getty\b|\(Photo (?:by|credit)|^Photo(?:graph)?:/;
// A caption closes with ", <place>, <Month> <day>, <year>." (news agencies' photo caption style).
const CAPTION_DATE_END = new RegExp(`,\\s(?:(?:${WEEKDAY_ALTS}),\\s)?(?:${MONTH_ALTS})\\.?\\s\\d{1,2},\\s\\d{4}\\.?$`);
const BYLINE = new RegExp(
  `^(?:by|from|written by|posted by|words by)\\s+(?!(?:${[...grammar.sentences.bylineNotNames, ...time.weekdayNames, ...time.monthNames].join('|')})\\b)` +
    String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|de|van|von|al|bin|da|del|la|le))*\s*(?:[,|•·–—-].{0,60})?$`,
  'iu',
);
const DATELINE_ONLY = /^[\p{Lu}][\p{Lu} .,'’-]{2,}(?:\([^)]{1,30}\))?\s*[—–-]+\s*$/u;
/** Leading dateline such as "KYIV, Ukraine (AP) — " or "LONDON (Reuters) - ": not part of the claim. */
const AGENCY_ALTS = outlets.datelineAgencies.join('|');
const DATELINE_PREFIX = new RegExp(
  `^\\((?:${AGENCY_ALTS})\\)\\s*[—–-]{0,2}\\s*|` +
  String.raw`^\p{Lu}{2,}(?:[ .'-]+\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.'’]*(?:\s\p{Lu}[\p{L}.'’]*){0,2})?(?:,?\s*\p{Lu}\p{Ll}{2,}\.?\s\d{1,2})?\s*(?:\((?:` + AGENCY_ALTS + String.raw`)\))?\s*[—–-]{1,2}\s*`,
  'u',
);
const QUESTION_END = /\?[”"’)\]\s]*$/;
const ASKED_QUOTE = /\?[”"’]\s*,?\s*(?:\S+\s+){0,4}?(?:asked|wondered|questioned|queried)\b/;
const EXHORTATION =
  /^(?:(?:and|but|so|now),?\s+)?(?:(?:we|you|everyone|everybody|all of us|the world|the west|europe|america)\s+(?:all\s+)?(?:must|should|need to|have to|ought to|cannot allow|can['’]t allow|must not|should not)\b|you can (?:read|find|watch|listen|follow|sign up|subscribe|see|download|support|help)\b|let['’]?s\b|let us\b|please\b|don['’]t\b|do not\b|never forget\b|make sure\b|be sure\b|make no mistake\b|imagine\b)/i;
const IMPERATIVE_VERBS = new Set(grammar.sentences.imperativeVerbs);
const IMPERATIVE_ONLY = new Set(grammar.sentences.imperativeOnly);
/** Lower-cased first word after opening quotes and brackets ("" when the sentence starts otherwise). */
function firstWord(s: string): string {
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x201c && c !== 34 && c !== 0x2018 && c !== 39 && c !== 40 && c !== 91 && c !== 0xab && c !== 32) break;
  }
  const st = i;
  for (; i < n && i - st < 16; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > st && (c === 39 || c === 0x2019))) continue;
    if (c > 127 && /\p{L}/u.test(s[i])) continue;
    break;
  }
  return i > st ? s.slice(st, i).toLowerCase() : '';
}

// First words that make the pattern tests worth running.
const EXHORT_OPENERS = new Set(grammar.sentences.exhortOpeners);
const THE_EXHORT = /^[“"‘'(\s]*the (?:world|west)\b/i;
const META_OPENERS = new Set(grammar.sentences.metaOpeners);
const META_WORDS = ['question', 'unknown', 'mystery', 'puzzle', 'conundrum', 'takeaway', 'we know', 'to know'];
const hasMetaWord = (s: string): boolean => {
  for (const w of META_WORDS) if (s.indexOf(w) >= 0) return true;
  return false;
};
const BOILERPLATE_FIRST = new Set(grammar.sentences.boilerplateFirst);
const IMPERATIVE_NEXT = new Set(grammar.sentences.imperativeNext);
const META =
  /^(?:(?:but|and|so|yet|still),?\s+)?(?:(?:the|a|one|another|our|my)\s+(?:\p{L}+\s+){0,2}(?:questions?(?:\s+marks?)?|unknowns?|mystery|puzzle|conundrum)\s+(?:is|was|are|were|remains?|hangs|now)\b|here(?:['’]s| is| are)\s+(?:what|why|how|the latest|everything|a look|where)\b|what (?:we know|to know)\b|key (?:takeaways|points)\b)/iu;
const META_ANYWHERE = /remains to be seen|time will tell/i;

const COMMON_VERB = /\b(?:is|are|was|were|has|have|had|said|says|will|would|could|can|may|might|must|should|did|does)\b|[a-z]ed\b/;
const LEXICAL_VERB = new RegExp(
  `\\b(?:\\p{Ll}{3,}ed|${[...IRREGULAR_PAST].join('|')}|claims?|says?|denies|deny|warns?|vows?|urges?|is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\\b`,
  'u',
);

/** Words in a sentence (space-separated runs). Sentences are trimmed and single-line, so spaces suffice. */
export function wordCount(s: string): number {
  if (!s) return 0;
  let n = 1;
  let i = s.indexOf(' ');
  while (i >= 0) {
    if (i + 1 < s.length && s.charCodeAt(i + 1) !== 32) n++;
    i = s.indexOf(' ', i + 1);
  }
  return n;
}

/** All-caps line ("CLICK HERE FOR FULL VERSION"); ASCII letters are enough to tell. */
function mostlyUpper(s: string): boolean {
  let up = 0;
  let low = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      // Give up as soon as lower case clearly dominates: the common case costs a few characters.
      if (++low > 8 && low * 4 > up + 32) return false;
    } else if (c >= 65 && c <= 90) up++;
  }
  return up >= 8 && up > 4 * low;
}

/** Length of a leading dateline in a paragraph's first sentence, 0 if none. */
export function datelineLength(s: string): number {
  const m = DATELINE_PREFIX.exec(s);
  if (!m) return 0;
  // Only a dateline when what follows is a sentence: "WASHINGTON — The Senate ..." but not "NATO-led forces ...".
  const rest = s.slice(m[0].length);
  return /^[“"‘]?\p{Lu}/u.test(rest) && /[—–]|\s-\s|\)\s*-/.test(m[0]) ? m[0].length : 0;
}

/**
 * Why a sentence cannot carry a claim, or null when it can. `alone`: the sentence is its paragraph (a line of
 * its own), which is how headings, bylines and boilerplate appear in extracted text.
 */
export function nonClaimReason(s: string, alone: boolean, words = wordCount(s)): NonClaimReason | null {
  const n = words;
  // Most sentences are ordinary claims: the scanning tests below are gated on a cheap character or word check.
  const first = firstWord(s);
  if (!first && !/\p{L}/u.test(s)) return 'empty';
  if (n <= 20 && (!first || BOILERPLATE_FIRST.has(first)) && BOILERPLATE.test(s.replace(/^[([“"‘'\s]+/, ''))) {
    return 'boilerplate';
  }
  if (n <= 40 && isReleaseBoilerplate(s)) return 'boilerplate';
  if (alone && n <= 10 && ABSTRACT_LABELS.has(first) && isLabelledFragment(s)) return 'heading';
  // Photo credits and captions: "Sputnik/.../Pool via REUTERS", "... in Moscow, Russia, June 5, 2024."
  if (PHOTO_CREDIT.test(s) || (n <= 40 && CAPTION_DATE_END.test(s))) return 'boilerplate';
  // Embedded social posts: "— Jane Doe (@janedoe) March 3, 2024".
  if (s.indexOf('(@') >= 0 && /^[—–-]\s*\S.*\(@\w+\)/.test(s)) return 'boilerplate';
  if (s.indexOf('pic.twitter.com/') >= 0) return 'boilerplate';
  if (alone && n <= 14 && BYLINE.test(s)) return 'byline';
  if (alone && DATELINE_ONLY.test(s)) return 'dateline';
  if (n >= 3 && mostlyUpper(s)) return alone ? 'heading' : 'boilerplate';
  if (alone && n <= 25 && !endsLikeSentence(s)) return 'heading';
  if (s.indexOf('?') >= 0 && (QUESTION_END.test(s) || ASKED_QUOTE.test(s))) return 'question';
  if (endsWithColon(s)) return 'lead-in';
  const exhort = EXHORT_OPENERS.has(first) || (first === 'the' && THE_EXHORT.test(s));
  const imperative = IMPERATIVE_ONLY.has(first) || IMPERATIVE_VERBS.has(first);
  const meta = META_OPENERS.has(first) && (first === 'here' || first === "here's" || first === 'here’s' || first === 'what' || first === 'key' || hasMetaWord(s));
  if (exhort || imperative || meta) {
    const body = /^[“"‘'(\s]/.test(s) ? s.replace(/^[“"‘'(\s]+/, '') : s;
    if (exhort && EXHORTATION.test(body)) return 'exhortation';
    if (imperative) {
      const two = /^(\p{L}+)\s+(\p{L}+)/u.exec(body);
      // Verbs that are rarely nouns open an imperative whatever follows ("Stay hydrated", "Avoid the area");
      // noun-like ones ("Share", "Support", "Watch") only before a determiner or particle ("Share this article").
      if (two && /^\p{Lu}/u.test(two[1]) && (IMPERATIVE_ONLY.has(first) || IMPERATIVE_NEXT.has(two[2].toLowerCase()))) return 'exhortation';
    }
    if (meta && META.test(body)) return 'meta';
  }
  if ((s.indexOf('remains to be seen') >= 0 || s.indexOf('ime will tell') >= 0) && META_ANYWHERE.test(s)) return 'meta';
  // A short line without any verb is a sub-heading or caption glued into the text ("The numbers and deployment.").
  // Numbers keep it (headline-style claims such as "Oil hits $90."), and so does any verb-like word the tagger missed.
  if (n <= 10 && s.length <= 160 && !/\d/.test(s) && !COMMON_VERB.test(s) && !LEXICAL_VERB.test(s) && !hasVerb(s)) return 'fragment';
  return null;
}

/** Lines that releases and announcements repeat on every issue (shared/lexicon/grammar.json). */
function isReleaseBoilerplate(s: string): boolean {
  return releaseBoilerplate.test(s);
}

const ABSTRACT_LABELS = new Set(grammar.sentences.abstractLabels.filter((l) => !l.includes(' ')));
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|did|does|said|says)\b/i;

/** "Setting Norway.", "Design Pragmatic randomised trial.": a structured-abstract label before a verbless phrase. */
function isLabelledFragment(s: string): boolean {
  const rest = s.replace(/^\s*\p{L}+\s+/u, '');
  return /^\p{Lu}/u.test(rest) && wordCount(rest) <= 6 && !/\d/.test(rest) && !FINITE_VERB.test(rest);
}

/** Ends with sentence punctuation (possibly inside closing quotes or brackets), or with a closing quote. */
function endsLikeSentence(s: string): boolean {
  let i = s.length - 1;
  const last = s[i];
  if (last === '”' || last === '"' || last === '’') return true;
  while (i >= 0 && (s[i] === ')' || s[i] === ']')) i--;
  const c = s[i];
  return c === '.' || c === '!' || c === '?' || c === '…';
}

function endsWithColon(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && (s.charCodeAt(i) <= 32 || s[i] === '”' || s[i] === '"' || s[i] === '’')) i--;
  return i >= 0 && s[i] === ':';
}
