// Finds reference lists and bibliographies in any format's blocks: the entries under a heading that
// names one ("References", "Bibliography", from the cue data), and runs of entries in citation shape
// ("Payment, S. (2007). Title…", "Can Alkan, Bradley P Coe, and Evan E Eichler. Title. Venue, 2011.").
// Marked entries stay in the text, so they are searchable, but they are not claims.
import type { BlockKind, DocBlock } from '../../../shared/types/blocks.ts';
import { CITATION_CUE, NAME_PARTICLES, REFERENCE_HEADINGS } from './layout-cues.ts';

/** Kinds an entry of a reference list can have. */
const ENTRY_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(['paragraph', 'list-item', 'quote', 'footnote']);
const NO_LEVEL = Number.POSITIVE_INFINITY;

// "7 ", "7.2. ", "VII. ", "A. " before a heading's words.
const SECTION_NUMBER = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)\s+/;
// An entry's own number or back-link before it: "[12] ", "12. ", "^ a b ".
const ENTRY_LEAD = /^(?:\[\d{1,3}\]\s*|\d{1,3}[.)]\s+)?(?:\^\s*(?:[a-z]\s+)*)?/;
const YEAR = /(?<![\d.,])(?:1[6-9]|20)\d{2}[a-z]?(?![\d,])/;
// "(2007)", "(April 2, 2003)", "(2019a, May)": a publication year in brackets.
const YEAR_IN_BRACKETS = /\((?:[^()]{0,20}\s)?(?:1[6-9]|20)\d{2}[a-z]?(?:[,;][^()]{0,30})?\)/;
// "Surname, I." or "Surname, Given": an author written surname first.
const SURNAME_FIRST = /^\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2},\s+\p{Lu}/u;
const INITIAL = /^(?:\p{Lu}\.){1,3}-?(?:\p{Lu}\.)?,?$/u;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*,?$/u;

const headingKey = (text: string) =>
  text
    .replace(SECTION_NUMBER, '')
    .replace(/[:.\s]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

function isReferenceHeading(block: DocBlock, text: string): boolean {
  if (block.kind !== 'heading' && block.kind !== 'paragraph') return false;
  return text.length <= 60 && REFERENCE_HEADINGS.has(headingKey(text));
}

/** Whether the words before the first full stop are a list of names: "Can Alkan, Bradley P Coe, and Evan E Eichler." */
function opensWithNames(entry: string): boolean {
  const tokens = entry.split(/\s+/).slice(0, 80);
  let names = 0;
  for (const token of tokens) {
    const particle = NAME_PARTICLES.has(token.toLowerCase().replace(/,$/, ''));
    if (!particle && !NAME_WORD.test(token)) return false;
    if (!particle) names++;
    // A word ending in a full stop that is not an initial closes the names.
    if (token.endsWith('.') && !INITIAL.test(token) && !particle) return names >= 2;
  }
  return false;
}

type Shape = 'citation' | 'likely' | null;

/** Whether a block reads as an entry of a reference list, and how surely. */
function citationShape(text: string): Shape {
  const entry = text.replace(ENTRY_LEAD, '').trim();
  if (entry.length < 20 || entry.length > 1500) return null;
  const head = entry.slice(0, 300);
  if (SURNAME_FIRST.test(entry) && YEAR_IN_BRACKETS.test(head)) return 'citation';
  if (opensWithNames(entry) && (YEAR.test(entry) || CITATION_CUE.test(entry))) return 'likely';
  return null;
}

/** A short line of words without closing punctuation: the next section's heading, set as a paragraph. */
function headingShaped(text: string): boolean {
  return text.length <= 80 && !/[.,;:!?)\]]$/.test(text) && /^\p{Lu}/u.test(text) && !YEAR.test(text) && text.split(/\s+/).length <= 10;
}

/** A piece of an entry the layout split off ("31–46, 2010.", "arXiv preprint arXiv:2004.05150, 2020."). */
function entryFragment(text: string): boolean {
  return text.length <= 160 && (/^[\p{Ll}\d(]/u.test(text) || (YEAR.test(text) && CITATION_CUE.test(text)));
}

/**
 * Marks the blocks that belong to a reference list with `references: true`. The blocks are changed in
 * place and returned; offsets and kinds stay as they are.
 */
export function markReferences(text: string, blocks: DocBlock[]): DocBlock[] {
  const content = (block: DocBlock) => text.slice(block.start, block.end).trim();

  // Entries under a reference heading, up to the next heading of the same rank or a heading-like line.
  let sectionLevel: number | null = null;
  for (const block of blocks) {
    const body = content(block);
    if (isReferenceHeading(block, body)) {
      sectionLevel = block.kind === 'heading' ? (block.level ?? NO_LEVEL) : NO_LEVEL;
      continue;
    }
    if (sectionLevel === null) continue;
    if (block.kind === 'heading' || block.kind === 'title') {
      // A subheading inside the list ("Primary sources") keeps it going; any other heading ends it.
      const level = block.level ?? NO_LEVEL;
      if (sectionLevel === NO_LEVEL || level === NO_LEVEL || level <= sectionLevel) sectionLevel = null;
      continue;
    }
    if (block.kind === 'paragraph' && headingShaped(body) && !citationShape(body)) {
      sectionLevel = null;
      continue;
    }
    if (ENTRY_KINDS.has(block.kind)) block.references = true;
  }

  // Runs of entries in citation shape, wherever they stand: two or more, or one in the sure shape.
  let run: DocBlock[] = [];
  let entries = 0;
  let sure = false;
  const close = () => {
    if (entries >= 2 || sure) for (const block of run) block.references = true;
    [run, entries, sure] = [[], 0, false];
  };
  for (const block of blocks) {
    if (!ENTRY_KINDS.has(block.kind)) {
      close();
      continue;
    }
    const body = content(block);
    const shape = citationShape(body);
    if (shape) {
      run.push(block);
      entries++;
      sure ||= shape === 'citation';
    } else if (entries > 0 && entryFragment(body)) run.push(block);
    else close();
  }
  close();
  return blocks;
}
