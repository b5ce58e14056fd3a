// The files of one document folder as the library stores them, readable without the library's index:
// the compare worker reads documents' claims here while the host keeps the library open.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClaimSet } from '../../../shared/types/claims.ts';
import { DossierError } from '../errors.ts';

export const DOCUMENT_ID_PATTERN = /^[0-9a-f]{12}$/;

export function assertDocumentId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !DOCUMENT_ID_PATTERN.test(id)) {
    throw new DossierError('bad-id', `Not a document id: ${JSON.stringify(id)}`);
  }
}

/** The folder of a document's content files inside a library folder. */
export function documentDir(libraryDir: string, id: string): string {
  assertDocumentId(id);
  return join(libraryDir, 'docs', id);
}

/** claims.json on disk: the claim set without the document text, which lives in text.txt beside it. */
interface StoredClaims extends Omit<ClaimSet, 'text'> {
  format: 'claims-ref-1';
  /** Length of the text the offsets refer to, to notice a text.txt that no longer matches. */
  textLength: number;
}

/**
 * Drop every string that is a slice of the text at its own offsets (claim, quantity and entity texts);
 * a string that differs from its slice is kept as written.
 */
export function compactClaims(set: ClaimSet): StoredClaims {
  const { text, ...rest } = set;
  const omit = <T extends { text: string; start: number; end: number }>(x: T): T | Omit<T, 'text'> => {
    if (text.slice(x.start, x.end) !== x.text) return x;
    const { text: _drop, ...kept } = x;
    return kept;
  };
  const claims = set.claims.map((c) => ({ ...omit(c), quantities: c.quantities.map(omit), entities: c.entities.map(omit) })) as unknown as ClaimSet['claims'];
  return { ...rest, claims, format: 'claims-ref-1', textLength: text.length };
}

/** The inverse of compactClaims: put back the document text and each slice. */
function expandClaims(stored: StoredClaims, text: string): ClaimSet {
  const fill = <T extends { start: number; end: number; text?: string }>(x: T): T & { text: string } => ({ ...x, text: x.text ?? text.slice(x.start, x.end) });
  const { format: _format, textLength: _length, ...rest } = stored;
  return { ...rest, text, claims: stored.claims.map((c) => ({ ...fill(c), quantities: c.quantities.map(fill), entities: c.entities.map(fill) })) };
}

/**
 * A document's claims with its text attached, read from its folder; null when there are none to read (no
 * claims.json, an unreadable one, or claims made against another text). `legacy` marks a file from an
 * older library that still holds the text, which the library rewrites in the compact form.
 */
export async function readClaimsFile(dir: string): Promise<{ set: ClaimSet; legacy: boolean } | null> {
  const file = join(dir, 'claims.json');
  if (!existsSync(file)) return null;
  let stored: StoredClaims | ClaimSet;
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as StoredClaims | ClaimSet;
  } catch {
    return null; // unreadable claims are derived data: extract again
  }
  if ('text' in stored && typeof stored.text === 'string') return { set: stored, legacy: true };
  const compact = stored as StoredClaims;
  const text = await readFile(join(dir, 'text.txt'), 'utf8');
  // Claims made against another text (an edited or replaced text.txt) are stale: extract again.
  if (compact.textLength !== text.length) return null;
  return { set: expandClaims(compact, text), legacy: false };
}
