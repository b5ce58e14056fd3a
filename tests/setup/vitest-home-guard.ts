// Vitest setup file: installs the home guard for every test file and checks it after each test.
import { rmSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';
import { installHomeGuard } from './home-guard.ts';

const ownSentinel = !process.env.DOSSIER_SENTINEL_HOME;
const guard = installHomeGuard();
afterEach(() => guard.check());
afterAll(() => {
  if (ownSentinel) rmSync(guard.sentinelHome, { recursive: true, force: true });
});
