// Atomic file writes for per-document content: temp file, fsync, rename, so a crash leaves old or new, never half.
import writeFileAtomic from 'write-file-atomic';

export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(file, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fsync: true });
}
