// Electron host: a thin layer that opens the library services, registers one IPC handler per
// contract channel, and shows one secure window. All behaviour lives in the Electron-free services.
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHANNELS, EVENT_CHANNEL, type EventMap, type EventName } from '../../shared/ipc/contract.ts';
import { parsePassageLink } from '../../shared/links.ts';
import { dispatch, openServices, type Services } from '../services/container.ts';
import { toWireError } from '../services/errors.ts';
import { ClaimsRunner } from '../services/claims/claims-runner.ts';
import { CompareRunner } from '../services/compare/compare-runner.ts';
import { ImportRunner } from '../services/ingest/import-runner.ts';
import { SUPPORTED_EXTENSIONS } from '../services/ingest/index.ts';
import type { ExportFormat } from '../services/briefs/export/index.ts';
import { WorkerBriefFileWriter } from '../services/briefs/export/export-runner.ts';
import { resolveLibraryDir } from '../services/storage/paths.ts';
import { CONTENT_SECURITY_POLICY, installSecurityGuards, isAppUrl, secureWebPreferences } from './security.ts';
import { buildMenu } from './menu.ts';

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '../renderer/index.html');
/** The one page that is the app: navigation and IPC accept no other. */
const appPageUrl = pathToFileURL(rendererFile).href;
let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

function libraryDirFromArgs(): string {
  const index = process.argv.indexOf('--library');
  const explicit = index >= 0 ? process.argv[index + 1] : undefined;
  // An empty --library or DOSSIER_LIBRARY counts as unset: the app's own data folder, never a relative path.
  return resolveLibraryDir(explicit, process.env, join(app.getPath('userData'), 'library'));
}

function emit<E extends EventName>(event: E, payload: EventMap[E]): void {
  mainWindow?.webContents.send(EVENT_CHANNEL, { event, payload });
}

async function chooseFiles(): Promise<string[]> {
  const options = {
    title: 'Import into Dossier',
    properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
    filters: [
      { name: 'Documents, archives, annotations and references', extensions: [...SUPPORTED_EXTENSIONS.map((ext) => ext.slice(1)), 'zip', 'jsonld', 'json', 'bib', 'ris'] },
      { name: 'Documents', extensions: SUPPORTED_EXTENSIONS.map((ext) => ext.slice(1)) },
      { name: 'Dossier archives', extensions: ['zip'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function chooseFolder(): Promise<string[]> {
  const options = { title: 'Import a folder into Dossier', properties: ['openDirectory', 'multiSelections'] as Array<'openDirectory' | 'multiSelections'> };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

const EXPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  docx: { name: 'Word document', extensions: ['docx'] },
};

/** Where to save an export: the user's choice, or null when they cancel. */
async function chooseExportPath(fileName: string, format: ExportFormat): Promise<string | null> {
  const options = { title: 'Export brief', defaultPath: join(app.getPath('documents'), fileName), filters: [EXPORT_FILTERS[format]] };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Opens a `dossier://doc/<id>#<start>-<end>` link in the reader, focusing the window. */
function openPassageLink(url: string): void {
  const link = parsePassageLink(url);
  if (!link) return;
  emit('app:command', { command: `open:${link.docId}:${link.start ?? ''}:${link.end ?? ''}` });
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

const linkInArgs = (argv: string[]) => argv.find((arg) => arg.startsWith('dossier://'));

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Dossier',
    backgroundColor: '#1d1f23',
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

function registerHandlers(handlers: Services['handlers']): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      // Only the app's own pages may call the services.
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(senderUrl, devServerUrl, appPageUrl)) return { error: { code: 'forbidden', message: 'Caller is not the Dossier app.' } };
      try {
        return { result: (await dispatch(handlers, channel, request)) ?? null };
      } catch (error) {
        return { error: toWireError(error) };
      }
    });
  }
}

async function start(): Promise<void> {
  installSecurityGuards(devServerUrl, appPageUrl);
  const claims = new ClaimsRunner({ workerFile: join(here, 'claims-worker.js') });
  const ingest = new ImportRunner({ workerFile: join(here, 'import-worker.js') });
  const compare = new CompareRunner({ workerFile: join(here, 'compare-worker.js') });
  const exportWriter = new WorkerBriefFileWriter({ workerFile: join(here, 'export-worker.js') });
  try {
    services = await openServices({
      libraryDir: libraryDirFromArgs(),
      host: 'electron',
      version: app.getVersion(),
      claims,
      ingest,
      compare,
      exportWriter,
      emit,
      openFilesDialog: chooseFiles,
      openFolderDialog: chooseFolder,
      saveExportDialog: chooseExportPath,
    });
  } catch (error) {
    dialog.showErrorBox('Dossier cannot open its library', (error as Error).message);
    app.exit(1);
    return;
  }
  registerHandlers(services.handlers);
  Menu.setApplicationMenu(buildMenu(() => mainWindow, () => emit('app:command', { command: 'library:import' })));
  mainWindow = createWindow();
  const startupLink = pendingLink ?? linkInArgs(process.argv);
  if (startupLink) mainWindow.webContents.once('did-finish-load', () => openPassageLink(startupLink));
}

let pendingLink: string | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAsDefaultProtocolClient('dossier');
  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const link = linkInArgs(argv);
    if (link) openPassageLink(link);
  });
  // macOS delivers protocol links as open-url, possibly before the window exists.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (mainWindow) openPassageLink(url);
    else pendingLink = url;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    void services?.close();
  });
  void app.whenReady().then(start);
}
