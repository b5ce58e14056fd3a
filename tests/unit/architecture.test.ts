// The layer rules are enforced by lint; this proves the rules bite, so a config slip cannot
// silently turn them off.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it('shared/ imports neither Node, Electron, the DOM nor other layers', async () => {
    expect(await problems('shared/types/x.ts', "import { readFile } from 'node:fs';\nexport const f = readFile;\n")).toEqual([expect.stringMatching(/must not import Node/)]);
    expect(await problems('shared/types/x.ts', "import fs from 'fs';\nexport const f = fs;\n")).toHaveLength(1);
    expect(await problems('shared/types/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('shared/types/x.ts', "import { x } from '../../electron/services/container.ts';\nexport const a = x;\n")).toHaveLength(1);
    expect(await problems('shared/types/x.ts', 'export const w = window.innerWidth;\n')).toEqual([expect.stringMatching(/no-restricted-globals/)]);
    expect(await problems('shared/types/x.ts', "import type { Claim } from './claims.ts';\nexport type C = Claim;\n")).toEqual([]);
  });

  it('renderer/ never imports electron/ nor Node, and only renderer/src/api/ talks to the host', async () => {
    expect(await problems('renderer/src/stores/x.ts', "import { openServices } from '../../../electron/services/container';\nexport const o = openServices;\n")).toHaveLength(1);
    expect(await problems('renderer/src/stores/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems('renderer/src/stores/x.ts', 'export const d = window.dossier;\n')).toEqual([expect.stringMatching(/Only renderer\/src\/api/)]);
    expect(await problems('renderer/src/stores/x.ts', "export const r = fetch('/api/library:list');\n")).toEqual([expect.stringMatching(/Only renderer\/src\/api/)]);
    expect(await problems('renderer/src/api/x.ts', "export const r = fetch('/api/library:list');\n")).toEqual([]);
  });

  it('domain services, the browser host and the CLI never import Electron or a host', async () => {
    expect(await problems('electron/services/library/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([expect.stringMatching(/Electron-free/)]);
    expect(await problems('electron/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('electron/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('electron/services/library/x.ts', "import { startHttpHost } from '../../host/http-host.ts';\nexport const s = startHttpHost;\n")).toHaveLength(1);
    expect(await problems('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
