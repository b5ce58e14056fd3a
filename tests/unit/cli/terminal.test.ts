// The command line never passes escape sequences from library content to the terminal: a hostile
// title or file name prints as inert text, through every command that shows it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import { forTerminal, terminalSafe } from '../../../electron/cli/terminal.ts';

let work: string;
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

async function dossier(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...argv, '--library', join(work, 'library')], { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-term-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('terminal output', () => {
  it('removes control, escape and direction-override characters and keeps tabs and newlines', () => {
    expect(terminalSafe('a\x1b]0;owned\x07b\x1b]52;c;ZXZpbA==\x07\tc\nd\r\u202eevil\u009b2J')).toBe('a]0;ownedb]52;c;ZXZpbA==\tc\ndevil2J');
    expect(forTerminal('\uE000hit\uE001', true)).toBe('\x1b[1mhit\x1b[22m');
    expect(forTerminal('\uE000hit\uE001', false)).toBe('[hit]');
  });

  it('prints hostile titles and file names from import, list, show and search as inert text', async () => {
    const inbox = join(work, 'inbox');
    mkdirSync(inbox);
    const hostileName = 'report\x1b]0;pwned\x07.md';
    writeFileSync(join(inbox, hostileName), '# Title \x1b]52;c;ZXZpbA==\x07 with escape\n\nThe depot stored 480 tonnes of grain \x1b[2J in August.');
    const imported = await dossier('import', inbox);
    expect(imported.code).toBe(0);
    for (const run of [imported, await dossier('list'), await dossier('search', 'depot')]) {
      expect(run.out + run.err).not.toMatch(CONTROL);
    }
    const id = /([0-9a-f]{12})/.exec((await dossier('list')).out)![1]!;
    const shown = await dossier('show', id);
    expect(shown.out).toContain('480 tonnes');
    expect(shown.out + shown.err).not.toMatch(CONTROL);
    const missing = await dossier('show', 'nope\x1b]0;x\x07');
    expect(missing.code).not.toBe(0);
    expect(missing.err).not.toMatch(CONTROL);
  });
});
