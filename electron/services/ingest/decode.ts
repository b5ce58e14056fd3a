// Bytes → string for the text formats (txt, md, html): BOM and encoding detection plus a binary guard.
// Refusing binaries here keeps a mislabelled image or archive from becoming a "document" of mojibake.
import { isUtf8 } from 'node:buffer';
import { IngestError, baseName } from './errors.ts';

/** How much of the file the control-character check samples; binaries give themselves away early. */
const SNIFF_BYTES = 64 * 1024;

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF; rename it to .pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or Word document'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old-style Office file'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
];

export function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function binaryError(name: string, bytes: Uint8Array): IngestError {
  const kind = MAGIC.find(([magic]) => startsWith(bytes, magic))?.[1];
  return new IngestError(
    'binary',
    `${baseName(name)} looks like a binary file, not text${kind ? ` (it appears to be ${kind})` : ''}`,
  );
}

/** C0 controls that never appear in real text; tab, LF, VT, FF, CR, SUB (old DOS end-of-file) and ESC are allowed. */
function isStrayControl(code: number): boolean {
  return (code < 0x20 && code !== 9 && code !== 10 && code !== 11 && code !== 12 && code !== 13 && code !== 0x1a && code !== 0x1b) || code === 0x7f;
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let stray = 0;
  for (let i = 0; i < n; i++) if (isStrayControl(bytes[i])) stray++;
  return stray / n > 0.05;
}

function stringLooksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const n = Math.min(text.length, SNIFF_BYTES);
  let stray = 0;
  for (let i = 0; i < n; i++) if (isStrayControl(text.charCodeAt(i))) stray++;
  return n > 0 && stray / n > 0.05;
}

/** UTF-16 without a BOM: ASCII-range text leaves every other byte zero, which binary formats don't do consistently. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZero++;
    if (bytes[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero / pairs > 0.4 && evenZero === 0) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero === 0) return 'utf-16be';
  return null;
}

/** The charset an HTML page declares in its first bytes (meta charset or http-equiv), if any. */
function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

/** Windows-1252 characters for bytes 0x80–0x9F (undefined positions stay as the C1 control). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node's TextDecoder treats windows-1252 as Latin-1, losing curly quotes and dashes, hence the table. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function decodeWith(label: string, bytes: Uint8Array): string | null {
  let decoder;
  try {
    decoder = new TextDecoder(label, { ignoreBOM: true });
  } catch {
    return null; // unknown label
  }
  // Browsers read every Latin-1 label as windows-1252 too.
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/**
 * Decodes a text file: BOM first (UTF-8, UTF-16), then strict UTF-8, then the page's declared
 * charset (HTML only), then Windows-1252, which is what stray non-UTF-8 text files usually are.
 * Throws 'binary' when the bytes are not text. A UTF-8 BOM is removed, nothing else is changed.
 */
export function decodeText(name: string, bytes: Uint8Array, options: { html?: boolean } = {}): string {
  let utf16: 'utf-16le' | 'utf-16be' | null = null;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) body = bytes.subarray(3);
  else if (startsWith(bytes, [0xff, 0xfe])) [utf16, body] = ['utf-16le', bytes.subarray(2)];
  else if (startsWith(bytes, [0xfe, 0xff])) [utf16, body] = ['utf-16be', bytes.subarray(2)];
  else utf16 = sniffUtf16(bytes);

  if (utf16) {
    const text = new TextDecoder(utf16, { ignoreBOM: true }).decode(body);
    if (stringLooksBinary(text)) throw binaryError(name, bytes);
    return text;
  }
  if (looksBinary(body)) throw binaryError(name, bytes);

  // isUtf8 + Buffer decoding is several times faster than a fatal TextDecoder on large pages.
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  const declared = options.html ? declaredHtmlCharset(body) : null;
  const legacy = declared && declared !== 'utf-8' && declared !== 'utf8' ? decodeWith(declared, body) : null;
  return legacy || decodeWindows1252(body);
}
