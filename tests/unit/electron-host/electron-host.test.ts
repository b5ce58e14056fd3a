// The Electron host's wiring, checked without the Electron binary: the built main bundle against a
// stand-in `electron`, and the built CommonJS preload against a stand-in contextBridge.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import { ClaimsRunner } from '../../../electron/services/claims/claims-runner.ts';
import { ImportRunner } from '../../../electron/services/ingest/import-runner.ts';
import { WorkerBriefFileWriter } from '../../../electron/services/briefs/export/export-runner.ts';
import { streamOf } from '../../../electron/services/briefs/export/streamed.ts';

const root = process.cwd();
const mainBundle = join(root, 'out', 'main', 'index.js');
const preloadBundle = join(root, 'out', 'preload', 'index.cjs');

beforeAll(() => {
  if (!existsSync(mainBundle) || !existsSync(preloadBundle)) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
  }
});

describe('Electron main bundle', () => {
  const userData = mkdtempSync(join(tmpdir(), 'dossier-main-'));
  afterAll(() => rmSync(userData, { recursive: true, force: true }));

  const report = () => {
    const out = execFileSync(process.execPath, [join(root, 'tests', 'unit', 'electron-host', 'run-main.mjs'), mainBundle], {
      env: { ...process.env, FAKE_USER_DATA: userData, DOSSIER_LIBRARY: '' },
      encoding: 'utf8',
    });
    return JSON.parse(out);
  };
  let result: ReturnType<typeof report>;
  beforeAll(() => {
    result = report();
  });

  it('starts without error and registers exactly one handler per contract channel', () => {
    expect(result.fatal).toBeNull();
    expect(result.channels).toEqual([...CHANNELS].sort());
    expect(result.singleInstanceLock).toBe(true);
    expect(result.menus).toBe(1);
  });

  it('registers the dossier:// protocol and listens for passage links', () => {
    expect(result.protocols).toEqual(['dossier']);
    expect(result.listensForLinks).toBe(true);
  });

  it('gives every window secure webPreferences and an existing CommonJS preload', () => {
    expect(result.windows.length).toBeGreaterThan(0);
    for (const prefs of result.windows) {
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
      expect(prefs.preload).toMatch(/\.cjs$/);
      expect(existsSync(prefs.preload)).toBe(true);
    }
    expect(result.loaded[0].file).toMatch(/renderer[/\\]index\.html$/);
  });

  it('guards navigation, window.open and permissions in one place and sets a CSP', () => {
    expect(result.guards.externalNavigationPrevented).toBe(true);
    expect(result.guards.appNavigationPrevented).toBe(false);
    expect(result.guards.otherFileNavigationPrevented).toBe(true);
    expect(result.guards.windowOpen).toBe('deny');
    expect(result.guards.permissionGranted).toBe(false);
    expect(result.guards.cspHeader).toContain("script-src 'self'");
  });

  it('serves the app and refuses other senders and bad ids', () => {
    expect(result.listFromApp).toEqual({ result: [] });
    expect(result.listFromStranger.error.code).toBe('forbidden');
    expect(result.listFromOtherFile.error.code).toBe('forbidden');
    expect(result.unknownRequest.error.code).toBe('bad-id');
    expect(result.invalidRequest.error).toEqual({ code: 'bad-request', message: expect.stringMatching(/field `paths`: expected Array, got a string/) });
  });

  it('sets no session to download anything: spellchecker off, downloads refused but for the files the app makes', () => {
    expect(result.spellcheck.every((on: unknown) => on === false)).toBe(true);
    const calls = result.sessionCalls as unknown[][];
    expect(calls).toContainEqual(['setSpellCheckerEnabled', false]);
    const downloading = calls.filter(([name]) => /Dictionary|SpellCheckerLanguages|downloadURL|setProxy|preconnect|enableNetworkEmulation/i.test(String(name)));
    expect(downloading).toEqual([]);
    expect(calls.filter(([name]) => name === 'setSpellCheckerEnabled').every(([, on]) => on === false)).toBe(true);
    expect(result.downloadPrevented).toBe(true);
    // An export the page made itself (an archive as a blob:) is saved through Electron's save dialog.
    expect(result.ownFileDownloadPrevented).toBe(false);
  });
});

describe('Electron preload bundle', () => {
  it('exposes exactly the contract through contextBridge', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: Array<[string, unknown]> = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        on: () => {},
        invoke: async (channel: string, request: unknown) => {
          invoked.push([channel, request]);
          return { result: 'ok' };
        },
      },
    };
    const module = { exports: {} };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    vm.runInNewContext(readFileSync(preloadBundle, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console });

    expect(Object.keys(exposed)).toEqual(['dossier']);
    const api = exposed.dossier as Record<string, Record<string, (r?: unknown) => Promise<unknown>>> & { on: unknown };
    const verbs = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([domain, methods]) => Object.keys(methods as object).map((verb) => `${domain}:${verb}`))
      .sort();
    expect(verbs).toEqual([...CHANNELS].sort());
    expect(typeof api.on).toBe('function');
    expect(await api.library.get({ id: 'abc' })).toBe('ok');
    expect(invoked).toEqual([['library:get', { id: 'abc' }]]);
    expect(() => (api.on as (e: string, l: () => void) => void)('shell:exec', () => {})).toThrow(/Unknown event/);
  });
});

describe('built workers', () => {
  it('exist beside the bundles that start them, and run in plain Node', { timeout: 30_000 }, async () => {
    const outDir = join(root, 'out', 'main');
    for (const bundle of ['index.js', 'cli.js']) {
      const named = [...readFileSync(join(outDir, bundle), 'utf8').matchAll(/["'`]\.?\/?([a-z-]+-worker\.js)["'`]/g)].map((m) => m[1]);
      expect(new Set(named)).toEqual(new Set(['claims-worker.js', 'import-worker.js', 'compare-worker.js', 'export-worker.js']));
      for (const name of named) expect(existsSync(join(outDir, name))).toBe(true);
    }
    const importer = new ImportRunner({ workerFile: join(outDir, 'import-worker.js') });
    const claims = new ClaimsRunner({ workerFile: join(outDir, 'claims-worker.js') });
    try {
      const doc = await importer.extract({ name: 'note.md', bytes: new Uint8Array(Buffer.from('# Flood\n\nAbout 300 homes were flooded, officials said.')) });
      expect(doc.text).toContain('About 300 homes were flooded');
      expect((await claims.extract(doc.text)).claims.length).toBeGreaterThan(0);
      await expect(importer.extract({ name: 'x.txt', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'empty' });
      const writer = new WorkerBriefFileWriter({ workerFile: join(outDir, 'export-worker.js') });
      const file = join(mkdtempSync(join(tmpdir(), 'dossier-export-worker-')), 'brief.md');
      const bytes = await writer.write(streamOf({ title: 'Flood', generatedAt: '2024-05-02T10:00:00Z', items: [{ type: 'heading', text: 'About 300 homes' }], sources: [], disputes: [] }), 'md', file);
      expect(readFileSync(file, 'utf8')).toBe('# Flood\n\n*Research brief · generated 2 May 2024, 10:00 UTC*\n\n## About 300 homes\n');
      expect(bytes).toBe(statSync(file).size);
      rmSync(dirname(file), { recursive: true, force: true });
    } finally {
      await importer.close();
      await claims.close();
    }
  });
});
