// Ingest failures: a stable code from shared/types plus a message the user can act on.
// Messages name the file so a batch import report reads well without extra context.
import type { DocumentFormat, IngestErrorCode } from '../../../shared/types/ingest.ts';

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    // Hosts forward errors whose name is not plain 'Error' as-is (see services/errors.ts).
    this.name = 'IngestError';
  }
}

/** Last path segment, for messages; accepts both separators since names may come from any OS. */
export function baseName(name: string): string {
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return cut >= 0 ? name.slice(cut + 1) : name;
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const FORMAT_NOUN: Record<DocumentFormat, string> = {
  txt: 'text files',
  md: 'Markdown files',
  html: 'HTML files',
  pdf: 'PDF files',
  docx: 'Word documents',
};

export function tooLargeError(name: string, format: DocumentFormat, size: number, limit: number): IngestError {
  return new IngestError(
    'too-large',
    `${baseName(name)} is ${formatMegabytes(size)}; the limit for ${FORMAT_NOUN[format]} is ${Math.round(limit / (1024 * 1024))} MB`,
  );
}

export function tooMuchTextError(name: string, chars: number, limit: number): IngestError {
  const millions = (n: number) => `${(n / 1_000_000).toFixed(1)} million`;
  return new IngestError(
    'too-large',
    `${baseName(name)} holds ${millions(chars)} characters of text; the limit is ${millions(limit)}`,
  );
}

export function emptyFileError(name: string): IngestError {
  return new IngestError('empty', `${baseName(name)} is empty (0 bytes)`);
}

export function noTextError(name: string, hint = ''): IngestError {
  return new IngestError('no-text', `${baseName(name)} contains no text${hint}`);
}

export function corruptError(name: string, what: string): IngestError {
  return new IngestError('corrupt', `${baseName(name)} is damaged or not ${what}`);
}

export function encryptedError(name: string): IngestError {
  return new IngestError(
    'encrypted',
    `${baseName(name)} is encrypted (password-protected); remove the password and import it again`,
  );
}

const IO_REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files are open; try again',
  ENFILE: 'too many files are open; try again',
  EBUSY: 'the file is locked by another program',
  EIO: 'input/output error (the disk or network drive may be failing)',
};

/** Maps a failed stat/read to an 'unreadable' error; keeps the full path because the name alone may be ambiguous. */
export function unreadableError(path: string, error: unknown): IngestError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    (code && IO_REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return new IngestError('unreadable', `cannot read ${path}: ${reason}`);
}
