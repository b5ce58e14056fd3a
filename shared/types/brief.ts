// A research brief: as the user composes it (Brief) and as exporters receive it (ResolvedBrief),
// with every claim resolved to its passage and source. Pure types: no Node or DOM imports.
import type { TextAnchor } from './anchors.ts';
import type { Certainty, QuantityBound } from './claims.ts';
import type { Verdict } from './compare.ts';
import type { DocumentFormat } from './ingest.ts';

export type BriefItem =
  | { id: string; type: 'heading'; text: string }
  | { id: string; type: 'text'; markdown: string }
  | { id: string; type: 'claim'; docId: string; claimId: string; anchor: TextAnchor }
  | { id: string; type: 'note'; noteId: string }
  | { id: string; type: 'group'; docIds: string[]; label: string };

export interface Brief {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  items: BriefItem[];
  deletedAt?: string | null;
}

/** A document as a citation names it. */
export interface CitedSource {
  docId: string;
  title: string;
  author: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  format: DocumentFormat;
  lang?: string | null;
}

export interface ResolvedCitation {
  source: CitedSource;
  /** The exact passage quoted. */
  quote: string;
  start: number;
  end: number;
  /** PDF page of the passage's start, when the source is paginated. */
  page: number | null;
  /** `dossier://doc/<id>#<start>-<end>` */
  link: string;
}

export interface ResolvedQuantity {
  text: string;
  low: number;
  /** Null for a vague amount ("thousands"), which exports write as written. */
  high: number | null;
  approximate: boolean;
  bound: QuantityBound;
  unit: string | null;
  vague?: boolean;
  /** The figure written as qualified ("about 3,000", "at most 3,000"), by the one figure formatter. */
  figure?: string;
}

/** What the analyst did with a claim: kept it, corrected its fields, or added it by hand. */
export type AnalystReview = 'accepted' | 'corrected' | 'added';

export type ResolvedBriefItem =
  | { type: 'heading'; text: string }
  | { type: 'text'; markdown: string }
  | {
      type: 'claim';
      text: string;
      certainty: Certainty;
      /** Who says so and through which outlets, in plain words ("Western officials via CNN"). */
      attribution: { source: string; via: string[] } | null;
      hedges: string[];
      negated: boolean;
      quantities: ResolvedQuantity[];
      citation: ResolvedCitation;
      review?: AnalystReview | null;
    }
  | { type: 'note'; markdown: string; citation: ResolvedCitation | null }
  | { type: 'group'; group: ResolvedGroup };

export interface ResolvedGroupMember {
  /** The figure as qualified ("about 3,000", "well under 3,000"). */
  quantityText: string;
  /** When it was reported (ISO), when known. */
  date?: string | null;
  low: number;
  high: number | null;
  source: string | null;
  via: string[];
  citation: ResolvedCitation;
}

/** A comparison group: one figure as several sources give it. */
export interface ResolvedGroup {
  label: string;
  unit: string | null;
  verdict: Verdict;
  reason: string;
  members: ResolvedGroupMember[];
}

export interface ResolvedBrief {
  title: string;
  generatedAt: string;
  items: ResolvedBriefItem[];
  /** Every document cited, in order of first citation. */
  sources: CitedSource[];
  /** Groups whose verdict is conflicting or evolving, for the "Figures in dispute" table. */
  disputes: ResolvedGroup[];
}
