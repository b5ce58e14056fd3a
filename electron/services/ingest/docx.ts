// Word (.docx): mammoth converts the body to semantic HTML (headings, lists, tables, notes) that the
// shared walker turns into text; docProps/core.xml, read with JSZip, supplies title, author and date.
import JSZip from 'jszip';
import type { DetectedMetadata } from '../../../shared/types/ingest.ts';
import { domToDocument, type DomNode } from './dom-text.ts';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { IngestError, baseName, corruptError, encryptedError } from './errors.ts';
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

async function coreProperties(bytes: Uint8Array): Promise<Partial<DetectedMetadata>> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('docProps/core.xml')?.async('string');
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
  let html: string;
  let meta: Partial<DetectedMetadata>;
  try {
    [{ value: html }, meta] = await Promise.all([
      mammoth.convertToHtml(
        { buffer },
        {
          externalFileAccess: false,
          // Images never reach the text; skipping their base64 encoding saves time on picture-heavy files.
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        },
      ),
      coreProperties(bytes),
    ]);
  } catch {
    throw bodyError(name, bytes);
  }
  const doc = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  const body = (doc.body ?? doc) as unknown as Parameters<typeof prepareNotes>[0];
  const listMarker = prepareNotes(body);
  return { ...domToDocument(body, { listMarker }), meta };
}
