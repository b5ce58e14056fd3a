// Recognises the same text whatever the format it came in: a MinHash signature over word 5-grams of the
// text (case, punctuation and layout ignored), compared slot by slot to estimate how much two texts share.
import type { DocumentRecord } from '../../../shared/types/library.ts';

const SLOTS = 64;
const SHINGLE = 5;
/** Enough shingles to characterise any report; longer texts are sampled from their start. */
const MAX_SHINGLES = 200_000;
/** Texts sharing at least this estimated share of their 5-grams are reported as the same text. */
export const SAME_TEXT_THRESHOLD = 0.5;

const SEEDS = Array.from({ length: SLOTS }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Mixes a shingle's hash with a slot's seed: one cheap hash function per slot. */
function mix(hash: number, seed: number): number {
  let h = (hash ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text's signature; null when it is too short to compare (fewer words than one shingle). */
export function textSignature(text: string): number[] | null {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < SHINGLE) return null;
  const signature = new Array<number>(SLOTS).fill(0xffffffff);
  const count = Math.min(words.length - SHINGLE + 1, MAX_SHINGLES);
  for (let i = 0; i < count; i++) {
    const hash = fnv(words.slice(i, i + SHINGLE).join(' '));
    for (let slot = 0; slot < SLOTS; slot++) {
      const value = mix(hash, SEEDS[slot]);
      if (value < signature[slot]) signature[slot] = value;
    }
  }
  return signature;
}

/** Estimated share of 5-grams two texts have in common (Jaccard), 0 to 1. */
export function overlapOf(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let slot = 0; slot < SLOTS; slot++) if (a[slot] === b[slot]) same++;
  return same / SLOTS;
}

/** The library document whose text overlaps most with the signature, if it passes the threshold. */
export function findSameText(
  signature: readonly number[] | null,
  documents: Iterable<DocumentRecord>,
): { id: string; title: string; overlap: number } | null {
  if (!signature) return null;
  let best: { id: string; title: string; overlap: number } | null = null;
  for (const doc of documents) {
    if (doc.deletedAt || !doc.textSignature) continue;
    const overlap = overlapOf(signature, doc.textSignature);
    if (overlap >= SAME_TEXT_THRESHOLD && (!best || overlap > best.overlap)) best = { id: doc.id, title: doc.title, overlap };
  }
  return best;
}
