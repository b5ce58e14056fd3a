// Writes shared/lexicon/places.json, the gazetteer Compare uses to tell one country's figures from
// another's: each country's common and official names, alternative spellings, codes and demonyms,
// taken from the world-countries package (ISO 3166 data). Run after upgrading that package.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const countries = createRequire(import.meta.url)('world-countries');

const names = {};
const add = (name, code) => {
  const key = name.toLowerCase().replace(/\s+/g, ' ').trim();
  // Two-letter spellings other than well-known abbreviations ("US", "UK") collide with words ("IN", "NO").
  if (key.length < 3 && !/^(?:u\.?s|u\.?k)$/.test(key)) return;
  if (!names[key]) names[key] = code;
};
// Sovereign states first, so a demonym shared with a territory ("American") names the state.
const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
for (const c of ordered) {
  const code = c.cca2;
  add(c.name.common, code);
  add(c.name.official, code);
  for (const alt of c.altSpellings ?? []) add(alt, code);
  for (const d of Object.values(c.demonyms?.eng ?? {})) add(d, code);
  if (c.cca3) add(c.cca3, code);
}
// Spellings newsrooms use that the ISO data does not list.
Object.assign(names, { 'u.s.': 'US', us: 'US', 'u.s.a.': 'US', america: 'US', americans: 'US', 'u.k.': 'GB', uk: 'GB', britain: 'GB', british: 'GB', britons: 'GB' });
const sorted = Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b)));
// Each country's capital, so that "in the capital" of a story about France is Paris.
const capitals = Object.fromEntries(ordered.filter((c) => c.capital?.length).map((c) => [c.cca2, c.capital[0].toLowerCase()]).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(new URL('../shared/lexicon/places.json', import.meta.url), JSON.stringify({ _source: 'world-countries (ISO 3166 names, alternative spellings, English demonyms and capitals), by scripts/make-places.mjs', names: sorted, capitals }) + '\n');
console.log(Object.keys(sorted).length, 'place names');
