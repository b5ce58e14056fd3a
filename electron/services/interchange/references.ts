// Reference-manager files read in: BibTeX, RIS and CSL-JSON, with the files attached to each record (as
// Zotero's "Export Files" writes them: a files/ folder of per-item subfolders, named by BibTeX's `file`
// field or RIS's L1 lines). Each record's attachment is imported as the document and the record's
// metadata (title, authors, outlet, date, URL, language, keywords) becomes the document's.
// BibTeX and CSL-JSON are read by Citation.js; RIS by the line reader below, because Citation.js's RIS
// reader keeps only the year of DA dates and leaves newspaper authors as unparsed "reporter" strings.
import { Cite, plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { DocumentMetadata, DocumentRecord, ImportResult, SourcesFormat } from '../../../shared/types/library.ts';
import { DossierError } from '../errors.ts';
import { isIsoDate, LANG_TAG, URL_PATTERN } from '../library/library-service.ts';
import { urlKey } from './annotations.ts';

export interface ReferenceRecord {
  /** The citation key or record id, for messages. */
  key: string;
  metadata: Partial<DocumentMetadata>;
  /** Attached files as the record names them: relative to the reference file, absolute, or file:// URLs. */
  files: string[];
}

export const REFERENCE_EXTENSIONS: Record<string, SourcesFormat> = { '.bib': 'bibtex', '.bibtex': 'bibtex', '.ris': 'ris', '.json': 'csl-json' };

export function referenceFormatOf(name: string): SourcesFormat | null {
  const lower = name.toLowerCase();
  const ext = Object.keys(REFERENCE_EXTENSIONS).find((e) => lower.endsWith(e));
  return ext ? REFERENCE_EXTENSIONS[ext]! : null;
}

/** "Smith, Jane" → "Jane Smith"; a one-part name stays as written. */
function personName(name: { given?: string; family?: string; literal?: string; 'non-dropping-particle'?: string; suffix?: string } | string): string {
  if (typeof name === 'string') {
    const [family, given] = name.split(/\s*,\s*/, 2);
    return given ? `${given} ${family}`.trim() : name.trim();
  }
  if (name.literal) return name.literal.trim();
  return [name.given, name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' ').trim();
}

function isoFromParts(parts: unknown): string | null {
  if (!Array.isArray(parts) || !parts.length) return null;
  const [y, m, d] = parts.map(Number);
  if (!Number.isInteger(y)) return null;
  const iso = [String(y).padStart(4, '0'), m ? String(m).padStart(2, '0') : null, m && d ? String(d).padStart(2, '0') : null].filter(Boolean).join('-');
  return isIsoDate(iso) ? iso : null;
}

function cslDate(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const date = value as { 'date-parts'?: unknown[][]; raw?: string; literal?: string };
  const fromParts = isoFromParts(date['date-parts']?.[0]);
  if (fromParts) return fromParts;
  const raw = (date.raw ?? date.literal ?? '').trim();
  return isIsoDate(raw) ? raw : null;
}

/** A CSL item's fields in the library's terms; values the library would refuse are left out. */
export function metadataFromCsl(item: CslItem): Partial<DocumentMetadata> {
  const meta: Partial<DocumentMetadata> = {};
  const title = typeof item.title === 'string' ? item.title.replace(/\s+/g, ' ').trim() : '';
  if (title) meta.title = title;
  const names = [item.author, item.reporter, item.editor].find((list) => Array.isArray(list) && list.length) as Array<Parameters<typeof personName>[0]> | undefined;
  if (names) meta.author = names.map(personName).filter(Boolean).join(', ') || null;
  const outlet = [item['container-title'], item.publisher, item['collection-title']].find((x) => typeof x === 'string' && x.trim()) as string | undefined;
  if (outlet) meta.outlet = outlet.trim();
  const published = cslDate(item.issued);
  if (published) meta.published = published;
  if (typeof item.URL === 'string' && URL_PATTERN.test(item.URL.trim())) meta.url = item.URL.trim();
  if (typeof item.language === 'string' && LANG_TAG.test(item.language.trim())) meta.lang = item.language.trim();
  const keywords = typeof item.keyword === 'string' ? item.keyword.split(/\s*[,;]\s*/).map((k) => k.trim()).filter(Boolean) : [];
  if (keywords.length) meta.tags = keywords;
  return meta;
}

/** Zotero's and JabRef's `file` field: `Description:path:mime` entries separated by `;`, with `\:` and `\;` escaped. */
export function bibtexFiles(field: string): string[] {
  const entries: string[][] = [[]];
  let current = '';
  for (let i = 0; i < field.length; i++) {
    const char = field[i]!;
    if (char === '\\' && i + 1 < field.length) {
      current += field[++i];
    } else if (char === ':') {
      entries.at(-1)!.push(current);
      current = '';
    } else if (char === ';') {
      entries.at(-1)!.push(current);
      entries.push([]);
      current = '';
    } else current += char;
  }
  entries.at(-1)!.push(current);
  const paths: string[] = [];
  for (const parts of entries) {
    const trimmed = parts.map((p) => p.trim());
    // "desc:path:mime", ":path:mime", or a bare path; a Windows drive letter splits off as one more part.
    let path = trimmed.length >= 3 ? trimmed.slice(1, -1).join(':') : trimmed.length === 2 ? (/\//.test(trimmed[0]!) || /\.\w+$/.test(trimmed[0]!) ? trimmed[0]! : trimmed[1]!) : trimmed[0]!;
    path = path.trim();
    if (path) paths.push(path);
  }
  return paths;
}

function parseBibtex(text: string): ReferenceRecord[] {
  let items: CslItem[];
  let entries: Array<{ label: string; properties: Record<string, string> }>;
  try {
    items = new Cite(text).data;
    entries = plugins.input.chain(text, { target: '@biblatex/entries+list', generateGraph: false }) as typeof entries;
  } catch (error) {
    throw new DossierError('bad-references', `This BibTeX file cannot be read: ${(error as Error).message}`);
  }
  const files = new Map(entries.map((e) => [e.label, e.properties.file ? bibtexFiles(e.properties.file) : []]));
  return items.map((item) => ({ key: String(item['citation-key'] ?? item.id), metadata: metadataFromCsl(item), files: files.get(String(item['citation-key'] ?? item.id)) ?? [] }));
}

/** RIS tags whose value names the record's outlet, in the order they are preferred. */
const RIS_OUTLET = ['T2', 'JO', 'JF', 'JA', 'J2', 'BT', 'PB'];

/** "2024/03/01/" or "2024///" or "2024-03-01" → ISO. */
function risDate(value: string | undefined): string | null {
  if (!value) return null;
  const [y, m, d] = value.trim().split(/[/-]/);
  return isoFromParts([y, m, d].filter((x) => x && /^\d+$/.test(x)).map(Number));
}

export function parseRis(text: string): ReferenceRecord[] {
  const records: ReferenceRecord[] = [];
  let fields: Map<string, string[]> | null = null;
  const finish = () => {
    if (!fields) return;
    const one = (tag: string) => fields!.get(tag)?.[0]?.trim();
    const meta: Partial<DocumentMetadata> = {};
    const title = one('TI') ?? one('T1') ?? one('CT');
    if (title) meta.title = title.replace(/\s+/g, ' ');
    const authors = [...(fields.get('AU') ?? []), ...(fields.get('A1') ?? [])].map((a) => personName(a)).filter(Boolean);
    if (authors.length) meta.author = authors.join(', ');
    const outlet = RIS_OUTLET.map(one).find(Boolean);
    if (outlet) meta.outlet = outlet;
    const published = risDate(one('DA')) ?? risDate(one('PY')) ?? risDate(one('Y1'));
    if (published) meta.published = published;
    const url = (fields.get('UR') ?? []).map((u) => u.trim()).find((u) => URL_PATTERN.test(u) && !u.startsWith('file:'));
    if (url) meta.url = url;
    const lang = one('LA');
    if (lang && LANG_TAG.test(lang)) meta.lang = lang;
    const tags = (fields.get('KW') ?? []).map((k) => k.trim()).filter(Boolean);
    if (tags.length) meta.tags = tags;
    // L1 names attached files (Zotero); L4 figures and attachments; a file:// URL in L2 or UR is one too.
    const files = [...(fields.get('L1') ?? []), ...(fields.get('L4') ?? []), ...[...(fields.get('L2') ?? []), ...(fields.get('UR') ?? [])].filter((u) => u.trim().startsWith('file:'))].map((f) => f.trim()).filter(Boolean);
    records.push({ key: one('ID') ?? meta.title ?? `record ${records.length + 1}`, metadata: meta, files });
    fields = null;
  };
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/.exec(raw.trimEnd());
    if (!match) continue; // a wrapped continuation or blank line
    const [, tag, value = ''] = match;
    if (tag === 'TY') {
      finish();
      fields = new Map();
    } else if (tag === 'ER') finish();
    else if (fields) fields.set(tag!, [...(fields.get(tag!) ?? []), value]);
  }
  finish();
  return records;
}

function parseCslJson(text: string): ReferenceRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DossierError('bad-references', 'This file is not valid JSON, so it cannot be read as CSL-JSON.');
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && 'type' in data ? [data] : null;
  if (!list || !list.every((item) => item && typeof item === 'object' && !Array.isArray(item) && typeof (item as CslItem).type === 'string')) {
    throw new DossierError('bad-references', 'This JSON file is not CSL-JSON (a list of items, each with a type), as reference managers export it.');
  }
  return (list as CslItem[]).map((item, i) => ({ key: String(item.id ?? `item ${i + 1}`), metadata: metadataFromCsl(item), files: [] }));
}

