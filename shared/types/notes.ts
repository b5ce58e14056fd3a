// Notes the user writes, anchored to a document, a passage or a claim. Pure types.
import type { TextAnchor } from './anchors.ts';

export interface Note {
  id: string;
  /** The document the note belongs to, or null for a free-standing note. */
  docId: string | null;
  /** The claim it was written about, if any (claim ids change on re-extraction; the anchor does not). */
  claimId: string | null;
  /** The passage it is attached to, if any. */
  anchor: TextAnchor | null;
  /** Markdown. */
  body: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string | null;
  /** Filled when listed: false when the anchored passage no longer occurs in the document. */
  attached?: boolean;
}

export interface NoteDraft {
  docId?: string | null;
  claimId?: string | null;
  /** Offsets of the passage in the document text; the service records quote and context. */
  start?: number;
  end?: number;
  body: string;
}
