// Rebuilds a stored document's blocks when they are missing or were built by an older block model
// (a library from before documents kept their structure). The stored text is never changed, since
// notes, reviews and citations point into it: the original file is read again and its blocks are
// taken when it still gives exactly the stored text; otherwise the blocks the document already had are
// kept, or, failing those, the stored text's own shape (blank lines, line shape) gives them.
import type { DocBlock } from '../../../shared/types/blocks.ts';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { markReferences } from '../ingest/references.ts';
import { plainTextBlocks } from '../ingest/text-blocks.ts';

export interface StoredDocument {
  /** File name of the original, whose extension tells its format. */
  name: string;
  text: string;
  original: Uint8Array | null;
  blocks: DocBlock[] | null;
}

/** Blocks must lie inside the text, in order: anything else came from another text. */
function fits(blocks: readonly DocBlock[], text: string): boolean {
  let previous = 0;
  for (const block of blocks) {
    if (block.start < previous || block.end < block.start || block.end > text.length) return false;
    previous = block.end;
  }
  return true;
}

export async function rebuildBlocks(
  doc: StoredDocument,
  extract: (input: { name: string; bytes: Uint8Array }) => Promise<ExtractedDocument>,
): Promise<DocBlock[]> {
  if (doc.original) {
    try {
      const fresh = await extract({ name: doc.name, bytes: doc.original });
      if (fresh.text === doc.text && fresh.blocks?.length) return fresh.blocks;
    } catch {
      // An original that no longer reads (moved parser, damaged copy) still has its stored text.
    }
  }
  if (doc.blocks?.length && fits(doc.blocks, doc.text)) return markReferences(doc.text, doc.blocks.map((block) => ({ ...block })));
  return markReferences(doc.text, plainTextBlocks(doc.text));
}
