// A small real library for the interchange tests: three reports in a temp folder (written for these
// tests, on real events), imported with claims, a collection, notes on passages, claim reviews and a brief.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { InlineClaimsRunner } from '../../../electron/services/claims/claims-runner.ts';

export const REPORTS = {
  'canal.txt': [
    'Giant container ship blocks the Suez Canal',
    '',
    'The Ever Given ran aground in the Suez Canal on 23 March 2021 and blocked it for six days, the Suez Canal Authority said.',
    '',
    'More than 400 ships were waiting to pass when the vessel was freed on 29 March, according to the authority.',
    '',
    'Lloyd\'s List estimated that the blockage held up about $9.6 billion of trade each day.',
  ].join('\n'),
  'tonga.txt': [
    'Tonga eruption sends ash plume to record height',
    '',
    'The Hunga Tonga-Hunga Ha\'apai volcano erupted on 15 January 2022, sending a plume of ash and gas about 58 kilometres into the sky, NASA scientists said.',
    '',
    'The blast triggered a tsunami that reached the coasts of Japan, Peru and the United States.',
    '',
    'At least three people were killed in Tonga, the government said.',
  ].join('\n'),
  'quake.txt': [
    'Powerful earthquake strikes southern Turkey and Syria',
    '',
    'A magnitude 7.8 earthquake struck southern Turkey near the Syrian border before dawn on 6 February 2023, the US Geological Survey said.',
    '',
    'A second quake of magnitude 7.5 followed about nine hours later, according to the agency.',
    '',
    'Rescue teams from dozens of countries were sent to the region.',
  ].join('\n'),
} as const;

export function workDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dossier-${prefix}-`));
}

export function writeReports(dir: string, names: Array<keyof typeof REPORTS> = Object.keys(REPORTS) as Array<keyof typeof REPORTS>): string[] {
  mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    writeFileSync(join(dir, name), REPORTS[name]);
    return join(dir, name);
  });
}

export const openLibrary = (dir: string): Promise<Services> => openServices({ libraryDir: dir, host: 'cli', version: 'test', claims: new InlineClaimsRunner() });

/**
 * Opens libraries inside the test's work folder (read through `workFolder` when called, since each test
 * makes its own) and, after each test, closes every one and removes the folder.
 */
export function librariesIn(workFolder: () => string): (name: string) => Promise<Services> {
  const open: Services[] = [];
  afterEach(async () => {
    for (const services of open.splice(0)) await services.close();
    rmSync(workFolder(), { recursive: true, force: true });
  });
  return async (name) => {
    const services = await openLibrary(join(workFolder(), name));
    open.push(services);
    return services;
  };
}

/** Offsets of a phrase in a document's text. */
export async function passage(services: Services, docId: string, phrase: string): Promise<{ start: number; end: number }> {
  const text = await services.store.readText(docId);
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${docId}`);
  return { start, end: start + phrase.length };
}

export interface Built {
  ids: Record<string, string>;
  noteIds: string[];
  briefId: string;
  collectionId: string;
}

/** Imports the reports and adds a collection, notes, reviews (accepted, corrected, added) and a brief. */
export async function buildLibrary(services: Services, inbox: string): Promise<Built> {
  const h = services.handlers;
  const results = await h['library:import']({ paths: writeReports(inbox) });
  const ids = Object.fromEntries(results.map((r) => [r.path.split('/').pop()!, r.id!]));
  const story = await h['collections:create']({ name: 'Disasters 2021-23' });
  await h['library:update']({ id: ids['canal.txt']!, changes: { collections: [story.id], tags: ['shipping'], outlet: 'Harbour Wire' } });
  await h['library:update']({ id: ids['tonga.txt']!, changes: { collections: [story.id], author: 'Lea Moana', published: '2022-01-16' } });
  const canal = ids['canal.txt']!;
  const waiting = await passage(services, canal, 'More than 400 ships were waiting to pass');
  const note1 = await h['notes:create']({ docId: canal, ...waiting, body: 'Check the ship count against the **authority** log.' });
  const trade = await passage(services, canal, 'about $9.6 billion of trade each day');
  const note2 = await h['notes:create']({ docId: canal, ...trade, body: 'An estimate, not a measured figure.' });
  const free = await h['notes:create']({ body: 'Ask the desk which shipping data we trust.' });
  const set = await h['claims:list']({ id: canal });
  const ships = set.claims.find((c) => c.text.includes('400 ships'))!;
  await h['claims:review']({ docId: canal, claimId: ships.id, status: 'accepted' });
  const tonga = ids['tonga.txt']!;
  const tongaSet = await h['claims:list']({ id: tonga });
  const plume = tongaSet.claims.find((c) => c.text.includes('58 kilometres'))!;
  await h['claims:review']({ docId: tonga, claimId: plume.id, status: 'accepted', edits: { source: 'NASA' } });
  const tsunami = await passage(services, tonga, 'The blast triggered a tsunami');
  await h['claims:add']({ docId: tonga, ...tsunami });
  const shipsItem = await h['briefs:claimItem']({ docId: canal, claimId: ships.id });
  const brief = await h['briefs:create']({
    title: 'Three disasters',
    items: [{ id: 'h1', type: 'heading', text: 'Shipping' }, shipsItem, { id: 'n1', type: 'note', noteId: note1.id }, { id: 't1', type: 'text', markdown: 'Figures checked on *Monday*.' }],
  });
  return { ids, noteIds: [note1.id, note2.id, free.id], briefId: brief.id, collectionId: story.id };
}

/** Every file of a library folder with its content, to show an import changed nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const rel = relative(dir, full);
      if (rel.startsWith('backups') || rel === '.lock' || rel.startsWith('search')) continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[rel] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}