/** The records of a reference file; a file that is not of its format gives an error naming what is wrong. */
export function parseReferences(text: string, format: SourcesFormat): ReferenceRecord[] {
  const records = format === 'bibtex' ? parseBibtex(text) : format === 'ris' ? parseRis(text) : parseCslJson(text);
  if (!records.length) {
    const what = { bibtex: 'BibTeX entries (@article{…})', ris: 'RIS records (TY  - … ER  -)', 'csl-json': 'CSL-JSON items' }[format];
    throw new DossierError('bad-references', `No ${what} were found in this file.`);
  }
  return records;
}

/** Where an attachment named in a reference file lies, relative to the reference file's folder (posix paths). */
export function attachmentPath(referenceDir: string, file: string): string {
  let path = file.trim();
  if (/^file:\/\//i.test(path)) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      /* keep as written */
    }
  }
  path = path.replace(/\\/g, '/');
  return posix.isAbsolute(path) || /^[a-z]:\//i.test(path) ? posix.normalize(path) : posix.normalize(posix.join(referenceDir, path));
}

/** A file given to import: a path on disk (with its folder), or an upload named by its relative path. */
export interface ReferenceSourceFile {
  label: string;
  name: string;
  read(): Promise<Uint8Array>;
  /** Absolute path on disk, for files given by path. */
  path?: string;
}

