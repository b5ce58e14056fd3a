// Cross-source comparison: quantity claims grouped by what they measure, with a verdict, and
// non-numeric claims matched across documents with their independent origins. Pure types.
import type { QuantityBound } from './claims.ts';

export type Verdict = 'consistent' | 'conflicting' | 'evolving' | 'single';

export interface CompareMember {
  /** The document as the caller named it (path or id). */
  doc: string;
  docId: string | null;
  docTitle: string;
  published: string | null;
  /** When the figure was reported: the document's date, or a date or relative day in its sentence (ISO), or null. */
  date: string | null;
  /** Who published it, readable: the outlet when known, else the document's title. */
  origin: string;
  claimId: string;
  /** Offsets of the claim in its document's text. */
  start: number;
  end: number;
  text: string;
  /** The figure as qualified ("about 3,000", "well under 3,000", "thousands"), from shared/figures. */
  figure: string;
  quantity: { text: string; low: number; high: number | null; approximate: boolean; bound: QuantityBound; unit: string | null; vague?: boolean };
  /** The figure is cited only to be disputed ("nowhere near 3,000"). */
  denied: boolean;
  /** The sentence presents the figure as a change or an earlier value ("rose to", "initially"). */
  change: boolean;
  source: string | null;
  via: string[];
  /** True for increments ("an additional 25,000") that do not contradict a total. */
  additional: boolean;
}

export interface ConflictPair {
  a: number;
  b: number;
  reason: string;
}

export interface CompareGroup {
  id: string;
  /** Groups of one story share this; figures of different stories are never grouped. */
  story: number;
  label: string;
  unit: string | null;
  verdict: Verdict;
  reason: string;
  members: CompareMember[];
  conflicts: ConflictPair[];
}

export interface Corroboration {
  id: string;
  /** Claims stating the same thing, one or more per document. */
  members: Array<{ doc: string; docId: string | null; claimId: string; start: number; end: number; text: string; source: string | null; via: string[] }>;
  /** Distinct origins behind the members: outlets citing one source count once. */
  origins: string[];
  independentSources: number;
}

export interface CompareResult {
  groups: CompareGroup[];
  corroborations: Corroboration[];
}
