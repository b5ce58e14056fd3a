// A brief resolved against a real library (real ingest and claims in a temp folder): figures written
// as qualified by the one figure formatter, the analyst's review carried to the export, and sources
// with the metadata edited in the library.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { InlineClaimsRunner } from '../../../electron/services/claims/claims-runner.ts';
import { toMarkdown } from '../../../electron/services/briefs/export/index.ts';

let work: string;
let services: Services;
let docId: string;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-resolve-'));
  services = await openServices({ libraryDir: join(work, 'library'), host: 'cli', version: 'test', claims: new InlineClaimsRunner() });
  const file = join(work, 'plant.txt');
  writeFileSync(
    file,
    'Plant fire: the count is disputed\nRiver Post, 2023-04-12\nPolice said nowhere near 1,200 workers were inside the plant at the time.\nOfficials said some 3,000 people were moved from nearby streets.\nThe fire burned for 14 hours.\n',
  );
  [{ id: docId }] = (await services.library.importPaths([file])) as Array<{ id: string }>;
  await services.handlers['library:update']({ id: docId, changes: { author: 'Ines Duarte', url: 'https://river.example.org/plant' } });
});
afterEach(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

describe('resolving a brief', () => {
  it('writes figures as qualified, shows the review, and cites the edited metadata', async () => {
    const set = await services.handlers['claims:list']({ id: docId });
    const police = set.claims.find((c) => c.text.startsWith('Police said'))!;
    const moved = set.claims.find((c) => c.text.startsWith('Officials said'))!;
    await services.handlers['claims:review']({ docId, claimId: police.id, status: 'accepted' });
    await services.handlers['claims:review']({ docId, claimId: moved.id, edits: { quantities: [{ low: 3100, high: 3100, approximate: true, bound: 'exact', unit: 'people', text: '3100' }] } });
    // The analyst adds a claim of their own: a part of a sentence the engine took whole.
    const part = 'workers were inside the plant';
    await services.handlers['claims:add']({ docId, start: set.text.indexOf(part), end: set.text.indexOf(part) + part.length });

    const md = toMarkdown(await services.briefs.resolve(await services.briefs.allClaimsBrief('Plant fire')));
    expect(md).toMatch(/\*Accepted by the analyst\* · \*\*Attributed\*\* · Source: Police.* · Figures: well under 1,200 workers/);
    expect(md).toMatch(/\*Corrected by the analyst\* · .*Figures: about 3,100 people/);
    expect(md).toContain('> workers were inside the plant[^');
    expect(md).toMatch(/\*Added by the analyst\* · \*\*Asserted\*\*/);
    expect(md).toContain('From: River Post, 12 April 2023');
    expect(md).toContain('Duarte, I. (2023, April 12). Plant fire: the count is disputed. *River Post*. <https://river.example.org/plant>');
    expect(md).not.toMatch(/Figures: 1,200|Figures: 3100/);
  });
});
