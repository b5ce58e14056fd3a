// Counts in words, for every message the app and the command line write: "1 claim", "3 claims",
// "1 second", "1,200 documents". One helper, so no message says "1 claims" again.

const RULES = new Intl.PluralRules('en');

/** The noun for `count` things: the singular for one, else `many` (the singular plus "s" unless given). */
export function pluralNoun(count: number, singular: string, many = `${singular}s`): string {
  return RULES.select(count) === 'one' ? singular : many;
}

/** "1 claim", "2 claims", "1,200 documents" (the count written with the reader's digit grouping). */
export function countOf(count: number, singular: string, many?: string): string {
  return `${count.toLocaleString()} ${pluralNoun(count, singular, many)}`;
}
