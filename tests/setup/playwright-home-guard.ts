// Playwright global setup: the browser host, the CLI and Chromium run with HOME at a sentinel folder;
// the returned teardown fails the run if a default library appeared there.
import { installHomeGuard } from './home-guard.ts';

export default function globalSetup(): () => void {
  const guard = installHomeGuard();
  return () => guard.check();
}
