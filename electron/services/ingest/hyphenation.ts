// Joins the lines of a paragraph the way a reader reads them: a word broken across a line end is
// joined, a real compound ("year-over-year") keeps its hyphen, a dash or slash at a line end joins
// without a space. The decision rests on the document's own vocabulary: words and compounds it prints
// mid-line, and how it treats the line-end hyphens it can be sure of.

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const COMPOUND = /[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)+/gu;
// The last word of a line ending in a hyphen: "perfor-", "year-over-", "non-".
const BROKEN_END = /([\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*)([-‐\u00ad])$/u;
const FIRST_WORD = /^([\p{L}\p{M}]+)/u;

export class HyphenResolver {
  private readonly words = new Map<string, number>();
  private readonly compounds = new Set<string>();
  private readonly compoundParts = new Set<string>();
  /** Line-end hyphens whose word the document prints whole elsewhere, and those it prints hyphenated. */
  private softEvidence = 0;
  private hardEvidence = 0;

  addText(text: string): void {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      this.words.set(word, (this.words.get(word) ?? 0) + 1);
    }
    for (const match of text.matchAll(COMPOUND)) {
      const compound = match[0].toLowerCase().replace(/‐/g, '-');
      this.compounds.add(compound);
      const parts = compound.split('-');
      parts.forEach((part) => this.compoundParts.add(part));
    }
  }

  /** Counts the document's unambiguous line-end hyphens, to learn whether it hyphenates words at all. */
  observeBreak(above: string, below: string): void {
    const end = BROKEN_END.exec(above);
    const start = FIRST_WORD.exec(below);
    if (!end || !start || end[2] === '\u00ad') return;
    const left = end[1].toLowerCase();
    const right = start[1].toLowerCase();
    const whole = this.words.has(lastPart(left) + right);
    const hyphenated = this.compounds.has(`${left}-${right}`);
    if (whole && !hyphenated) this.softEvidence++;
    if (hyphenated && !whole) this.hardEvidence++;
  }

  /** Whether "left-" at a line end followed by "right" is one word broken in two. */
  isBrokenWord(left: string, right: string): boolean {
    const l = left.toLowerCase();
    const r = right.toLowerCase();
    const tail = lastPart(l);
    if (this.compounds.has(`${l}-${r}`)) return false;
    if (this.words.has(tail + r)) return true;
    // Proper names keep their hyphen (Dalla-Torre); so do compounds of three parts or more.
    if (/^\p{Lu}/u.test(right) || l.includes('-')) return false;
    // Both halves used as words of their own, or as parts of other compounds: a compound.
    const known = (part: string) => part.length >= 2 && (this.words.has(part) || this.compoundParts.has(part));
    if (tail.length >= 4 && r.length >= 4 && known(tail) && known(r)) return false;
    if (this.compoundParts.has(tail) && tail.length >= 2) return false;
    // Otherwise follow the document's habit: does it hyphenate words at line ends at all?
    return this.softEvidence >= this.hardEvidence;
  }

  /** Joins the next line of a paragraph onto the text so far. */
  join(before: string, after: string): { before: string; after: string } {
    if (before.endsWith('\u00ad')) return { before: before.slice(0, -1), after };
    // Only the end matters; a regex anchored at the end of a long string still scans all of it.
    const tail = before.slice(-120);
    if (tail.length < before.length) {
      const joined = this.join(tail, after);
      return { before: before.slice(0, before.length - tail.length) + joined.before, after: joined.after };
    }
    const end = BROKEN_END.exec(before);
    const start = FIRST_WORD.exec(after);
    if (end && start) {
      if (this.isBrokenWord(end[1], start[1])) return { before: before.slice(0, -1), after };
      return { before, after };
    }
    // A dash or slash at a line end binds what is on either side ("737–" "9", "and/" "or").
    if (/(?:\d[-‐]|[–—/])$/.test(before) && !/\s[–—]$/.test(before)) return { before, after };
    return { before: `${before} `, after };
  }
}

function lastPart(word: string): string {
  const parts = word.split(/[-‐]/);
  return parts[parts.length - 1];
}
