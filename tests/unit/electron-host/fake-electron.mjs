// Stand-in for the `electron` module, for loading the built main bundle where the Electron binary
// cannot run. It records what the host registers so the test can check the wiring.
import { EventEmitter } from 'node:events';

export const recorded = { handlers: new Map(), windows: [], menus: 0, singleInstanceLock: false, loaded: [], appListeners: [], sessionCalls: [] };

/** One default session shared by every window, as in Electron; it records every call made on it. */
class FakeSession extends EventEmitter {
  constructor() {
    super();
    this.webRequest = { onHeadersReceived: (fn) => (this.headersHook = fn) };
    const record = (key, args) => recorded.sessionCalls.push([key, ...args.map((a) => (typeof a === 'function' ? 'fn' : a))]);
    // Methods are recorded; any method the real Session has and this stand-in lacks is recorded too.
    return new Proxy(this, {
      get(target, key, receiver) {
        if (typeof key !== 'string' || key === 'then' || Object.prototype.hasOwnProperty.call(target, key)) return Reflect.get(target, key, receiver);
        const value = Reflect.get(target, key, receiver);
        if (['emit', 'listeners', 'listenerCount'].includes(key)) return value.bind(target);
        return (...args) => {
          record(key, args);
          return typeof value === 'function' ? value.apply(target, args) : undefined;
        };
      },
    });
  }
  setPermissionRequestHandler(fn) {
    this.permissionHandler = fn;
  }
}
export const defaultSession = new FakeSession();

class FakeApp extends EventEmitter {
  getPath(name) {
    if (name === 'userData') return process.env.FAKE_USER_DATA;
    throw new Error(`unexpected getPath(${name})`);
  }
  getVersion() {
    return '0.0.0-test';
  }
  requestSingleInstanceLock() {
    recorded.singleInstanceLock = true;
    return true;
  }
  setAsDefaultProtocolClient(scheme) {
    recorded.protocols = [...(recorded.protocols ?? []), scheme];
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  quit() {}
  exit(code) {
    recorded.exitCode = code;
  }
  on(event, listener) {
    recorded.appListeners.push(event);
    return super.on(event, listener);
  }
}
export const app = new FakeApp();

export class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.windowOpenHandler = null;
    this.session = defaultSession;
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  send() {}
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return recorded.windows.map((w) => w.instance);
  }
  constructor(options) {
    super();
    this.webContents = new FakeWebContents();
    recorded.windows.push({ options, instance: this });
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadFile(file) {
    recorded.loaded.push({ file });
    return Promise.resolve();
  }
  loadURL(url) {
    recorded.loaded.push({ url });
    return Promise.resolve();
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
}

export const ipcMain = {
  handle(channel, handler) {
    if (recorded.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorded.handlers.set(channel, handler);
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: () => {
    recorded.menus++;
  },
};

export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showMessageBox: async () => ({ response: 1 }),
  showErrorBox: (title, message) => {
    recorded.fatal = `${title}: ${message}`;
  },
};

export const shell = { openExternal: async (url) => recorded.opened?.push(url) };

export const session = { defaultSession };

export default { app, BrowserWindow, ipcMain, Menu, dialog, shell, session };
