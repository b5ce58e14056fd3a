// Notes and reviewed claims as W3C Web Annotations (the Web Annotation Data Model, a W3C
// Recommendation): an AnnotationCollection whose annotations target their passage with a
// TextQuoteSelector (exact, prefix, suffix), a TextPositionSelector and, in a PDF, the page (an RFC 3778
// fragment refined by the quote). Import reads such files and Hypothesis's JSON exports, finds each
// annotation's document (its link, its URL, or the quote itself) and its passage, re-anchoring by an
// approximate match when the text moved, and reports what it could not place.
import type { TextAnchor, TextQuoteSelector } from '../../../shared/types/anchors.ts';
import type { Claim, ClaimSet, ReviewStatus } from '../../../shared/types/claims.ts';
import type { PageSpan } from '../../../shared/types/ingest.ts';
import type { Collection, DocumentRecord } from '../../../shared/types/library.ts';
import type { Note } from '../../../shared/types/notes.ts';
import type { AnnotationImportReport, AnnotationSource, UnplacedItem } from '../../../shared/types/interchange.ts';
import { parsePassageLink } from '../../../shared/links.ts';
import { DossierError } from '../errors.ts';
import { makeAnchor, resolveAnchor } from '../anchors/anchors.ts';
import { matchQuote, prepareText, type PreparedText, type QuoteMatch } from '../anchors/match-quote.ts';
import { pageAt } from '../briefs/brief-service.ts';
import type { StoredReview } from '../review/review-service.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The media type the W3C Recommendation registers for annotations. */
export const ANNOTATION_MIME = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
/** RFC 3778's fragment identifiers for PDF ("page=3"), as the model's FragmentSelector names them. */
const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/** A review decision, as the `assessing` body of an annotation says it. */
const VERDICTS: Record<string, ReviewStatus> = { accepted: 'accepted', corrected: 'accepted', added: 'accepted', rejected: 'rejected' };

export interface AnnotationDeps {
  documents(): DocumentRecord[];
  text(id: string): Promise<string>;
  pages(id: string): Promise<PageSpan[] | null>;
  notes(): Iterable<Note>;
  reviews(): Iterable<StoredReview>;
  /** A document's claims with the reviews merged in. */
  claims(id: string): Promise<ClaimSet>;
  createNote(draft: { docId: string; start?: number; end?: number; body: string }): Promise<Note>;
  reviewClaim(docId: string, claimId: string, status: ReviewStatus): Promise<Claim>;
  addClaim(docId: string, start: number, end: number): Promise<Claim>;
}

type Json = Record<string, unknown>;

/** Strings of a property that may be one value or a list. */
const many = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A URL compared loosely: scheme, `www.`, fragment, query order and a trailing slash do not matter. */
export function urlKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    if (!/^https?:$/.test(parsed.protocol)) return parsed.href;
    const params = [...parsed.searchParams].filter(([k]) => !/^utm_/i.test(k)).sort(([a], [b]) => a.localeCompare(b));
    const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
    return `${parsed.hostname.replace(/^www\./i, '').toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${query}`;
  } catch {
    return url.trim();
  }
}

function verdictOf(review: StoredReview): string {
  if (review.status === 'rejected') return 'rejected';
  if (review.added) return 'added';
  return review.edits ? 'corrected' : review.status;
}

/** The reviewed claim in words, for the annotation's describing body. */
function describeReview(review: StoredReview, claim: Claim | null): string {
  const parts: string[] = [];
  const source = review.edits?.source ?? claim?.attribution?.source;
  if (source) parts.push(`Source: ${source}${claim?.attribution?.via.length ? ` via ${claim.attribution.via.join(', ')}` : ''}`);
  const certainty = review.edits?.certainty ?? claim?.certainty;
  if (certainty) parts.push(`Certainty: ${certainty}`);
  const figures = review.edits?.quantities?.map((q) => q.text ?? (q.high === null ? `at least ${q.low}` : q.low === q.high ? String(q.low) : `${q.low}–${q.high}`)) ?? claim?.quantities.map((q) => q.text);
  if (figures?.length) parts.push(`Figures: ${figures.join('; ')}`);
  if (review.edits?.negated ?? claim?.negated) parts.push('Negated');
  return parts.join('. ');
}

