// Library documents as citations: CSL-JSON items built from their metadata, and the formats reference
// managers import (CSL-JSON, BibTeX, RIS) and a formatted bibliography, written by Citation.js with its
// bundled citeproc-js, APA style and en-US locale (nothing is fetched at run time).
import { Cite, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseName } from '@citation-js/name';
import type { DocumentRecord, SourcesFormat } from '../../../shared/types/library.ts';

export type { CslItem };

/** The style and locale of formatted bibliographies (shipped inside @citation-js/plugin-csl). */
export const CSL_STYLE = 'apa';
export const CSL_LOCALE = 'en-US';

export type CitableDocument = Pick<DocumentRecord, 'id' | 'title' | 'author' | 'outlet' | 'published' | 'url' | 'lang' | 'format'> & {
  tags?: string[];
};

/** "Jane Smith and Omar Haddad", "Jane Smith; Omar Haddad", "Smith, Jane": one entry per person. */
export function splitAuthors(author: string | null): string[] {
  const text = (author ?? '').replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
  if (!text) return [];
  const parts = text.split(/\s*(?:;|&|\band\b)\s*/i).filter(Boolean);
  const out: string[] = [];
  for (const part of parts) {
    const commaParts = part.split(/\s*,\s*/).filter(Boolean);
    // "Smith, Jane" is one name written family-first; "Jane Smith, Omar Haddad" is two names.
    if (commaParts.length > 1 && commaParts.every((p) => p.includes(' '))) out.push(...commaParts);
    else out.push(part);
  }
  return out;
}

function cslName(name: string): Record<string, string> {
  // One word ("Reuters"), or a name with no lower-case letters' structure to split, stays literal.
  if (!/\s/.test(name.trim()) && !name.includes(',')) return { literal: name.trim() };
  const parsed = parseName(name);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string' && value) out[key] = value;
  return out.family || out.literal ? out : { literal: name.trim() };
}

/** [[2018, 5, 29]] from "2018-05-29T14:05Z"; null for anything that is not an ISO date. */
export function dateParts(value: string | null): number[] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? '');
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((part): part is string => !!part).map(Number);
}

function cslType(doc: CitableDocument): string {
  if (doc.format === 'pdf') return 'report';
  if (doc.outlet) return 'article-newspaper';
  if (doc.format === 'html' || doc.url) return 'webpage';
  return 'document';
}

/** One document as a CSL-JSON item (valid against the CSL data schema). */
export function toCslItem(doc: CitableDocument): CslItem {
  const item: CslItem = { id: doc.id, type: cslType(doc), title: doc.title };
  const authors = splitAuthors(doc.author);
  if (authors.length) item.author = authors.map(cslName);
  if (doc.outlet) item[item.type === 'report' || item.type === 'document' ? 'publisher' : 'container-title'] = doc.outlet;
  const parts = dateParts(doc.published);
  if (parts) item.issued = { 'date-parts': [parts] };
  if (doc.url) item.URL = doc.url;
  if (doc.lang) item.language = doc.lang;
  if (doc.tags?.length) item.keyword = doc.tags.join(',');
  return item;
}

export const SOURCES_MIME: Record<SourcesFormat, string> = {
  'csl-json': 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
};

export const SOURCES_EXTENSION: Record<SourcesFormat, string> = { 'csl-json': 'json', bibtex: 'bib', ris: 'ris' };

/** The documents in a format a reference manager imports. */
export function formatSources(docs: CitableDocument[], format: SourcesFormat): string {
  const items = docs.map(toCslItem);
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (!items.length) return '';
  const cite = new Cite(items, { forceType: '@csl/list+object' });
  if (format === 'bibtex') return bibtexWithKeywords(cite.format('bibtex'), items);
  if (format === 'ris') return risWithFullDates(risWithAuthors(cite.format('ris'), items), items);
  throw new Error(`Unknown sources format ${String(format)}`);
}

/** Citation.js writes no keywords to BibTeX; Zotero and JabRef read an entry's `keywords` field as its tags. */
function bibtexWithKeywords(bibtex: string, items: CslItem[]): string {
  let i = 0;
  return bibtex.replace(/^@\w+\{[^\n]*\n[\s\S]*?^\}$/gm, (entry) => {
    const keywords = items[i++]?.keyword;
    if (typeof keywords !== 'string' || !keywords || /^\s*keywords\s*=/m.test(entry)) return entry;
    const value = keywords.split(',').map((k) => k.trim().replace(/[{}\\]/g, '')).filter(Boolean).join(', ');
    return entry.replace(/\n\}$/, `\n\tkeywords = {${value}},\n}`);
  });
}

/**
 * Citation.js leaves the authors out of newspaper records (RIS files them under NEWS as reporters, which
 * CSL keeps apart): each record without AU lines gets one per author, "Family, Given", after its TY line.
 */
function risWithAuthors(ris: string, items: CslItem[]): string {
  const records = ris.split(/(?<=^ER {2}-.*$)/m);
  return records
    .map((record, i) => {
      const authors = (items[i]?.author as Array<Record<string, string>> | undefined) ?? [];
      if (!authors.length || /^AU {2}-/m.test(record)) return record;
      const lines = authors.map((a) => `AU  - ${a.literal ?? [a.family, a.given].filter(Boolean).join(', ')}`).join('\n');
      return record.replace(/^(TY {2}-.*)$/m, `$1\n${lines}`);
    })
    .join('');
}

/** Citation.js writes only the year (PY); RIS's DA carries the full date "YYYY/MM/DD/", which Zotero reads. */
function risWithFullDates(ris: string, items: CslItem[]): string {
  const records = ris.split(/(?<=^ER {2}-.*$)/m);
  return records
    .map((record, i) => {
      const parts = (items[i]?.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0];
      if (!parts || parts.length < 2 || /^DA {2}-/m.test(record)) return record;
      const da = `DA  - ${parts[0]}/${String(parts[1]).padStart(2, '0')}/${parts[2] ? String(parts[2]).padStart(2, '0') : ''}/`;
      return record.replace(/^(PY {2}-.*)$/m, `$1\n${da}`);
    })
    .join('');
}

/** One formatted bibliography entry per document, in the style's order: [document id, HTML]. */
export function bibliography(docs: CitableDocument[]): Array<{ id: string; html: string }> {
  if (!docs.length) return [];
  const cite = new Cite(docs.map(toCslItem), { forceType: '@csl/list+object' });
  return cite.format('bibliography', { format: 'html', template: CSL_STYLE, lang: CSL_LOCALE, asEntryArray: true }).map(([id, html]) => ({ id, html: html.trim() }));
}
