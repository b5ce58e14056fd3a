// Feeds a document's structure to the claim engine: blocks that state no finding of their own (titles,
// headings, captions, figure labels, footnotes, page furniture, reference lists) are blanked out with
// spaces of the same length, so sentences never reach into them and every offset stays valid, and the
// engine still sees the running text in one piece for attribution across paragraphs.
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { NON_CLAIM_BLOCKS } from '../../../shared/types/blocks.ts';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import { LIST_MARKER } from '../ingest/layout-cues.ts';

/** Blocks of running text, whose line ends (a hard-wrapped text's) are no sentence ends. */
const FLOWING = new Set<DocBlock['kind']>(['paragraph', 'list-item', 'quote']);

const blank = (mark: string) => ' '.repeat(mark.length);

/**
 * A block of running text as the engine should read it: bullets, quote marks and note reference marks
 * ("[1]") are no words of the statement, and a line end inside it is a space.
 */
function readable(block: DocBlock, body: string): string {
  let out = body;
  for (const ref of block.refs ?? []) {
    const [from, to] = [ref.start - block.start, ref.end - block.start];
    if (from >= 0 && to <= out.length) out = out.slice(0, from) + blank(out.slice(from, to)) + out.slice(to);
  }
  if (block.kind === 'list-item') out = out.replace(LIST_MARKER, blank);
  if (block.kind === 'quote') out = out.replace(/^[ \t]*>[ \t]?/gm, blank);
  return out.replace(/\n/g, ' ');
}

/**
 * The text the engine should read: non-claim blocks turned to spaces (their line ends kept), and the
 * line ends inside a paragraph, list item or quote read as the spaces they stand for.
 */
export function claimableText(text: string, blocks: readonly DocBlock[] | null | undefined): string {
  if (!blocks?.length) return text;
  const changed = blocks.filter((block) => NON_CLAIM_BLOCKS.has(block.kind) || block.references || FLOWING.has(block.kind) || block.refs);
  if (!changed.length) return text;
  let out = '';
  let at = 0;
  for (const block of [...changed].sort((a, b) => a.start - b.start)) {
    if (block.start < at) continue;
    const body = text.slice(block.start, block.end);
    const hidden = NON_CLAIM_BLOCKS.has(block.kind) || block.references;
    out += text.slice(at, block.start) + (hidden ? body.replace(/[^\n]/g, ' ') : readable(block, body));
    at = block.end;
  }
  return out + text.slice(at);
}

/** A claim set extracted from claimableText, given back its document's real text. */
export function withDocumentText(set: ClaimSet, text: string): ClaimSet {
  return { ...set, text, claims: set.claims.map((claim) => ({ ...claim, text: text.slice(claim.start, claim.end) })) };
}
