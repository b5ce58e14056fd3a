// Postinstall: fetches the Electron binary that package.json's allowScripts keeps npm from fetching,
// so offline installs succeed while a laptop with network access still gets the desktop runtime.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = join(dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies: nothing to fetch
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || !existsSync(installScript)) process.exit(0);

const result = spawnSync(process.execPath, [installScript], { stdio: 'pipe', timeout: 300_000 });
if (result.status === 0) {
  console.log('dossier: Electron desktop runtime installed.');
} else {
  console.log('dossier: Electron desktop runtime not downloaded (offline?); `npm start` will use the browser host instead.');
}
process.exit(0);
