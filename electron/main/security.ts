// The one place that guards every window: secure webPreferences, navigation, window.open,
// webviews and permission requests. External links open in the system browser after confirmation.
import { app, dialog, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Chromium's spellchecker downloads its dictionaries from Google on Linux and Windows; the app
    // promises that nothing leaves the machine, so it is off.
    spellcheck: false,
  };
}

/**
 * True for the app's own page only: the built renderer's index.html (any #route), or the dev server's
 * origin in development. Any other file on disk is not the app, whatever its scheme.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, appPageUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    try {
      if (parsed.origin === new URL(devServerUrl).origin && parsed.origin !== 'null') return true;
    } catch {
      // a malformed dev server address matches nothing
    }
  }
  const page = new URL(appPageUrl);
  return parsed.protocol === 'file:' && parsed.host === page.host && parsed.pathname === page.pathname;
}

async function confirmExternal(contents: WebContents, url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:' && parsed.protocol !== 'mailto:') return;
  const choice = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (choice.response === 0 && !contents.isDestroyed()) await shell.openExternal(url);
}

export function installSecurityGuards(devServerUrl: string | undefined, appPageUrl: string): void {
  const guardedSessions = new WeakSet<Session>();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url, devServerUrl, appPageUrl)) return;
      event.preventDefault();
      void confirmExternal(contents, url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl, appPageUrl)) event.preventDefault();
    });
    const session = contents.session;
    if (!guardedSessions.has(session)) {
      guardedSessions.add(session);
      // Nothing is fetched from outside: no spellchecker dictionaries, and no downloads, except the
      // files the app's own page makes (a blob: URL, such as an exported archive), which Electron saves
      // through its save dialog. Only the app's scripts run in the page (CSP), so only they make blobs.
      session.setSpellCheckerEnabled(false);
      session.on('will-download', (event, item) => {
        if (!item.getURL().startsWith('blob:')) event.preventDefault();
      });
    }
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void confirmExternal(contents, url);
      return { action: 'deny' };
    });
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  });
}
