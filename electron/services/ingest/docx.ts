// Word (.docx): mammoth converts the body to semantic HTML (headings, lists, tables, notes) that the
// shared walker turns into text; docProps/core.xml, read with JSZip, supplies title, author and date.
import JSZip from 'jszip';
import type { DetectedMetadata } from '../../../shared/types/ingest.ts';
import { domToDocument, type DomNode } from './dom-text.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { IngestError, baseName, corruptError, encryptedError, formatMegabytes } from './errors.ts';
import { parseHtmlDocument } from './html.ts';
import { startsWith } from './decode.ts';
import { cleanField, toIsoDate } from './text.ts';

type Mammoth = typeof import('mammoth');
let mammothModule: Promise<Mammoth> | null = null;

/** Loaded on first use: mammoth pulls in a sizeable dependency tree the app rarely needs at start-up. */
function loadMammoth(): Promise<Mammoth> {
  mammothModule ??= import('mammoth').then((m) => ((m as { default?: Mammoth }).default ?? m) as Mammoth);
  return mammothModule;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE: the stream name Office uses inside a password-protected file. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex, dec, named) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[(named as string).toLowerCase()] ?? whole;
  });
}

function xmlField(xml: string, localName: string): string | null {
  // Prefixes vary between producers (dc:, dcterms:, cp:, ns0:), so match on the local name.
  const match = new RegExp(`<(?:[\\w-]+:)?${localName}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${localName}>`, 'i').exec(xml);
  return match ? cleanField(decodeXmlEntities(match[1].replace(/<[^>]*>/g, ''))) : null;
}

/** Placeholder values Word and templates fill in, which say nothing about the document. */
const PLACEHOLDER_AUTHORS = /^(user|windows user|administrator|admin|author|owner|unknown|microsoft office user|python-docx)$/i;
const PLACEHOLDER_TITLES = /^(untitled|document\d*|title|microsoft word - .*|.*\.(docx?|rtf|odt))$/i;

/** Bounds checked before anything is inflated: a Word file is a zip, and a zip can expand a thousandfold. */
export const ARCHIVE_LIMITS = {
  maxEntries: 5_000,
  /** Sum of the sizes the archive declares for its entries (pictures included). */
  maxDeclaredBytes: 1024 * 1024 * 1024,
  /** Each XML part (the body, styles, notes), measured as it inflates. */
  maxXmlPartBytes: 64 * 1024 * 1024,
  maxXmlTotalBytes: 160 * 1024 * 1024,
  /**
   * Markup tags over all XML parts. Converting costs memory per element, not per byte: a long book
   * has well under a million; tens of millions of empty paragraphs exhaust any heap.
   */
  maxXmlTags: 1_000_000,
  /** Document properties are a few hundred bytes; anything larger is ignored. */
  maxCorePropertiesBytes: 256 * 1024,
};

/** JSZip keeps each entry's sizes from the central directory on this internal object (JSZip 3). */
type LoadedEntry = JSZip.JSZipObject & { _data?: { uncompressedSize?: number } };

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

const TAG_OPEN = 0x3c; // '<'

/**
 * Inflates one entry as a stream, counting bytes and tags and dropping the data, and stops as soon as
 * either cap is passed: memory stays at one chunk whatever the archive claims.
 */
function measureInflated(entry: JSZip.JSZipObject, maxBytes: number, maxTags: number): Promise<{ bytes: number; tags: number }> {
  return new Promise((resolveSize, rejectSize) => {
    let bytes = 0;
    let tags = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(TAG_OPEN); i !== -1; i = chunk.indexOf(TAG_OPEN, i + 1)) tags++;
        if (bytes > maxBytes || tags > maxTags) {
          stream.pause();
          resolveSize({ bytes, tags });
        }
      })
      .on('error', rejectSize)
      .on('end', () => resolveSize({ bytes, tags }));
  });
}

/**
 * Opens the archive and checks entry count, declared sizes and the real inflated size of every XML
 * part (a declared size can lie) before mammoth inflates anything in memory.
 */