export class AnnotationService {
  constructor(private readonly deps: AnnotationDeps) {}

  private async target(doc: DocumentRecord, anchor: TextAnchor | null, text: string, pages: PageSpan[] | null): Promise<Json | string> {
    const source = doc.url ?? `dossier://doc/${doc.id}`;
    if (!anchor) return source;
    const at = resolveAnchor(text, anchor) ?? anchor.position;
    const current = at === anchor.position ? anchor : makeAnchor(text, at.start, at.end);
    const quote = { type: 'TextQuoteSelector', exact: current.quote.exact, prefix: current.quote.prefix, suffix: current.quote.suffix };
    const selector: Json[] = [quote, { type: 'TextPositionSelector', start: at.start, end: at.end }];
    const page = doc.format === 'pdf' ? pageAt(pages, at.start) : null;
    if (page !== null) selector.push({ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}`, refinedBy: quote });
    return { type: 'SpecificResource', source, selector };
  }

  /** The notes and reviewed claims of the library, or of one collection, as an AnnotationCollection. */
  async exportCollection(collection: Collection | null): Promise<{ json: Json; count: number }> {
    const docs = this.deps.documents().filter((d) => !collection || d.collections?.includes(collection.id));
    const notes = [...this.deps.notes()].filter((n) => !n.deletedAt && n.docId);
    const reviews = [...this.deps.reviews()];
    const items: Json[] = [];
    for (const doc of docs) {
      const docNotes = notes.filter((n) => n.docId === doc.id);
      const docReviews = reviews.filter((r) => r.docId === doc.id);
      if (!docNotes.length && !docReviews.length) continue;
      const [text, pages] = await Promise.all([this.deps.text(doc.id), this.deps.pages(doc.id)]);
      const claims = docReviews.length ? await this.deps.claims(doc.id) : null;
      for (const note of docNotes) {
        items.push({
          id: `dossier://note/${note.id}`,
          type: 'Annotation',
          motivation: 'commenting',
          created: note.createdAt,
          modified: note.updatedAt,
          body: { type: 'TextualBody', value: note.body, format: 'text/markdown', purpose: 'commenting' },
          target: await this.target(doc, note.anchor, text, pages),
        });
      }
      for (const review of docReviews) {
        const claim = claims?.claims.find((c) => c.review?.id === review.id) ?? null;
        const description = describeReview(review, claim);
        items.push({
          id: `dossier://review/${review.id}`,
          type: 'Annotation',
          motivation: 'assessing',
          created: review.createdAt,
          modified: review.updatedAt,
          body: [
            { type: 'TextualBody', value: verdictOf(review), purpose: 'assessing', format: 'text/plain' },
            ...(description ? [{ type: 'TextualBody', value: description, purpose: 'describing', format: 'text/plain' }] : []),
          ],
          target: await this.target(doc, review.anchor, text, pages),
        });
      }
    }
    const id = `dossier://annotations/${collection ? collection.id : 'library'}`;
    const json: Json = {
      '@context': ANNOTATION_CONTEXT,
      id,
      type: 'AnnotationCollection',
      label: collection ? `Dossier notes and reviewed claims: ${collection.name}` : 'Dossier notes and reviewed claims',
      total: items.length,
      generator: { type: 'Software', name: 'Dossier' },
      generated: new Date().toISOString(),
    };
    if (items.length) json.first = { id: `${id}?page=1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items };
    return { json, count: items.length };
  }

  /**
   * Imports a W3C Web Annotation file (a collection, a page, one annotation or a list) or a Hypothesis
   * JSON export. `collection` limits which documents annotations may attach to.
   */
  async importAnnotations(data: unknown, collection: Collection | null, label: string): Promise<AnnotationImportReport> {
    const { source, annotations } = readAnnotations(data, label);
    const docs = this.deps.documents().filter((d) => !collection || d.collections?.includes(collection.id));
    if (!docs.length) throw new DossierError('not-found', collection ? `The collection “${collection.name}” has no documents to attach annotations to.` : 'The library has no documents to attach annotations to.');
    const report: AnnotationImportReport = { source, total: annotations.length, notes: 0, reviews: 0, reanchored: 0, duplicates: 0, unplaced: [] };
    const prepared = new Map<string, PreparedText>();
    const preparedOf = async (id: string) => {
      if (!prepared.has(id)) prepared.set(id, prepareText(await this.deps.text(id)));
      return prepared.get(id)!;
    };
    const byUrl = new Map<string, DocumentRecord>();
    for (const doc of docs) {
      const key = urlKey(doc.url);
      if (key && !byUrl.has(key)) byUrl.set(key, doc);
    }
    const existingNotes = [...this.deps.notes()].filter((n) => !n.deletedAt);
    const unplaced = (a: ParsedAnnotation, document: string | null, reason: string) =>
      report.unplaced.push({ kind: 'annotation', document, quote: (a.quote?.exact ?? a.body).slice(0, 200), reason } satisfies UnplacedItem);

    for (const a of annotations) {
      if (a.reply) {
        unplaced(a, null, 'a reply to another annotation, which has no passage of its own');
        continue;
      }
      const link = a.sources.map((s) => parsePassageLink(s)).find((l) => l && docs.some((d) => d.id === l.docId));
      let doc = link ? docs.find((d) => d.id === link.docId)! : (a.sources.map((s) => byUrl.get(urlKey(s) ?? '')).find(Boolean) ?? null);
      let match: QuoteMatch | null = null;
      if (doc && a.quote) match = matchQuote(await preparedOf(doc.id), a.quote, a.position?.start);
      if (!match && a.quote) {
        // No document by link or address, or the quote is gone from it: look for the quote in every
        // document in scope, verbatim or with whitespace folded, and approximately in a small scope.
        const candidates: Array<{ doc: DocumentRecord; match: QuoteMatch }> = [];
        for (const candidate of docs) {
          if (candidate === doc) continue;
          const found = matchQuote(await preparedOf(candidate.id), a.quote, a.position?.start, { fuzzy: docs.length <= 50 });
          if (found) candidates.push({ doc: candidate, match: found });
        }
        const best = candidates.sort((x, y) => y.match.score - x.match.score)[0];
        if (best) {
          doc = best.doc;
          match = best.match;
        }
      }
      if (!doc) {
        unplaced(a, a.title, a.quote ? 'no document in the library holds this passage' : 'no document in the library has this address');
        continue;
      }
      if (a.quote && !match) {
        unplaced(a, doc.title, 'the passage no longer occurs in the document');
        continue;
      }
      const moved = !!match && (match.kind !== 'exact' || (a.position !== null && a.position.start !== match.start));
      if (a.verdict) {
        const result = await this.importVerdict(doc, match, a.verdict);
        if (result === 'duplicate') report.duplicates++;
        else if (result === 'unplaced') unplaced(a, doc.title, 'no claim at this passage to reject');
        else {
          report.reviews++;
          if (moved) report.reanchored++;
        }
        continue;
      }
      if (!a.body.trim() && !match) {
        unplaced(a, doc.title, 'an annotation with neither text nor passage');
        continue;
      }
      const known = a.id && /^dossier:\/\/note\/(.+)$/.exec(a.id)?.[1];
      const text = (await preparedOf(doc.id)).text;
      const quoteAt = match ? text.slice(match.start, match.end) : null;
      const duplicate =
        (known && existingNotes.some((n) => n.id === known && n.docId === doc!.id)) ||
        existingNotes.some((n) => n.docId === doc!.id && n.body === a.body && (n.anchor?.quote.exact ?? null) === quoteAt && (!match || n.anchor?.position.start === match.start));
      if (duplicate) {
        report.duplicates++;
        continue;
      }
      const note = await this.deps.createNote({ docId: doc.id, ...(match ? { start: match.start, end: match.end } : {}), body: a.body });
      existingNotes.push(note);
      report.notes++;
      if (moved) report.reanchored++;
    }
    return report;
  }

  /** A review decision at a passage: on the claim there, or a claim added there when none was found. */
  private async importVerdict(doc: DocumentRecord, match: QuoteMatch | null, verdict: string): Promise<'added' | 'duplicate' | 'unplaced'> {
    if (!match) return 'unplaced';
    const status = VERDICTS[verdict] ?? 'accepted';
    const set = await this.deps.claims(doc.id);
    // A claim the analyst added stays added, at exactly its passage, whatever the engine found there.
    if (verdict === 'added') {
      if (set.claims.some((c) => c.review?.added && c.start === match.start && c.end === match.end)) return 'duplicate';
      await this.deps.addClaim(doc.id, match.start, match.end);
      return 'added';
    }
    const overlap = (c: Claim) => Math.max(0, Math.min(c.end, match.end) - Math.max(c.start, match.start));
    const claim = set.claims.filter((c) => overlap(c) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
    if (claim && overlap(claim) >= 0.5 * Math.min(claim.end - claim.start, match.end - match.start)) {
      if (claim.review?.status === status) return 'duplicate';
      await this.deps.reviewClaim(doc.id, claim.id, status);
      return 'added';
    }
    if (status === 'rejected') return 'unplaced';
    await this.deps.addClaim(doc.id, match.start, match.end);
    return 'added';
  }
}

interface ParsedAnnotation {
  id: string | null;
  sources: string[];
  title: string | null;
  quote: TextQuoteSelector | null;
  position: { start: number; end: number } | null;
  body: string;
  /** For an `assessing` annotation: the verdict its body gives. */
  verdict: string | null;
  reply: boolean;
}

/** The quote and position a target's selectors give, looking through refinedBy chains. */
function selectorsOf(target: Json): { quote: TextQuoteSelector | null; position: { start: number; end: number } | null } {
  let quote: TextQuoteSelector | null = null;
  let position: { start: number; end: number } | null = null;
  const visit = (selector: unknown, depth: number) => {
    if (!isObject(selector) || depth > 8) return;
    if (selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string' && !quote) {
      quote = { exact: selector.exact, prefix: asString(selector.prefix) ?? '', suffix: asString(selector.suffix) ?? '' };
    } else if (selector.type === 'TextPositionSelector' && Number.isInteger(selector.start) && Number.isInteger(selector.end) && !position) {
      position = { start: selector.start as number, end: selector.end as number };
    }
    visit(selector.refinedBy, depth + 1);
  };
  for (const selector of many(target.selector)) visit(selector, 0);
  return { quote, position };
}

/** A W3C annotation's body text (commenting and describing bodies, tags as #tags) and its verdict. */
function w3cBody(annotation: Json): { body: string; verdict: string | null } {
  const texts: string[] = [];
  const tags: string[] = [];
  let verdict: string | null = null;
  const assessing = many(annotation.motivation).includes('assessing');
  if (typeof annotation.bodyValue === 'string') texts.push(annotation.bodyValue);
  for (const body of many(annotation.body)) {
    if (typeof body === 'string') continue; // an external resource by IRI: nothing to keep as text
    if (!isObject(body) || typeof body.value !== 'string') continue;
    const purposes = many(body.purpose);
    if (purposes.includes('tagging')) tags.push(body.value);
    else if (purposes.includes('assessing') || (assessing && !purposes.length && body.value in VERDICTS)) verdict = body.value.trim().toLowerCase();
    else if (!(assessing && purposes.includes('describing'))) texts.push(body.value);
  }
  return { body: withTags(texts.join('\n\n'), tags), verdict };
}

function withTags(body: string, tags: string[]): string {
  const line = tags.map((t) => `#${t.trim().replace(/\s+/g, '-')}`).filter((t) => t.length > 1).join(' ');
  return line ? (body ? `${body}\n\n${line}` : line) : body;
}

