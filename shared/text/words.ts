// Matching names by their words, shared by search and the app: case and accents folded, so a filter
// matches a name by the start of any of its words ("BBC" and "news" both find "BBC News").

/** Lower case without accents: "Le Monde diplomatique", "le monde diplomatique" and "LE MONDE" fold alike. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a name, folded. */
export function nameWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** True when every word of `filter` begins a word of `name`; an empty filter matches every name. */
export function matchesByWords(filter: string, name: string | null | undefined): boolean {
  const wanted = nameWords(filter);
  if (!wanted.length) return true;
  if (!name) return false;
  const words = nameWords(name);
  return wanted.every((w) => words.some((word) => word.startsWith(w)));
}
