// `npm start`: builds the app, then opens the Electron desktop app when its binary is installed,
// or else says so and serves the same app to a browser from the local host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const path = require('electron'); // the binary's path; throws when the binary was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const child = binary
  ? spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit' })
  : (() => {
      console.log(
        '\nThe Electron desktop runtime is not installed, so Dossier starts in your web browser instead.\n' +
          'To get the desktop app, run `npm install` on a machine with network access.\n',
      );
      // The app names the command that started its host when it has to ask for it to be started again.
      return spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, DOSSIER_START_COMMAND: 'npm start' } });
    })();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