function parseW3c(annotation: Json): ParsedAnnotation {
  const targets = many(annotation.target);
  let quote: TextQuoteSelector | null = null;
  let position: { start: number; end: number } | null = null;
  const sources: string[] = [];
  for (const target of targets) {
    if (typeof target === 'string') {
      sources.push(target);
      continue;
    }
    if (!isObject(target)) continue;
    const source = asString(target.source) ?? (isObject(target.source) ? asString(target.source.id) : null) ?? asString(target.id);
    if (source) sources.push(source);
    const found = selectorsOf(target);
    quote ??= found.quote;
    position ??= found.position;
  }
  const { body, verdict } = w3cBody(annotation);
  return { id: asString(annotation.id), sources, title: null, quote, position, body, verdict, reply: many(annotation.motivation).includes('replying') };
}

function parseHypothesis(row: Json): ParsedAnnotation {
  const sources = [asString(row.uri)].filter((s): s is string => !!s);
  let quote: TextQuoteSelector | null = null;
  let position: { start: number; end: number } | null = null;
  for (const target of many(row.target)) {
    if (!isObject(target)) continue;
    const source = asString(target.source);
    if (source && !sources.includes(source)) sources.push(source);
    const found = selectorsOf(target);
    quote ??= found.quote;
    position ??= found.position;
  }
  const document = isObject(row.document) ? row.document : null;
  const title = document ? (many(document.title).find((t) => typeof t === 'string') as string | undefined) ?? null : null;
  const tags = many(row.tags).filter((t): t is string => typeof t === 'string');
  return { id: asString(row.id), sources, title, quote, position, body: withTags(asString(row.text) ?? '', tags), verdict: null, reply: many(row.references).length > 0 };
}

