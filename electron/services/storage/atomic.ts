// Atomic file writes for per-document content: temp file then rename, so a crashed or killed process
// leaves the old or the new file, never half of one. Like the lowdb index (steno), it does not fsync:
// a forced flush per file costs about 15 ms here and would triple import time, and the rename already
// guarantees atomicity against process crashes; only a power cut can lose the last seconds of writes.
import writeFileAtomic from 'write-file-atomic';

export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(file, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), { fsync: false });
}