/** Imports files as documents, in one batch with progress; one result per file, in order. */
export type ImportSources = (sources: ReferenceSourceFile[]) => Promise<ImportResult[]>;

export interface ReferenceImportDeps {
  /** A source for a file on disk that import reads (refusing huge or unsupported files). */
  sourceForPath(path: string): ReferenceSourceFile;
  exists(path: string): boolean;
  documents(): DocumentRecord[];
  update(id: string, changes: Partial<DocumentMetadata>): Promise<DocumentRecord>;
  extensions: readonly string[];
}

/**
 * Metadata for a document the library already had: only the fields it left empty, and its tags with
 * the new ones after them (a tag it has in any case is not new). Empty when nothing would change.
 */
export function fillEmpty(doc: DocumentRecord, meta: Partial<DocumentMetadata>): Partial<DocumentMetadata> {
  const changes: Partial<DocumentMetadata> = {};
  for (const key of ['author', 'outlet', 'published', 'url', 'lang'] as const) if (!doc[key] && meta[key]) changes[key] = meta[key];
  const tags = [...doc.tags];
  for (const tag of meta.tags ?? []) if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  if (tags.length > doc.tags.length) changes.tags = tags;
  return changes;
}

const lowerTitle = (title: string | null | undefined) => (title ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Takes the reference files out of a batch of files to import, imports each record's attachment (taking
 * it out of the batch when it is there too) with the rest of the batch, and gives each imported
 * document its record's metadata. Records without an attachment fill in a document the library
 * already has (same URL or title), or are reported as skipped.
 */
export class ReferenceImporter {
  constructor(private readonly deps: ReferenceImportDeps) {}

  isReferenceFile(source: ReferenceSourceFile): boolean {
    return referenceFormatOf(source.name) !== null;
  }