function isW3cAnnotation(value: unknown): boolean {
  return isObject(value) && (value.type === 'Annotation' || (Array.isArray(value.type) && value.type.includes('Annotation')));
}

function isHypothesisRow(value: unknown): boolean {
  return isObject(value) && 'target' in value && ('uri' in value || 'text' in value || 'user' in value) && !('type' in value);
}

/** The annotations of a file in any of the shapes the two formats come in; an error names what it is instead. */
export function readAnnotations(data: unknown, label: string): { source: AnnotationSource; annotations: ParsedAnnotation[] } {
  const notAnnotations = (what: string) => new DossierError('bad-annotations', `${label} is not an annotation file: ${what}. Dossier reads W3C Web Annotation JSON-LD and Hypothesis JSON exports.`);
  let list: unknown[] | null = null;
  if (Array.isArray(data)) list = data;
  else if (isObject(data)) {
    if (data.type === 'AnnotationCollection') {
      if (typeof data.first === 'string') throw notAnnotations('its annotations are on separate pages on the web (its first page is a link); save the pages themselves');
      list = isObject(data.first) ? many(data.first.items) : [];
    } else if (data.type === 'AnnotationPage') list = many(data.items);
    else if (isW3cAnnotation(data)) list = [data];
    else if (Array.isArray(data.annotations)) list = data.annotations;
    else if (Array.isArray(data.rows)) list = data.rows;
  }
  if (!list) throw notAnnotations('it holds neither an annotation collection nor a list of annotations');
  if (!list.length) return { source: 'w3c', annotations: [] };
  if (list.every(isW3cAnnotation)) return { source: 'w3c', annotations: (list as Json[]).map(parseW3c) };
  if (list.every(isHypothesisRow)) return { source: 'hypothesis', annotations: (list as Json[]).map(parseHypothesis) };
  const bad = list.findIndex((item) => !isW3cAnnotation(item) && !isHypothesisRow(item));
  throw notAnnotations(`entry ${bad + 1} is neither a W3C annotation nor a Hypothesis annotation`);
}
