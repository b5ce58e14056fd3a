// Matching for the command palette. Words first: when every typed word begins a word of the label, in
// order, the label ranks above any letter-by-letter match, the more so when the words follow each other
// and start the label or the title after its colon ("open north korea is rep" finds "Open document: North
// Korea is reportedly…" first). Otherwise the query's letters must appear in order; matches at word starts
// and in runs score higher, so "tts" finds "Toggle theme" before "Settings".

export interface FuzzyResult<T> {
  item: T;
  score: number;
  /** Indexes of the matched characters in the label, for highlighting. */
  positions: number[];
}

/** Score of `query` against `label`, or null when the letters do not all appear in order. */
export function fuzzyScore(query: string, label: string): { score: number; positions: number[] } | null {
  // Jumping to word starts can skip letters a later character needed; plain in-order matching is the fallback.
  return wordScore(query, label) ?? scoreWith(query, label, true) ?? scoreWith(query, label, false);
}

/** Word matches always rank above letter-by-letter ones. */
const WORD_TIER = 1000;

interface LabelWord {
  start: number;
  text: string;
  /** Begins the label, or the part after a colon (a document's title in "Open document: …"). */
  head: boolean;
}

function labelWords(label: string): LabelWord[] {
  const lower = label.toLowerCase();
  const words: LabelWord[] = [];
  for (const match of lower.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const before = lower.slice(0, match.index).trimEnd();
    words.push({ start: match.index, text: match[0], head: match.index === 0 || before.endsWith(':') });
  }
  return words;
}

/**
 * Every query word begins a label word, in order: scored by how many follow each other, whether the
 * run starts the label or its title, and how few label words it skips. Null when a word is missing.
 */
function wordScore(query: string, label: string): { score: number; positions: number[] } | null {
  const wanted = query.toLowerCase().split(/[^\p{L}\p{N}'’]+/u).filter(Boolean);
  if (!wanted.length) return null;
  const words = labelWords(label);
  let best: { score: number; at: number[] } | null = null;
  // Each possible place for the first word, then the nearest match for each next one.
  for (let first = 0; first < words.length; first++) {
    if (!words[first].text.startsWith(wanted[0])) continue;
    const at = [first];
    for (let i = 1; i < wanted.length; i++) {
      let next = at[i - 1] + 1;
      while (next < words.length && !words[next].text.startsWith(wanted[i])) next++;
      if (next >= words.length) break;
      at.push(next);
    }
    if (at.length < wanted.length) continue;
    let score = WORD_TIER + wanted.length * 10;
    for (let i = 1; i < at.length; i++) score += at[i] === at[i - 1] + 1 ? 12 : -Math.min(6, at[i] - at[i - 1]);
    if (words[at[0]].head) score += 20;
    // The words after the command's verb start the title and follow each other: a title prefix.
    const title = at.findIndex((w, i) => i > 0 && words[w].head);
    if (title > 0 && at.slice(title).every((w, i, run) => i === 0 || w === run[i - 1] + 1)) score += 25;
    // Among equals, fewer words win; labels of the same length keep their order (open before open beside).
    score -= words.length * 0.1;
    if (!best || score > best.score) best = { score, at };
  }
  if (!best) return null;
  const positions: number[] = [];
  best.at.forEach((w, i) => {
    for (let k = 0; k < wanted[i].length; k++) positions.push(words[w].start + k);
  });
  return { score: best.score, positions };
}

function scoreWith(query: string, label: string, preferWordStarts: boolean): { score: number; positions: number[] } | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return { score: 0, positions: [] };
  const l = label.toLowerCase();
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of q) {
    let at = l.indexOf(char, from);
    // Prefer the same letter at a word start if there is one ahead, as people type initials.
    const wordStart = findWordStart(l, char, from);
    if (preferWordStarts && wordStart >= 0 && at !== previous + 1) at = wordStart;
    if (at < 0) return null;
    const atWordStart = at === 0 || /[\s:/\-–(]/.test(l[at - 1]);
    score += 1 + (atWordStart ? 3 : 0) + (at === previous + 1 ? 2 : 0);
    positions.push(at);
    previous = at;
    from = at + 1;
  }
  // Shorter labels and earlier first matches win among equals.
  score -= positions[0] * 0.05 + l.length * 0.01;
  return { score, positions };
}

function findWordStart(label: string, char: string, from: number): number {
  for (let i = label.indexOf(char, from); i >= 0; i = label.indexOf(char, i + 1)) {
    if (i === 0 || /[\s:/\-–(]/.test(label[i - 1])) return i;
  }
  return -1;
}

export function fuzzyFilter<T>(items: readonly T[], query: string, label: (item: T) => string, limit = 50): FuzzyResult<T>[] {
  const results: FuzzyResult<T>[] = [];
  items.forEach((item) => {
    const match = fuzzyScore(query, label(item));
    if (match) results.push({ item, ...match });
  });
  if (!query.trim()) return results.slice(0, limit);
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}
