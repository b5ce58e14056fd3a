// Fuzzy matching for the command palette: the query's letters must appear in order; matches at word
// starts and in runs score higher, so "tts" finds "Toggle theme" before "Settings".

export interface FuzzyResult<T> {
  item: T;
  score: number;
  /** Indexes of the matched characters in the label, for highlighting. */
  positions: number[];
}

/** Score of `query` against `label`, or null when the letters do not all appear in order. */
export function fuzzyScore(query: string, label: string): { score: number; positions: number[] } | null {
  // Jumping to word starts can skip letters a later character needed; plain in-order matching is the fallback.
  return scoreWith(query, label, true) ?? scoreWith(query, label, false);
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
