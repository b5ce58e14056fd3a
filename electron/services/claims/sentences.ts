// Sentence segmentation (wink-nlp boundaries plus repair rules) and the filters that decide which sentences
// can carry a claim: boilerplate, headings, bylines, datelines, questions, exhortations, fragments, lead-ins.
import { sentenceNlp, hasVerb } from './nlp.ts';
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

// Paragraphs longer than this are cut before going to wink, so memory stays bounded on giant unbroken inputs.
const MAX_CHUNK = 20_000;

/** JS `\s` as a char-code test: wink rewrites some spaces (NBSP, U+2028), so alignment must treat them alike. */
function isWs(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 5760 || (c >= 8192 && c <= 8202) ||
    c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279
  );
}

/** Non-blank lines of `text`, trimmed, as offsets. A line is a paragraph in extracted article text. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let s = pos;
    let e = nl;
    while (s < e && isWs(text.charCodeAt(s))) s++;
    while (e > s && isWs(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    pos = nl + 1;
  }
  return out;
}

/** Cut a long paragraph at sentence-like boundaries (or at least at spaces) into pieces of at most MAX_CHUNK. */
function chunks(text: string, p: Span): Span[] {
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
const TITLE_ABBR_END = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Sen|Rep|Gov|Prof|Rev|Hon|Pres|Supt|Det|Insp|Gens|Sens|Reps|Mt|Ft|St|Sgts|Cpl|Pvt|Brig|Lt\.? ?Gen)\.$/;
const NUMBER_ABBR_END = /(?:^|[\s(“"])(?:No|Nos|no|nos|Art|Fig|Vol|vol|pp|p|Ch|Sec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;
const STARTERS =
  'The|A|An|He|She|It|They|We|I|In|On|At|But|And|However|This|That|These|Those|There|His|Her|Their|Its|Our|After|Before|When|While|Meanwhile|Still|Some|Many|Officials|According|Authorities|Police';
const ABBR_THEN_START = new RegExp(`\\b(?:U\\.S|U\\.K|U\\.N|E\\.U|etc|Inc|Corp|Co|Ltd|Jr|Sr)\\.(?=\\s+(?:${STARTERS})\\s)`, 'g');
const TIME_ABBR_THEN_CAP =
  /\b[ap]\.m\.(?=\s+\p{Lu})(?!\s+(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|local|Local|Eastern|Pacific|Central|Moscow|Kyiv|London|Paris|Beijing|Tokyo)\b)/gu;
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
  for (const re of [ABBR_THEN_START, TIME_ABBR_THEN_CAP, GLUED_BOUNDARY]) {
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
      const prevText = text.slice(prev.start, prev.end);
      const curText = text.slice(sp.start, Math.min(sp.end, sp.start + 40));
      if (
        startsLowerWord(curText) ||
        TITLE_ABBR_END.test(prevText.slice(-12)) ||
        (NUMBER_ABBR_END.test(prevText.slice(-8)) && /^\d/.test(curText))
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

/** Sentence spans of one paragraph. */
export function sentencesOf(text: string, para: Span): Span[] {
  const nlp = sentenceNlp();
  const raw: Span[] = [];
  for (const c of chunks(text, para)) {
    const strings = nlp.readDoc(text.slice(c.start, c.end)).sentences().out() as string[];
    const aligned = align(text, c, strings) ?? fallbackSplit(text, c);
    for (const s of aligned) raw.push(s);
  }
  return repair(text, raw);
}

// ---------------------------------------------------------------------------------------------------------
// Filters. Each works on the sentence string; `alone` means the sentence is the whole paragraph (line).

const BOILERPLATE = new RegExp(
  '^(?:' +
    [
      'loading', 'advertisement', 'advert', 'ad', 'sponsored(?: content)?', 'promoted', 'paid content',
      'share(?: this| on| via| article| story| the story|$)', 'click here', 'tap here', 'subscribe', 'sign up', 'sign in', 'log in',
      'read more', 'read next', 'read the full', 'related(?: articles?| stories| coverage| content| topics)?\\s*:?\\s*$', 'related:',
      'more from', 'more on this', 'most read', 'most popular', 'recommended', 'trending', 'you may also like',
      'watch(?: now| live| the video|:)', 'listen(?: to this article| now|:)', 'skip to', 'jump to', 'follow (?:us|@)',
      'copyright', '©', 'all rights reserved', 'image (?:caption|source|copyright)', 'photo(?:graph)?(?: credit)?\\s*:',
      'getty images', '(?:ap|reuters|afp|epa) photo', 'video\\s*:', 'editing by', 'reporting by', 'additional reporting',
      'writing by', 'compiled by', 'our standards', 'thank you for (?:reading|subscribing|signing)', 'enable javascript',
      'this (?:article|story) (?:was|has been|is|first)', 'story continues', 'continue reading', 'scroll to continue',
      'comments?\\s*$', 'print\\s*$', 'email\\s*$', 'newsletter', 'cookie', 'privacy (?:policy|notice)', 'terms of (?:use|service)',
      '(?:updated|published|posted|last (?:updated|modified))\\s*(?::|on\\b|at\\b|\\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\b|(?:mon|tue|wed|thu|fri|sat|sun)\\w*\\b)',
      'get (?:the latest|our|breaking)', "don['’]t miss", 'support (?:our|independent|local) journalism', 'donate',
      'download (?:the|our) app', 'open in app', 'view (?:comments|gallery|image)', 'back to top', 'top stories',
      'breaking news\\s*:?\\s*$', 'live updates?\\s*:?\\s*$', 'opinion\\s*:', 'analysis\\s*:', "editor['’]s note",
      'see also', 'pic\\.twitter\\.com', 'https?://\\S+\\s*$', 'www\\.\\S+\\s*$', 'embed', 'caption\\s*:',
    ].join('|') +
    ')',
  'i',
);
const BYLINE =
  /^(?:by|from|written by|posted by|words by)\s+(?!(?:the|a|an|contrast|comparison|then|now|default|law|far|mid|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b)\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|de|van|von|al|bin|da|del|la|le))*\s*(?:[,|•·–—-].{0,60})?$/iu;
const DATELINE_ONLY = /^[\p{Lu}][\p{Lu} .,'’-]{2,}(?:\([^)]{1,30}\))?\s*[—–-]+\s*$/u;
/** Leading dateline such as "KYIV, Ukraine (AP) — " or "LONDON (Reuters) - ": not part of the claim. */
const DATELINE_PREFIX =
  /^\((?:CNN|AP|Reuters|AFP|Bloomberg|CNBC|NPR|BBC|UPI)\)\s*[—–-]{0,2}\s*|^\p{Lu}{2,}(?:[ .'-]+\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.'’]*(?:\s\p{Lu}[\p{L}.'’]*){0,2})?(?:,?\s*\p{Lu}\p{Ll}{2,}\.?\s\d{1,2})?\s*(?:\((?:AP|Reuters|AFP|CNN|Bloomberg|dpa|DPA|UPI|Xinhua|TASS|Interfax|Yonhap|Kyodo|CNBC|NPR|BBC)\))?\s*[—–-]{1,2}\s*/u;
const QUESTION_END = /\?[”"’)\]\s]*$/;
const ASKED_QUOTE = /\?[”"’]\s*,?\s*(?:\S+\s+){0,4}?(?:asked|wondered|questioned|queried)\b/;
const EXHORTATION =
  /^(?:(?:and|but|so|now),?\s+)?(?:(?:we|you|everyone|everybody|all of us|the world|the west|europe|america)\s+(?:all\s+)?(?:must|should|need to|have to|ought to|cannot allow|can['’]t allow|must not|should not)\b|let['’]?s\b|let us\b|please\b|don['’]t\b|do not\b|never forget\b|make sure\b|be sure\b|make no mistake\b|imagine\b)/i;
const IMPERATIVE_VERBS = new Set([
  'click', 'tap', 'share', 'subscribe', 'sign', 'read', 'follow', 'watch', 'listen', 'join', 'download', 'support',
  'donate', 'visit', 'contact', 'consider', 'remember', 'note', 'see', 'get', 'take', 'stop', 'tell', 'send', 'try',
  'keep', 'call', 'look', 'learn', 'find', 'check', 'register', 'log', 'enter', 'email', 'scroll', 'explore', 'discover',
  'vote', 'act', 'help', 'write', 'stay', 'think', 'ask', 'demand', 'refuse', 'reject', 'stand', 'speak', 'buy', 'save',
]);
const IMPERATIVE_ONLY = new Set([
  'avoid', 'stay', 'remember', 'imagine', 'consider', 'subscribe', 'click', 'tap', 'donate', 'download', 'register',
  'drink', 'wear', 'protect', 'seek', 'join', 'sign', 'keep', 'make', 'try', 'let', 'please', 'be',
  'don’t', "don't", 'do', 'go', 'ensure', 'bring', 'learn', 'discover', 'explore', 'enjoy', 'apply', 'follow', 'read',
]);
const IMPERATIVE_NEXT = new Set([
  'the', 'this', 'these', 'that', 'those', 'a', 'an', 'our', 'your', 'my', 'us', 'me', 'him', 'them', 'it', 'here', 'up',
  'more', 'now', 'out', 'below', 'above', 'today', 'all', 'every', 'what', 'how', 'why', 'to', 'back',
  'away', 'yourself', 'yourselves', 'everything', 'nothing', 'no',
]);
const META =
  /^(?:(?:but|and|so|yet|still),?\s+)?(?:(?:the|a|one|another|our|my)\s+(?:\p{L}+\s+){0,2}(?:questions?(?:\s+marks?)?|unknowns?|mystery|puzzle|conundrum)\s+(?:is|was|are|were|remains?|hangs|now)\b|here(?:['’]s| is| are)\s+(?:what|why|how|the latest|everything|a look|where)\b|what (?:we know|to know)\b|key (?:takeaways|points)\b)/iu;
const META_ANYWHERE = /remains to be seen|time will tell/i;

const LEXICAL_VERB = new RegExp(
  `\\b(?:\\p{Ll}{3,}ed|${[...IRREGULAR_PAST].join('|')}|claims?|says?|denies|deny|warns?|vows?|urges?|is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\\b`,
  'u',
);

export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const ws = isWs(s.charCodeAt(i));
    if (!ws && !inWord) n++;
    inWord = !ws;
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
export function nonClaimReason(s: string, alone: boolean): NonClaimReason | null {
  if (!/\p{L}/u.test(s)) return 'empty';
  const n = wordCount(s);
  if (n <= 20 && BOILERPLATE.test(s.replace(/^[(\[“"‘'\s]+/, ''))) return 'boilerplate';
  // Embedded social posts: "— Jane Doe (@janedoe) March 3, 2024".
  if (/^[—–-]\s*\S.*\(@\w+\)/.test(s) || /pic\.twitter\.com\//.test(s)) return 'boilerplate';
  if (alone && n <= 14 && BYLINE.test(s)) return 'byline';
  if (alone && DATELINE_ONLY.test(s)) return 'dateline';
  if (n >= 3 && mostlyUpper(s)) return alone ? 'heading' : 'boilerplate';
  if (alone && n <= 25 && !/[.!?…]["”’)\]]*$|["”’]$/.test(s)) return 'heading';
  if (QUESTION_END.test(s) || ASKED_QUOTE.test(s)) return 'question';
  if (/:[”"’]?\s*$/.test(s)) return 'lead-in';
  const body = /^[“"‘'(\s]/.test(s) ? s.replace(/^[“"‘'(\s]+/, '') : s;
  if (EXHORTATION.test(body)) return 'exhortation';
  const first = /^(\p{L}+)\s+(\p{L}+)/u.exec(body);
  if (first && /^\p{Lu}/u.test(first[1])) {
    const w1 = first[1].toLowerCase();
    // Verbs that are rarely nouns open an imperative whatever follows ("Stay hydrated", "Avoid the area");
    // noun-like ones ("Share", "Support", "Watch") only before a determiner or particle ("Share this article").
    if (IMPERATIVE_ONLY.has(w1) || (IMPERATIVE_VERBS.has(w1) && IMPERATIVE_NEXT.has(first[2].toLowerCase()))) return 'exhortation';
  }
  if (META.test(body) || META_ANYWHERE.test(s)) return 'meta';
  // A short line without any verb is a sub-heading or caption glued into the text ("The numbers and deployment.").
  // Numbers keep it (headline-style claims such as "Oil hits $90."), and so does any verb-like word the tagger missed.
  if (n <= 10 && !/\d/.test(s) && !LEXICAL_VERB.test(s) && !hasVerb(s)) return 'fragment';
  return null;
}
