// Footnote numbering and the wording every format shares: citation lines, source entries, claim
// details, dates. Formats differ only in how they draw these runs, so all of them carry the same content.
import type { AnalystReview, CitedSource, ResolvedBrief, ResolvedBriefItem, ResolvedCitation, ResolvedGroup, ResolvedQuantity } from '../../../../shared/types/brief.ts';
import type { Certainty } from '../../../../shared/types/claims.ts';
import { oneLine, safeHref, type Run } from './rich-text.ts';
import { bibliography } from '../../sources/sources.ts';

export type ClaimItem = Extract<ResolvedBriefItem, { type: 'claim' }>;

export interface Footnote {
  n: number;
  citation: ResolvedCitation;
}

/** A reference from the text to a footnote; `first` is false where an earlier reference already introduced it. */
export interface NoteRef {
  n: number;
  first: boolean;
}

export type PlannedItem =
  | { type: 'heading'; text: string }
  | { type: 'text'; markdown: string }
  | { type: 'claim'; claim: ClaimItem; note: NoteRef }
  | { type: 'note'; markdown: string; citation: ResolvedCitation | null; note: NoteRef | null }
  | { type: 'group'; group: ResolvedGroup; notes: NoteRef[] };

export interface PlannedDispute {
  group: ResolvedGroup;
  notes: NoteRef[];
}

/** The brief laid out for writing: footnotes numbered in reading order, sources complete. */
export interface BriefPlan {
  title: string;
  generatedAt: string;
  items: PlannedItem[];
  disputes: PlannedDispute[];
  footnotes: Footnote[];
  sources: CitedSource[];
  /** The Sources list: every cited document formatted by the citation engine, in the style's order. */
  bibliography: BibliographyEntry[];
}

/** One entry of the Sources list. */
export interface BibliographyEntry {
  source: CitedSource;
  runs: Run[];
}

/**
 * Numbers footnotes as items arrive, in reading order, so a brief can be planned one item at a time
 * and written while it is being read: an export never needs all of its items at once.
 */
export class BriefPlanner {
  private count = 0;
  private readonly byLink = new Map<string, number>();
  /** Documents the footnotes cite, in order of first citation. */
  private readonly cited = new Map<string, CitedSource>();

  /** `onFootnote` receives each new footnote once, in number order. */
  constructor(private readonly onFootnote: (footnote: Footnote) => void) {}

  private fresh(citation: ResolvedCitation): NoteRef {
    const n = ++this.count;
    if (!this.byLink.has(citation.link)) this.byLink.set(citation.link, n);
    if (!this.cited.has(citation.source.docId)) this.cited.set(citation.source.docId, citation.source);
    this.onFootnote({ n, citation });
    return { n, first: true };
  }

  // A figure in a comparison usually comes from a passage a claim above already cites: it points back
  // to that note rather than repeating the passage. Claims and notes always get a footnote of their own.
  private reuse(citation: ResolvedCitation): NoteRef {
    const n = this.byLink.get(citation.link);
    return n ? { n, first: false } : this.fresh(citation);
  }

  item(item: ResolvedBriefItem): PlannedItem {
    switch (item.type) {
      case 'claim':
        return { type: 'claim', claim: item, note: this.fresh(item.citation) };
      case 'note':
        return { type: 'note', markdown: item.markdown, citation: item.citation, note: item.citation ? this.fresh(item.citation) : null };
      case 'group':
        return { type: 'group', group: item.group, notes: item.group.members.map((m) => this.reuse(m.citation)) };
      default:
        return item;
    }
  }

  dispute(group: ResolvedGroup): PlannedDispute {
    return { group, notes: group.members.map((m) => this.reuse(m.citation)) };
  }

  /** The brief's sources and, after them, any cited document the resolver forgot to list: every cited document belongs in Sources. */
  sources(listed: CitedSource[]): CitedSource[] {
    const sources = [...listed];
    const known = new Set(sources.map((s) => s.docId));
    for (const source of this.cited.values()) if (!known.has(source.docId)) sources.push(source);
    return sources;
  }
}

export function planBrief(brief: ResolvedBrief): BriefPlan {
  const footnotes: Footnote[] = [];
  const planner = new BriefPlanner((footnote) => footnotes.push(footnote));
  const items = brief.items.map((item) => planner.item(item));
  const disputes = brief.disputes.map((group) => planner.dispute(group));
  const sources = planner.sources(brief.sources);
  return { title: briefTitle(brief.title), generatedAt: brief.generatedAt, items, disputes, footnotes, sources, bibliography: formatBibliography(sources) };
}

