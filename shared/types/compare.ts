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
  claimId: string;
  /** Offsets of the claim in its document's text. */
  start: number;
  end: number;
  text: string;
  /** The figure as quoted, with its cue words and noun ("some 3,000 North Koreans"). */
  figure: string;
  quantity: { text: string; low: number; high: number; approximate: boolean; bound: QuantityBound; unit: string | null };
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
