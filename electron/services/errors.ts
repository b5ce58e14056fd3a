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

export function toWireError(error: unknown): { code: string; message: string } {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    if (typeof code === 'string' && typeof message === 'string' && error instanceof Error && error.name !== 'Error') {
      return { code, message };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