/** The title every format prints: one line, never empty. */
export function briefTitle(title: string): string {
  return oneLine(title) || 'Untitled brief';
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (HTML_ENTITIES[e.toLowerCase()] ?? whole),
  );
}

/** citeproc's HTML for one entry as runs: italics and bold kept, web addresses linked, all else text. */
export function cslHtmlToRuns(html: string): Run[] {
  const runs: Run[] = [];
  let italic = 0;
  let bold = 0;
  const body = html.replace(/^\s*<div[^>]*>/i, '').replace(/<\/div>\s*$/i, '');
  for (const part of body.split(/(<[^>]+>)/)) {
    if (!part) continue;
    const tag = /^<(\/?)(\w+)/.exec(part);
    if (tag) {
      const closing = tag[1] === '/';
      const name = tag[2]!.toLowerCase();
      if (name === 'i' || name === 'em' || (name === 'span' && /font-style:\s*italic/.test(part))) italic += closing ? -1 : 1;
      else if (name === 'b' || name === 'strong') bold += closing ? -1 : 1;
      continue;
    }
    const text = decodeEntities(part);
    // Addresses become links; the rest keeps the current style.
    for (const piece of text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:)])/)) {
      if (!piece) continue;
      const href = /^https?:\/\//.test(piece) ? safeHref(piece) : null;
      runs.push({ text: piece, ...(italic > 0 ? { italic: true } : {}), ...(bold > 0 ? { bold: true } : {}), ...(href ? { href } : {}) });
    }
  }
  return runs;
}

