// The document model every format is reduced to: blocks with a kind and their offsets into the
// stored text. Pure types: no Node or DOM imports.

export type BlockKind =
  | 'title'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'quote'
  | 'table'
  | 'caption'
  | 'footnote'
  | 'figure'
  | 'furniture';

export const BLOCK_KINDS: readonly BlockKind[] = [
  'title',
  'heading',
  'paragraph',
  'list-item',
  'quote',
  'table',
  'caption',
  'footnote',
  'figure',
  'furniture',
];

/** A span of the stored text: text.slice(start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

export interface DocBlock extends TextSpan {
  kind: BlockKind;
  /** Heading level (1 = most prominent); list nesting depth (1 = top level). */
  level?: number;
  /** Tables: rows of cell spans, in reading order. */
  rows?: TextSpan[][];
  /** Footnotes: the marker printed before the note ("1", "*", "(2)"). */
  marker?: string;
  /** Reference lists and bibliographies are kept apart from running text. */
  references?: boolean;
  /** Note reference marks inside the block ("[1]", "[citation needed]"): shown, but no words of the text. */
  refs?: TextSpan[];
}

/** Blocks whose sentences are not claims: they stay searchable but state no finding of their own. */
export const NON_CLAIM_BLOCKS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  'title',
  'heading',
  'caption',
  'footnote',
  'figure',
  'furniture',
]);

/**
 * Version of the block builders; documents stored with an older version get their blocks rebuilt when
 * opened. 2: plain-text structure, reference lists, note marks, notes set at body size in PDFs.
 */
export const BLOCK_MODEL_VERSION = 2;
