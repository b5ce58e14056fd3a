// Canonical units for quantities: the written unit or counted noun goes to a name, a dimension and, for rates,
// a denominator, through the js-quantities library for physical units and the lexicon for currencies and counts.
import Qty from 'js-quantities';
import type { CanonicalUnit } from '../../../shared/types/claims.ts';
import { units, type UnitEntry } from '../../../shared/lexicon/index.ts';

// Lexicon entries keyed by the unit as claims show it ("km", "degrees celsius"), first entry wins.
const BY_SHOWN = new Map<string, UnitEntry>();
for (const [written, entry] of Object.entries(units.words)) {
  if (!BY_SHOWN.has(entry.unit)) BY_SHOWN.set(entry.unit, entry);
  if (!BY_SHOWN.has(written)) BY_SHOWN.set(written, entry);
}

const qtyCache = new Map<string, { name: string; dimension: string } | null>();

/** Name and dimension js-quantities gives a unit expression: "km" -> kilometer/length, "kW*h" -> kilowatt-hour/energy. */
function fromLibrary(expr: string): { name: string; dimension: string } | null {
  let hit = qtyCache.get(expr);
  if (hit !== undefined) return hit;
  try {
    const q = new Qty(expr);
    const words = (parts: string[]): string => {
      const out: string[] = [];
      let prefix = '';
      for (const p of parts) {
        if (p === '<1>') continue;
        const w = p.slice(1, -1);
        if (/^(?:yotta|zetta|exa|peta|tera|giga|mega|kilo|hecto|deca|deci|centi|milli|micro|nano|pico|femto|atto)$/.test(w)) prefix += w;
        else {
          out.push(prefix + w);
          prefix = '';
        }
      }
      // "km^2" is <kilo><meter><kilo><meter>: a repeated unit is a square.
      if (out.length === 2 && out[0] === out[1]) return `square ${out[0]}`;
      return out.join('-');
    };
    const num = words(q.numerator);
    const den = words(q.denominator);
    hit = { name: den ? `${num} per ${den}` : num, dimension: q.kind() ?? 'other' };
  } catch {
    hit = null;
  }
  qtyCache.set(expr, hit);
  return hit;
}

/** Singular of a counted noun as written ("homes" -> "home", "casualties" -> "casualty"). */
function singular(noun: string): string {
  if (/ies$/.test(noun) && noun.length > 4) return noun.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/.test(noun)) return noun;
  if (/(?:ches|shes|xes|sses)$/.test(noun)) return noun.slice(0, -2);
  if (/s$/.test(noun) && noun.length > 3) return noun.slice(0, -1);
  return noun;
}

/** Denominator of a rate as a canonical name: "year", "barrel", "person". */
export function rateName(word: string): string {
  const entry = BY_SHOWN.get(word);
  if (entry) return entry.name ?? (entry.qty ? (fromLibrary(entry.qty)?.name ?? singular(word)) : singular(word));
  return units.people.has(word) ? 'person' : singular(word);
}

/**
 * Canonical unit of a quantity from its unit as shown (`unit`), its ISO currency code when one was written
 * (`code`) and a rate's denominator word (`per`); undefined when there is no unit at all.
 */
export function canonicalUnit(unit: string | null, code?: string, per?: string): CanonicalUnit | undefined {
  let out: CanonicalUnit | undefined;
  const currency = code ?? (unit ? units.currencyWords[unit] : undefined);
  if (currency) out = { name: currency, dimension: 'currency' };
  else if (unit) {
    const entry = BY_SHOWN.get(unit);
    if (entry) {
      const lib = entry.qty ? fromLibrary(entry.qty) : null;
      out = { name: entry.name ?? lib?.name ?? unit, dimension: entry.dimension ?? lib?.dimension ?? 'other' };
    } else if (units.people.has(unit) || units.people.has(unit.split(' ').pop() ?? '')) out = { name: 'person', dimension: 'count' };
    else out = { name: singular(unit.split(' ').pop() ?? unit), dimension: 'count' };
  }
  if (out && per) out.per = rateName(per);
  return out;
}