async function openBoundedArchive(name: string, bytes: Uint8Array): Promise<JSZip> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files) as LoadedEntry[];
  const bomb = (what: string) =>
    new IngestError('too-large', `${baseName(name)} ${what}; it was not opened, because a Word file that large is damaged or built to exhaust memory`);
  if (entries.length > ARCHIVE_LIMITS.maxEntries) throw bomb(`holds ${entries.length} parts (the limit is ${ARCHIVE_LIMITS.maxEntries})`);
  const declared = entries.reduce((sum, entry) => sum + (entry._data?.uncompressedSize ?? 0), 0);
  if (declared > ARCHIVE_LIMITS.maxDeclaredBytes) throw bomb(`would expand to ${formatMegabytes(declared)}`);
  let xmlTotal = 0;
  let tagTotal = 0;
  for (const entry of entries) {
    if (entry.dir || !isXmlPart(entry.name)) continue;
    const declaredSize = entry._data?.uncompressedSize ?? 0;
    if (declaredSize > ARCHIVE_LIMITS.maxXmlPartBytes) throw bomb(`has a part (${entry.name}) that would expand to ${formatMegabytes(declaredSize)}`);
    const { bytes: size, tags } = await measureInflated(entry, ARCHIVE_LIMITS.maxXmlPartBytes, ARCHIVE_LIMITS.maxXmlTags - tagTotal);
    if (size > ARCHIVE_LIMITS.maxXmlPartBytes) throw bomb(`has a part (${entry.name}) that expands past ${formatMegabytes(ARCHIVE_LIMITS.maxXmlPartBytes)}`);
    xmlTotal += size;
    tagTotal += tags;
    if (xmlTotal > ARCHIVE_LIMITS.maxXmlTotalBytes) throw bomb(`expands past ${formatMegabytes(ARCHIVE_LIMITS.maxXmlTotalBytes)} of text and markup`);
    if (tagTotal > ARCHIVE_LIMITS.maxXmlTags) throw bomb(`holds more than ${ARCHIVE_LIMITS.maxXmlTags.toLocaleString('en')} pieces of markup`);
  }
  return zip;
}

async function coreProperties(zip: JSZip): Promise<Partial<DetectedMetadata>> {
  try {
    const entry = zip.file('docProps/core.xml') as LoadedEntry | null;
    if (!entry || (entry._data?.uncompressedSize ?? 0) > ARCHIVE_LIMITS.maxCorePropertiesBytes) return {};
    const xml = await entry.async('string');
    if (xml.length > ARCHIVE_LIMITS.maxCorePropertiesBytes) return {};
    if (!xml) return {};
    const title = xmlField(xml, 'title');
    const author = xmlField(xml, 'creator');
    return {
      title: title && !PLACEHOLDER_TITLES.test(title) ? title : null,
      author: author && !PLACEHOLDER_AUTHORS.test(author) ? author : null,
      published: toIsoDate(xmlField(xml, 'created')),
      lang: xmlField(xml, 'language'),
      excerpt: xmlField(xml, 'description'),
    };
  } catch {
    return {}; // metadata is optional; the body conversion reports a broken archive
  }
}

/**
 * Mammoth writes notes as a list at the end with "[n]" references in the text and "↑" links back.
 * Returns a marker function giving each note the label of its reference, after dropping the back links.
 */
function prepareNotes(root: DomNode & { querySelectorAll(selector: string): Iterable<DomNode & { remove(): void }> }) {
  const labels = new Map<string, string>();
  for (const ref of root.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]')) {
    const href = ref.getAttribute?.('href') ?? '';
    if (/^#(footnote|endnote)-ref-/.test(href)) ref.remove();
    else labels.set(href.slice(1), cleanField(ref.textContent) ?? '');
  }
  return (item: DomNode): string | null => {
    const id = item.getAttribute?.('id') ?? '';
    return /^(footnote|endnote)-/.test(id) ? labels.get(id) || `[${id.replace(/^\D+/, '')}]` : null;
  };
}

function bodyError(name: string, bytes: Uint8Array): IngestError {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)) return encryptedError(name);
    return new IngestError(
      'corrupt',
      `${baseName(name)} is an old-style Word file (.doc) or not a Word document; save it as .docx and import it again`,
    );
  }
  return corruptError(name, 'a Word document');
}

export async function extractDocx(
  name: string,
  bytes: Uint8Array,
): Promise<{ text: string; blocks: DocBlock[]; meta: Partial<DetectedMetadata> }> {
  const mammoth = await loadMammoth();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await openBoundedArchive(name, bytes);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw bodyError(name, bytes);
  }
  let html: string;
  let meta: Partial<DetectedMetadata>;
  try {
    [{ value: html }, meta] = await Promise.all([
      mammoth.convertToHtml(
        { buffer },
        {
          externalFileAccess: false,
          // Word's built-in Title and Subtitle styles head the document: they are headings, not body text.
          styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
          // Images never reach the text; skipping their base64 encoding saves time on picture-heavy files.
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        },
      ),
      coreProperties(zip),
    ]);
  } catch {
    throw bodyError(name, bytes);
  }
  const doc = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  const body = (doc.body ?? doc) as unknown as Parameters<typeof prepareNotes>[0];
  const listMarker = prepareNotes(body);
  return { ...domToDocument(body, { listMarker }), meta };
}
