// Which of the names a story's figures are about are one name told differently: "the Greens" and "the
// Green Party", "NZ First" and "New Zealand First", "WHO" and "the World Health Organization".
import { LEX, lemma } from './lexicon.ts';

// Accents folded ("Kılıçdaroğlu", "Kilicdaroglu"), the dotless i with them.
const tokensOf = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase().split(/[\s-]+/).map((t) => t.replace(/['’]s$/, '').replace(/\./g, '')).filter((t) => t && t !== 'the');
/** A name without its generic words ("party", "inc"), each word folded to its lemma ("greens" → "green"). */
const coreOf = (tokens: string[]) => tokens.filter((t) => !LEX.functionWords.nameSuffixes.has(t)).map(lemma);
const initials = (tokens: string[]) => tokens.filter((t) => !LEX.functionWords.acronymSkips.has(t)).map((t) => t[0]).join('');

/** Whether a's words are b's with one of a's words standing for several of b's by their initials ("nz first", "new zealand first"). */
function abbreviates(a: string[], b: string[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const short = a[i];
    if (short.length < 2 || short.length > 6) continue;
    for (let from = 0; from < b.length; from++) {
      for (let to = from + 2; to <= b.length; to++) {
        if (initials(b.slice(from, to)) !== short) continue;
        const rest = [...b.slice(0, from), short, ...b.slice(to)];
        if (rest.length === a.length && rest.every((t, n) => t === a[n])) return true;
      }
    }
  }
  return false;
}

/**
 * Whether a is b without some of its leading words: the same head ("Red Crescent", "Libyan Red
 * Crescent"). Another last word is another thing: "Kathmandu" is not "Kathmandu Valley".
 */
function endsWith(a: string[], b: string[]): boolean {
  if (!a.length || a.length >= b.length) return false;
  const from = b.length - a.length;
  return a.every((t, n) => b[from + n] === t);
}

/**
 * Each name mapped to the spelling that stands for all its forms (the most used, then the longest).
 * Joint names ("national+act") stay as they are. A name of two words or more that ends a longer one
 * ("Red Crescent", "Libyan Red Crescent") joins it only when it ends no other name; a one-word name
 * never does ("Labour" is not "Scottish Labour").
 */
export function aliasNames(uses: Map<string, number>): Map<string, string> {
  const names = [...uses.keys()].filter((n) => !n.includes('+'));
  const parent = new Map(names.map((n) => [n, n]));
  const find = (n: string): string => (parent.get(n) === n ? n : find(parent.get(n)!));
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  const info = names.map((name) => {
    const all = tokensOf(name);
    // "President Recep Tayyip Erdogan": a title says the name is a person's and is no part of it.
    let titled = 0;
    while (titled < all.length - 1 && LEX.personTitles.has(all[titled])) titled++;
    const tokens = all.slice(titled);
    return { name, tokens, core: coreOf(tokens), generic: tokens.some((t) => LEX.functionWords.nameSuffixes.has(t)), person: titled > 0 };
  });
  for (let i = 0; i < info.length; i++) {
    for (let j = i + 1; j < info.length; j++) {
      const [a, b] = [info[i], info[j]];
      // One generic word more or less ("Labour", "the Labour Party"), not two different ones ("Democratic
      // Alliance", "Democratic Party").
      const oneGeneric = !a.generic || !b.generic;
      const same = (a.core.length > 0 && a.core.join(' ') === b.core.join(' ') && oneGeneric)
        || abbreviates(a.tokens, b.tokens) || abbreviates(b.tokens, a.tokens)
        || abbreviates(a.core, b.core) || abbreviates(b.core, a.core);
      if (same) join(a.name, b.name);
    }
  }
  // Only a name of two words or more: "Labour" is not "Scottish Labour", nor "Democrats" "Liberal Democrats";
  // but a person's surname is that person ("Erdogan", "President Recep Tayyip Erdogan").
  for (const a of info) {
    const holders = info.filter((b) => b !== a && endsWith(a.core, b.core) && (a.core.length >= 2 || (b.person && a.core.length === 1)));
    if (holders.length && new Set(holders.map((b) => find(b.name))).size === 1) join(a.name, holders[0].name);
  }
  const best = new Map<string, string>();
  for (const name of names) {
    const root = find(name);
    const current = best.get(root);
    const rank = (n: string) => [uses.get(n) ?? 0, n.length] as const;
    if (!current || rank(name)[0] > rank(current)[0] || (rank(name)[0] === rank(current)[0] && rank(name)[1] > rank(current)[1])) best.set(root, name);
  }
  return new Map([...uses.keys()].map((n) => [n, n.includes('+') ? n : best.get(find(n))!]));
}
