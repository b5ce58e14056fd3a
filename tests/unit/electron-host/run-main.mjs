// Loads the built Electron main bundle against the stand-in `electron`, exercises the registered
// guards and handlers, and prints what it found as JSON.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);
const { recorded, app } = await import('./fake-electron.mjs');
await import(pathToFileURL(process.argv[2]).href);

// start() runs after whenReady(); wait until the window exists or start-up failed.
for (let i = 0; i < 200 && !recorded.windows.length && !recorded.fatal; i++) await new Promise((r) => setTimeout(r, 25));

const window = recorded.windows[0];
const appPage = recorded.loaded[0]?.file ? pathToFileURL(recorded.loaded[0].file).href : null;
const contents = window?.instance.webContents;
const navigate = (url) => {
  let prevented = false;
  contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
  return prevented;
};
const call = async (channel, url, request) => recorded.handlers.get(channel)({ senderFrame: { url } }, request);
let permission = null;
contents?.session.permissionHandler?.(contents, 'media', (granted) => (permission = granted));

const report = {
  fatal: recorded.fatal ?? null,
  channels: [...recorded.handlers.keys()].sort(),
  windows: recorded.windows.map((w) => w.options.webPreferences),
  loaded: recorded.loaded,
  singleInstanceLock: recorded.singleInstanceLock,
  protocols: recorded.protocols ?? [],
  listensForLinks: recorded.appListeners.includes('open-url') && recorded.appListeners.includes('second-instance'),
  menus: recorded.menus,
  guards: window
    ? {
        externalNavigationPrevented: navigate('https://example.com/'),
        appNavigationPrevented: navigate(`${appPage}#/reader`),
        otherFileNavigationPrevented: navigate('file:///tmp/downloaded.html'),
        windowOpen: contents.windowOpenHandler?.({ url: 'https://example.com/' })?.action ?? null,
        permissionGranted: permission,
        cspHeader: await new Promise((resolve) => contents.session.headersHook?.({ responseHeaders: {} }, (r) => resolve(r.responseHeaders['Content-Security-Policy']?.[0] ?? null))),
      }
    : null,
  listFromApp: recorded.handlers.size ? await call('library:list', appPage, undefined) : null,
  listFromStranger: recorded.handlers.size ? await call('library:list', 'https://evil.example/', undefined) : null,
  listFromOtherFile: recorded.handlers.size ? await call('library:list', 'file:///tmp/downloaded.html', undefined) : null,
  unknownRequest: recorded.handlers.size ? await call('library:get', appPage, { id: '../../etc' }) : null,
  invalidRequest: recorded.handlers.size ? await call('library:import', appPage, { paths: '/' }) : null,
  sessionCalls: recorded.sessionCalls,
  spellcheck: recorded.windows.map((w) => w.options.webPreferences.spellcheck),
  downloadPrevented: (() => {
    let prevented = false;
    contents?.session.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => 'https://example.com/tracker.zip' }, contents);
    return prevented;
  })(),
  ownFileDownloadPrevented: (() => {
    let prevented = false;
    contents?.session.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => 'blob:file:///0f8fad5b-d9cb-469f-a165-70867728950e' }, contents);
    return prevented;
  })(),
};
app.emit('will-quit');
process.stdout.write(JSON.stringify(report));
setTimeout(() => process.exit(0), 100);
