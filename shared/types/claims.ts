// Claim data as the engine produces it and every layer consumes it (the ClaimSet JSON contract).
// Pure types: no Node or DOM imports.

export type ClaimKind = 'quantity' | 'event' | 'statement' | 'quote' | 'forecast';
export type Certainty = 'asserted' | 'attributed' | 'hedged';
export type QuantityBound = 'exact' | 'range' | 'at-least' | 'at-most';

export interface Quantity {
  /** The quantity as written, e.g. "25,000 to 30,000". */
  text: string;
  /** Offsets of `text` in the document text (end exclusive). */
  start: number;
  end: number;
  /** The value, or for a range, a bound or a vague amount the least it implies ("thousands": 1000). */
  low: number;
  /** The top of a range (equal to `low` for a single value); null for a vague amount, which implies no upper bound. */
  high: number | null;
  approximate: boolean;
  bound: QuantityBound;
  /** Counted noun or unit, normalised to lower case ("soldiers", "percent", "days"), or null. */
  unit: string | null;
  /** The unit in a normal form a program can compare, when one is known. */
  canonicalUnit?: CanonicalUnit;
  /** True for vague amounts such as "several hundred" or "tens of thousands": `high` is null and the text is shown as written. */
  vague: boolean;
}

export interface CanonicalUnit {
  /** Normal name: "kilometer", "USD", "percent", "person", or the singular counted noun. */
  name: string;
  /** "length", "currency", "ratio", "count", "time", "speed" ... */
  dimension: string;
  /** For rates, the denominator: "year" in "£30,000 a year", "barrel" in "$70 per barrel". */
  per?: string;
}

export interface Attribution {
  /** Who says so: a person, body or document ("Western officials", "the assessment"). */
  source: string;
  /** The outlet chain the claim came through, nearest first ("CNN", "BBC"). */
  via: string[];
  /** The cue that marks the attribution ("according to", "said", "citing"). */
  cue: string;
  /** When `source` was resolved from a pronoun or description ("he", "the source"), that word as written. */
  resolvedFrom?: string;
}

export interface ClaimEntity {
  text: string;
  type: string;
  start: number;
  end: number;
}

export interface Claim {
  id: string;
  start: number;
  end: number;
  text: string;
  kind: ClaimKind;
  certainty: Certainty;
  hedges: string[];
  negated: boolean;
  attribution: Attribution | null;
  quantities: Quantity[];
  entities: ClaimEntity[];
  score: number;
  /** The writer evaluates or speculates: shown dimmed and hidden from the claims list by default, never as an asserted fact. */
  opinion?: boolean;
  /** The user's review of this claim, when there is one (merged in by the review service). */
  review?: ClaimReviewState | null;
}

export type ReviewStatus = 'accepted' | 'rejected' | 'pending';

export interface ClaimReviewState {
  id: string;
  status: ReviewStatus;
  /** True when the user changed the claim's fields. */
  edited: boolean;
  /** True for a claim the user added by selecting text. */
  added: boolean;
}

/** Fields a reviewer may correct. */
export interface ClaimEdits {
  source?: string | null;
  via?: string[];
  certainty?: Certainty;
  kind?: ClaimKind;
  negated?: boolean;
  quantities?: Array<Pick<Quantity, 'low' | 'high'> & Partial<Pick<Quantity, 'unit' | 'approximate' | 'bound' | 'text'>>>;
}

export interface ClaimSet {
  text: string;
  claims: Claim[];
  /** Version of the engine that produced the set; a change triggers re-extraction. */
  engineVersion?: string;
}
