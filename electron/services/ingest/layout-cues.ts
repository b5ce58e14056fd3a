// Loads the cue words layout analysis relies on (caption labels, page labels, bullet glyphs, the
// headings and shapes of reference lists) from their data file, so the vocabulary lives in data rather
// than in the code.
import cues from './data/layout-cues.json' with { type: 'json' };

export interface LayoutCues {
  captionLabels: readonly string[];
  pageLabels: readonly string[];
  pageOf: readonly string[];
  bulletGlyphs: readonly string[];
  referenceHeadings: readonly string[];
  nameParticles: readonly string[];
  citationCues: readonly string[];
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const LAYOUT_CUES: LayoutCues = cues;

/** "Figure 3", "Table 2.1:", "Fig. 7-26." at the start of a line. */
export const CAPTION_START = new RegExp(
  `^(?:${LAYOUT_CUES.captionLabels.map(escape).join('|')})\\s*[A-Z]?\\d+(?:[.\\-–]\\d+)*[a-z]?\\b`,
  'i',
);

/** A line that is only a page number or page label: "12", "- 3 -", "Page 4 of 9", "xii". */
export const PAGE_NUMBER_LINE = new RegExp(
  `^[\\W_]*(?:(?:${LAYOUT_CUES.pageLabels.map(escape).join('|')})\\s*)?(?:\\d{1,5}|[ivxlcdm]{1,7})(?:\\s*(?:${LAYOUT_CUES.pageOf.map(escape).join('|')})\\s*\\d{1,5})?[\\W_]*$`,
  'i',
);

/** Page-label words with the number that follows them, to strip from a running header used as a title. */
export const PAGE_LABEL = new RegExp(
  `(?:\\b(?:${LAYOUT_CUES.pageLabels.map(escape).join('|')})\\s*)?\\b\\d{1,5}(?:\\s*(?:${LAYOUT_CUES.pageOf.map(escape).join('|')})\\s*\\d{1,5})?\\b`,
  'gi',
);

/** A list bullet opening a line: a glyph then space, or "1." / "a)" / "(iv)". */
export const LIST_MARKER = new RegExp(
  `^(?:(?:${LAYOUT_CUES.bulletGlyphs.map(escape).join('|')})\\s+|\\(?(?:\\d{1,2}|[a-z]|[ivx]{1,4})[.)]\\s+)`,
);

/** Headings that open a reference list or bibliography, lower case. */
export const REFERENCE_HEADINGS: ReadonlySet<string> = new Set(LAYOUT_CUES.referenceHeadings);

/** Lower-case words that may stand inside a list of author names ("and", "van", "de"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(LAYOUT_CUES.nameParticles);

/** Words and prefixes that only publication details carry: "doi:", "pp.", "et al.", "Retrieved". */
export const CITATION_CUE = new RegExp(
  `(?:^|[\\s(])(?:${LAYOUT_CUES.citationCues.map((cue) => escape(cue) + (/\p{L}$/u.test(cue) ? '(?!\\p{L})' : '')).join('|')})`,
  'iu',
);
