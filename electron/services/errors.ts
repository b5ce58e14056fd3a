// Errors the services raise on purpose: a stable code plus a message written for the user.
// Hosts pass both across the boundary unchanged, so the app and the CLI say the same thing.

export class DossierError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DossierError';
  }
}

/** What the user is told when a write fails for lack of space; nothing half-written is kept. */
export const DISK_FULL_MESSAGE = 'The disk is full: nothing was saved, free space and retry.';

/** System error codes that mean the disk (or the user's quota) has no room left. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

export function isDiskFull(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string' && NO_SPACE.has((error as { code: string }).code);
}

export function toWireError(error: unknown): { code: string; message: string } {
  if (isDiskFull(error)) return { code: 'disk-full', message: DISK_FULL_MESSAGE };
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    if (typeof code === 'string' && typeof message === 'string' && error instanceof Error && error.name !== 'Error') {
      return { code, message };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