  async importBatch(sources: ReferenceSourceFile[], importSources: ImportSources): Promise<ImportResult[]> {
    const references = sources.filter((s) => this.isReferenceFile(s));
    if (!references.length) return importSources(sources);
    let rest = sources.filter((s) => !this.isReferenceFile(s));
    const results: ImportResult[] = [];
    const planned: Array<{ record: ReferenceRecord; reference: ReferenceSourceFile; source: ReferenceSourceFile | null; missing: string[] }> = [];
    for (const reference of references) {
      let records: ReferenceRecord[];
      try {
        const text = new TextDecoder('utf-8').decode(await reference.read());
        records = parseReferences(text, referenceFormatOf(reference.name)!);
      } catch (error) {
        const err = error as { code?: string; message?: string };
        results.push({ path: reference.label, status: 'error', error: err.message ?? String(error), errorCode: err.code ?? 'bad-references' });
        continue;
      }
      const dir = posix.dirname((reference.path ?? reference.name).replace(/\\/g, '/'));
      for (const record of records) {
        let source: ReferenceSourceFile | null = null;
        const missing: string[] = [];
        for (const file of record.files) {
          const wanted = attachmentPath(dir, file);
          if (!this.deps.extensions.includes(posix.extname(wanted).toLowerCase())) continue;
          const inBatch = rest.find((s) => (s.path ?? s.name).replace(/\\/g, '/') === wanted);
          if (inBatch) {
            source = inBatch;
            rest = rest.filter((s) => s !== inBatch);
          } else if (reference.path && this.deps.exists(wanted)) source = this.deps.sourceForPath(wanted);
          else missing.push(file);
          if (source) break;
        }
        planned.push({ record, reference, source, missing });
      }
    }
    const attachments = planned.filter((p) => p.source).map((p) => p.source!);
    const imported = await importSources([...attachments, ...rest]);
    let next = 0;
    for (const plan of planned) {
      const title = plan.record.metadata.title ?? plan.record.key;
      if (!plan.source) {
        results.push(await this.withoutAttachment(plan.record, plan.reference, plan.missing));
        continue;
      }
      const result = imported[next++]!;
      if ((result.status === 'imported' || result.status === 'duplicate') && result.id) {
        const doc = this.deps.documents().find((d) => d.id === result.id);
        const changes = result.status === 'imported' ? { ...plan.record.metadata } : doc ? fillEmpty(doc, plan.record.metadata) : {};
        if (result.status === 'imported' && doc && changes.tags) changes.tags = [...new Set([...doc.tags, ...changes.tags])];
        if (Object.keys(changes).length) {
          const updated = await this.deps.update(result.id, changes);
          result.title = updated.title;
        }
        results.push({ ...result, title: result.status === 'imported' ? (result.title ?? title) : result.title });
      } else results.push({ ...result, error: `${title}: ${result.error ?? 'not imported'}` });
    }
    return [...results, ...imported.slice(next)];
  }

  private async withoutAttachment(record: ReferenceRecord, reference: ReferenceSourceFile, missing: string[]): Promise<ImportResult> {
    const title = record.metadata.title ?? record.key;
    const url = urlKey(record.metadata.url);
    const doc = this.deps.documents().find((d) => (url && urlKey(d.url) === url) || (record.metadata.title && lowerTitle(d.title) === lowerTitle(record.metadata.title)));
    if (doc) {
      const changes = fillEmpty(doc, record.metadata);
      if (Object.keys(changes).length) await this.deps.update(doc.id, changes);
      return { path: `${reference.label}: ${record.key}`, status: 'duplicate', id: doc.id, title: doc.title, error: `Already in the library as “${doc.title}”${Object.keys(changes).length ? `; filled in its ${Object.keys(changes).join(', ')}` : ''}.` };
    }
    const why = missing.length
      ? `its attached file ${missing[0]} was not found next to ${reference.name}`
      : 'it has no attached file to import (in Zotero, export with “Export Files” ticked)';
    return { path: `${reference.label}: ${record.key}`, status: 'skipped', title, error: `Skipped “${title}”: ${why}.`, errorCode: 'no-attachment' };
  }
}

/** Reference files are text; a reference manager's export of a large library stays far below this. */
export const MAX_REFERENCE_BYTES = 64 * 1024 * 1024;

/** Reads a reference file from disk, refusing one too large to be a reference list. */
export async function readReferenceFile(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new DossierError('unreadable', `${posix.basename(path.replace(/\\/g, '/'))} cannot be read.`);
  }
  if (info.size > MAX_REFERENCE_BYTES) throw new DossierError('too-large', `${posix.basename(path.replace(/\\/g, '/'))} is ${Math.round(info.size / (1024 * 1024))} MB; a reference file may be at most ${MAX_REFERENCE_BYTES / (1024 * 1024)} MB.`);
  return new Uint8Array(await readFile(path));
}