/** Every cited document, formatted by citeproc-js in the bundled style; the plain form if that fails. */
export function formatBibliography(sources: CitedSource[]): BibliographyEntry[] {
  if (!sources.length) return [];
  const byId = new Map(sources.map((s) => [s.docId, s]));
  try {
    const entries = bibliography(sources.map((s) => ({ id: s.docId, title: oneLine(s.title) || 'Untitled document', author: s.author, outlet: s.outlet, published: s.published, url: s.url, lang: s.lang ?? null, format: s.format })));
    const out = entries.filter((e) => byId.has(e.id)).map((e) => ({ source: byId.get(e.id)!, runs: cslHtmlToRuns(e.html) }));
    if (out.length === sources.length) return out;
  } catch {
    /* a source the engine cannot format still gets listed below */
  }
  return sources.map((source) => ({ source, runs: sourceRuns(source) }));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "1 March 2024" from an ISO date, read as written (no time-zone shift: a paper dated the 1st stays
 * the 1st). With `withTime`, "1 March 2024, 14:05 UTC". Anything else passes through unchanged.
 */
export function formatDate(value: string | null | undefined, withTime = false): string | null {
  const text = oneLine(value ?? '');
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return text;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return text;
  let out = m[3] ? `${Number(m[3])} ${MONTHS[month - 1]} ${m[1]}` : `${MONTHS[month - 1]} ${m[1]}`;
  if (withTime && m[4]) out += `, ${m[4]}:${m[5]}${m[6] === 'Z' ? ' UTC' : m[6] ? ` (UTC${m[6]})` : ''}`;
  return out;
}

export const CERTAINTY_LABEL: Record<Certainty, string> = { asserted: 'Asserted', attributed: 'Attributed', hedged: 'Hedged' };

/** "Western officials via CNN", "Western officials via CNN, BBC". */
export function attributionText(attribution: { source: string; via: string[] } | null): string | null {
  if (!attribution) return null;
  const source = oneLine(attribution.source);
  const via = attribution.via.map(oneLine).filter(Boolean);
  if (!source) return via.length ? `via ${via.join(', ')}` : null;
  return via.length ? `${source} via ${via.join(', ')}` : source;
}

/** The figure as qualified ("about 3,000"), with its unit when the text leaves it out ("25,000 to 30,000 soldiers"). */
export function quantityText(q: ResolvedQuantity): string {
  const text = oneLine(q.figure ?? q.text);
  const unit = q.unit ? oneLine(q.unit) : '';
  return unit && !text.toLowerCase().includes(unit.toLowerCase()) ? `${text} ${unit}` : text;
}

export const REVIEW_LABEL: Record<AnalystReview, string> = {
  accepted: 'Accepted by the analyst',
  corrected: 'Corrected by the analyst',
  added: 'Added by the analyst',
};

/** "Outlet, 1 March 2024, p. 3": where the passage is from, short enough to sit beside it. */
export function shortCitation(citation: ResolvedCitation): string {
  const { source } = citation;
  const who = oneLine(source.outlet ?? '') || oneLine(source.author ?? '') || documentTitle(source);
  return [who, formatDate(source.published), citation.page != null ? `p. ${citation.page}` : null].filter(Boolean).join(', ');
}

/** The line under a claim: the analyst's review, certainty, who says so, hedges, negation, figures, where from. */
export function claimDetails(claim: ClaimItem): Run[] {
  const parts: string[] = [];
  const attribution = attributionText(claim.attribution);
  if (attribution) parts.push(`Source: ${attribution}`);
  const hedges = claim.hedges.map(oneLine).filter(Boolean);
  if (hedges.length) parts.push(`Hedges: ${hedges.map((h) => `“${h}”`).join(', ')}`);
  if (claim.negated) parts.push('Negated');
  const figures = claim.quantities.map(quantityText).filter(Boolean);
  if (figures.length) parts.push(`Figures: ${figures.join('; ')}`);
  parts.push(`From: ${shortCitation(claim.citation)}`);
  const runs: Run[] = [];
  if (claim.review && REVIEW_LABEL[claim.review]) runs.push({ text: REVIEW_LABEL[claim.review], italic: true }, { text: ' · ' });
  runs.push({ text: CERTAINTY_LABEL[claim.certainty] ?? oneLine(String(claim.certainty)), bold: true });
  if (parts.length) runs.push({ text: ` · ${parts.join(' · ')}` });
  return runs;
}

function documentTitle(source: CitedSource): string {
  return oneLine(source.title) || 'Untitled document';
}

/** Author, *Title*, outlet, date — the shared head of a citation and a source entry. */
function sourceHead(source: CitedSource): Run[] {
  const author = oneLine(source.author ?? '');
  const outlet = oneLine(source.outlet ?? '');
  const date = formatDate(source.published);
  const runs: Run[] = [];
  if (author) runs.push({ text: `${author}, ` });
  runs.push({ text: documentTitle(source), italic: true });
  const tail = [outlet && outlet !== author ? outlet : '', date ?? ''].filter(Boolean);
  if (tail.length) runs.push({ text: `, ${tail.join(', ')}` });
  return runs;
}

/** The label of the secondary link that opens the passage in the app; the link itself stays out of the text. */
export const OPEN_IN_APP = 'Open in Dossier';

/**
 * A footnote: “the exact passage” — Author, *Title*, Outlet, 1 March 2024, p. 3. https://… Open in Dossier
 * (the last a link to the passage in the app, so no internal id is printed).
 */
export function citationRuns(citation: ResolvedCitation): Run[] {
  const runs: Run[] = [{ text: `“${oneLine(citation.quote)}” — ` }, ...sourceHead(citation.source)];
  if (citation.page != null) runs.push({ text: `, p. ${citation.page}` });
  runs.push({ text: '.' });
  const url = oneLine(citation.source.url ?? '');
  const web = safeHref(url);
  if (url) runs.push({ text: ' ' }, web ? { text: url, href: web } : { text: url });
  const href = safeHref(oneLine(citation.link));
  if (href) runs.push({ text: ' ' }, { text: OPEN_IN_APP, href });
  return runs;
}

/** An entry of the Sources list: Author, *Title*, Outlet, date. URL */
export function sourceRuns(source: CitedSource): Run[] {
  const runs = sourceHead(source);
  const url = oneLine(source.url ?? '');
  if (url) {
    const href = safeHref(url);
    runs.push({ text: '. ' }, href ? { text: url, href } : { text: url });
  } else {
    runs.push({ text: '.' });
  }
  return runs;
}

/** Plain text of runs, for measuring and for formats without styling. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

export const VERDICT_LABEL: Record<ResolvedGroup['verdict'], string> = {
  consistent: 'Consistent',
  conflicting: 'Conflicting',
  evolving: 'Evolving',
  single: 'Single source',
};

/** "Troop numbers (soldiers)". */
export function groupTitle(group: ResolvedGroup): string {
  const label = oneLine(group.label) || 'Figure';
  const unit = group.unit ? oneLine(group.unit) : '';
  return unit ? `${label} (${unit})` : label;
}

/** Who gives a figure: the attributed speaker, else the document's outlet or title. */
export function memberSource(member: ResolvedGroup['members'][number]): string {
  const speaker = oneLine(member.source ?? '');
  if (speaker) return speaker;
  return oneLine(member.citation.source.outlet ?? '') || documentTitle(member.citation.source);
}

/** The outlets a figure came through, nearest first; the document itself is in the figure's footnote. */
export function memberVia(member: ResolvedGroup['members'][number]): string {
  return member.via.map(oneLine).filter(Boolean).join(', ') || '—';
}
