// Feeds a document's structure to the claim engine: blocks that state no finding of their own (titles,
// headings, captions, figure labels, footnotes, page furniture, reference lists) are blanked out with
// spaces of the same length, so sentences never reach into them and every offset stays valid, and the
// engine still sees the running text in one piece for attribution across paragraphs.
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { NON_CLAIM_BLOCKS } from '../../../shared/types/blocks.ts';
import type { ClaimSet } from '../../../shared/types/claims.ts';

/** The text the engine should read: non-claim blocks turned to spaces, line ends kept. */
export function claimableText(text: string, blocks: readonly DocBlock[] | null | undefined): string {
  if (!blocks?.length) return text;
  const hidden = blocks.filter((block) => NON_CLAIM_BLOCKS.has(block.kind) || block.references);
  if (!hidden.length) return text;
  let out = '';
  let at = 0;
  for (const block of [...hidden].sort((a, b) => a.start - b.start)) {
    if (block.start < at) continue;
    out += text.slice(at, block.start) + text.slice(block.start, block.end).replace(/[^\n]/g, ' ');
    at = block.end;
  }
  return out + text.slice(at);
}

/** A claim set extracted from claimableText, given back its document's real text. */
export function withDocumentText(set: ClaimSet, text: string): ClaimSet {
  return { ...set, text, claims: set.claims.map((claim) => ({ ...claim, text: text.slice(claim.start, claim.end) })) };
}
